// What the load tool sends: one builder per scenario, each answering a fresh request every call, so
// raters, homes and pages vary the way real traffic does.
import { createHmac } from 'node:crypto';
import { CRITERION_KEYS, GRIEVANCE_TOPICS, GRIEVANCE_TYPES, LEAGUE_SORT_KEYS, MEMBER_GROUP_KEYS, VERDICT_KEYS } from '@pingjia/shared';
import type { Manifest } from './generate';

export interface Req {
  method: 'GET' | 'PUT' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Scenario {
  name: string;
  description: string;
  /** targets apply to the full-size SQLite run */
  target?: { ratio?: number; p99?: number };
  next: () => Req;
}

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** An HS256 token as the server issues it (sub, ver), signed with its JWT_SECRET. */
export function mintToken(secret: string, userId: string, ttlSeconds = 24 * 3600): string {
  const iat = Math.floor(Date.now() / 1000);
  const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: userId, ver: 0, iat, exp: iat + ttlSeconds })}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

/** Issue 20's targets for the org dashboards and the league page (full size, SQLite). */
const ORG_TARGET = { ratio: 0.15, p99: 100 };

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)];
const json = { 'content-type': 'application/json' };

/**
 * A home never counts more ratings than its members (rating-integrity.ts: 409 beyond). The generated
 * member counts fit the generated ratings; the scenarios add ratings from random raters, so every home
 * gets room for RATING_ROOM more (a refusal would make the scenario invalid, and measure the refusal).
 * Run on each copy a run uses (run.ts; writes-cpu.js on SQLite).
 */
const RATING_ROOM = 200;
export const roomSql = (m: Manifest): string[] => [
  `UPDATE homes SET member_count = member_count + ${RATING_ROOM}`,
  // The open cycle's limit is the member count frozen into it at opening (campaign_homes), as in the server.
  `UPDATE campaign_homes SET member_count = member_count + ${RATING_ROOM} WHERE campaign_id = '${m.campaigns.current}'`,
];

export function buildScenarios(m: Manifest): Scenario[] {
  const auth = (id: string) => ({ authorization: `Bearer ${mintToken(m.secrets.JWT_SECRET, id)}` });
  const admin = auth(m.users.provinceAdmin);
  const raters = m.users.raters.map(auth);
  const cid = m.campaigns.current;
  // The dashboards read the last closed, published cycle: its full figures (scores, distributions, groups,
  // trend, comments), as issue 20's targets ask; the open cycle's answer holds its participation only.
  const published = `?campaignId=${m.campaigns.earlier[m.campaigns.earlier.length - 1]}`;
  const hot = m.hotHomes[0].id;
  const pages = Math.max(1, Math.floor(m.params.homes / 20));

  const rating = (withComment: boolean): Req => {
    const scores = Object.fromEntries(CRITERION_KEYS.map((k) => [k, 1 + Math.floor(Math.random() * 5)]));
    const groups = Math.random() < 0.35 ? [pick(MEMBER_GROUP_KEYS)] : [];
    const body: Record<string, unknown> = { scores, verdict: pick(VERDICT_KEYS), groups };
    if (withComment) body.comment = '希望工会多组织一些职工文体活动，谢谢';
    return {
      method: 'PUT',
      path: `/api/campaigns/${cid}/homes/${pick(m.homeSample)}/my-rating`,
      headers: { ...json, ...pick(raters) },
      body: JSON.stringify(body),
    };
  };
  const get = (path: string): Req => ({ method: 'GET', path, headers: admin });
  const homeDashboard = () => get(`/api/homes/${pick(m.homeSample)}/dashboard${published}`);
  const hotDashboard = () => get(`/api/homes/${hot}/dashboard${published}`);
  const org = (id: string) => get(`/api/orgs/${id}/dashboard${published}`);
  const league = () =>
    get(
      `/api/orgs/${m.provinceId}/dashboard${published}&sort=${pick(LEAGUE_SORT_KEYS)}&order=${pick(['asc', 'desc'])}&page=${1 + Math.floor(Math.random() * Math.min(pages, 50))}&pageSize=20`,
    );
  const grievance = (): Req => ({
    method: 'POST',
    path: '/api/grievances',
    headers: { ...json, ...pick(raters) },
    body: JSON.stringify({
      homeId: pick(m.homeSample),
      type: pick(GRIEVANCE_TYPES),
      topic: pick(GRIEVANCE_TOPICS),
      content: '单位连续两个月拖欠加班工资，希望工会帮助协调解决',
      anonymous: Math.random() < 0.5,
    }),
  });

  const scenarios: Scenario[] = [
    {
      name: 'rating-put',
      description: 'PUT my-rating, random rater and home (mostly new ratings)',
      target: { ratio: 0.1, p99: 50 },
      next: () => rating(false),
    },
    { name: 'rating-put-comment', description: 'PUT my-rating with a comment (held: moderation not configured)', next: () => rating(true) },
    {
      name: 'home-dashboard',
      description: 'GET home dashboard, random home, province admin, last published cycle',
      target: { ratio: 0.25, p99: 20 },
      next: homeDashboard,
    },
    {
      name: 'home-dashboard-hot',
      description: `GET home dashboard of the hottest home (${m.hotHomes[0].ratings} ratings in the open cycle), last published cycle`,
      target: { ratio: 0.35, p99: 20 },
      next: hotDashboard,
    },
    { name: 'org-county', description: 'GET org dashboard of a county', target: ORG_TARGET, next: () => org(pick(m.countyIds)) },
    { name: 'org-city', description: 'GET org dashboard of a city', target: ORG_TARGET, next: () => org(pick(m.cityIds)) },
    {
      name: 'org-province',
      description: `GET org dashboard of the province (${m.params.homes} homes)`,
      target: ORG_TARGET,
      next: () => org(m.provinceId),
    },
    {
      name: 'league-page',
      description: 'GET province league table page of the last published cycle: random sort key, order and page',
      target: ORG_TARGET,
      next: league,
    },
    { name: 'grievance-post', description: 'POST a grievance, random home, type and topic', next: grievance },
  ];
  // 90% reads, 10% writes.
  const mix: [number, () => Req][] = [
    [0.5, homeDashboard],
    [0.05, hotDashboard],
    [0.2, () => org(pick(m.countyIds))],
    [0.1, () => org(pick(m.cityIds))],
    [0.025, () => org(m.provinceId)],
    [0.025, league],
    [0.08, () => rating(Math.random() < 0.2)],
    [0.02, grievance],
  ];
  scenarios.push({
    name: 'mixed',
    target: { ratio: 0.15, p99: 100 },
    description: 'mixed: 90% reads (home 55%, county 20%, city 10%, province 2.5%, league 2.5%), 10% writes (rating 8%, grievance 2%)',
    next: () => {
      let x = Math.random();
      for (const [w, f] of mix) if ((x -= w) < 0) return f();
      return mix[0][1]();
    },
  });
  return scenarios;
}
