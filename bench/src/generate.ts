// A province's worth of data, written straight into the server's database (after its migrations ran):
// orgs with materialised paths, homes, three campaigns, ratings with rater keys made by the server's own
// function, rating_totals counted from those same ratings, grievances with their timelines, and the users
// the benchmark signs in as. Skewed like real data: a few homes hold 2% of all ratings each.
import {
  chinaDay,
  CRITERION_KEYS,
  GRIEVANCE_ACCEPT_DAYS,
  GRIEVANCE_FINAL_LIMITS,
  GRIEVANCE_TOPICS,
  GRIEVANCE_TYPES,
  GrievanceTopic,
  GrievanceType,
  MEMBER_GROUP_KEYS,
  OWNERSHIPS,
  routesToUpperLevel,
  VERDICT_KEYS,
  workingDayDeadline,
} from '@pingjia/shared';
import * as shared from '@pingjia/shared';
import { randomUUID } from 'node:crypto';
import type { Row, Sink } from './db';
import { serverLib } from './server-lib';

export interface SizeParams {
  homes: number;
  /** ratings in the open campaign */
  ratings: number;
  /** ratings across the two earlier campaigns */
  earlier: number;
  grievances: number;
  /** homes that each hold `hotShare` of the open campaign's ratings */
  hotHomes: number;
  hotShare: number;
  /** member users the benchmark rates and files as */
  raters: number;
  seed: number;
}

export function sizeFor(ratings: number, homes = 50_000): SizeParams {
  return {
    homes,
    ratings,
    earlier: Math.round(ratings * 0.4),
    grievances: Math.round(ratings / 25),
    hotHomes: 3,
    hotShare: 0.02,
    raters: 5_000,
    seed: 20260101,
  };
}

export interface Manifest {
  params: SizeParams;
  database: { kind: 'sqlite' | 'mysql' };
  secrets: { JWT_SECRET: string; RATER_KEY_SECRET: string };
  provinceId: string;
  cityIds: string[];
  countyIds: string[];
  campaigns: { current: string; earlier: string[] };
  /** hottest first */
  hotHomes: { id: string; ratings: number }[];
  /** open-mode homes that are not hot, for random picks */
  homeSample: string[];
  users: { provinceAdmin: string; hotChair: string; raters: string[] };
  counts: Record<string, number>;
  loadSeconds: number;
}

const DAY = 24 * 3600_000;
const CITY_NAMES = ['南京', '无锡', '徐州', '常州', '苏州', '南通', '连云港', '淮安', '盐城', '扬州', '镇江', '泰州', '宿迁'];
const INDUSTRIES = ['制造业', '建筑业', '交通运输', '批发零售', '住宿餐饮', '信息技术', '金融', '卫生', '教育', '快递物流'];
const COMMENTS = [
  '希望多组织职工文体活动',
  '工会帮我们解决了加班费的问题，很满意',
  '职工书屋的书可以再多一些',
  '食堂饭菜有改善，感谢工会',
  '希望工会多关心一线职工的劳动保护',
  '困难职工帮扶很及时',
  '活动室开放时间能不能延长',
  '劳动合同签订的事情工会跟进得很好',
];
const GRIEVANCE_TEXTS = [
  '公司连续三个月拖欠加班工资，多次反映没有结果',
  '劳动合同到期后单位不续签也不给经济补偿',
  '车间噪音很大，没有发放劳动防护用品',
  '单位没有按规定缴纳社会保险，希望工会协助',
  '派遣工和正式工同工不同酬，希望了解政策',
  '希望工会对本单位职工之家的活动安排提些建议',
  '春节期间安排加班但没有按三倍工资计发',
  '工伤认定材料单位迟迟不提供，请求帮助',
];
const ROW_COLUMNS = {
  orgs: ['id', 'parent_id', 'name', 'level', 'path', 'created_on'],
  homes: [
    'id',
    'org_id',
    'org_path',
    'name',
    'kind',
    'member_count',
    'worker_count',
    'membership_mode',
    'ownership',
    'industry',
    'scene_token',
    'created_on',
  ],
  campaigns: ['id', 'org_id', 'org_path', 'name', 'status', 'opens_at', 'closes_at', 'created_on'],
  ratings: [
    'id',
    'campaign_id',
    'home_id',
    'rater_key',
    ...CRITERION_KEYS.map(serverLib.scoreColumn),
    'verdict',
    'comment',
    'comment_status',
    'member_groups',
    'updated_on',
  ],
  users: ['id', 'openid', 'unionid', 'username', 'password_hash', 'display_name', 'created_on', 'token_version'],
  role_grants: ['id', 'user_id', 'role', 'org_id'],
  grievances: [
    'id',
    'home_id',
    'org_path',
    'handler_org_id',
    'handler_org_path',
    'escalated',
    'type',
    'topic',
    'content',
    'content_status',
    'anonymous',
    'reporter_key',
    'reporter_name',
    'contact',
    'tracking_hash',
    'status',
    'version',
    'accept_due_at',
    'due_at',
    'completed_at',
    'on_time',
    'extended',
    'reopened',
    'accept_reminded',
    'final_reminded',
    'feedback_verdict',
    'feedback_comment',
    'created_at',
    'updated_at',
  ],
  grievance_events: ['id', 'grievance_id', 'seq', 'kind', 'actor_role', 'message', 'verdict', 'days', 'at'],
} as const;

/** mulberry32: small, fast, seeded. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return {
    next,
    normal,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
  };
}

interface HomePlan {
  id: string;
  orgId: string;
  orgPath: string;
  members: number;
  quality: number;
  /** ratings per campaign: earlier[0], earlier[1], current */
  ratings: [number, number, number];
}

/** The totals counters, in the server's column names, with an index per counter for fast counting. */
function totalsLayout(dbColumns: string[], extra: string[]) {
  const t = serverLib.totals;
  const columns = t.FIGURE_COLUMNS;
  const expected = new Set(['campaign_id', 'home_id', ...columns, ...extra]);
  const unknown = dbColumns.filter((c) => !expected.has(c));
  const missing = [...expected].filter((c) => !dbColumns.includes(c));
  if (unknown.length || missing.length)
    throw new Error(`rating_totals columns differ from the server's: unknown ${unknown.join(',')} missing ${missing.join(',')}`);
  const at = (c: string) => columns.indexOf(c);
  return {
    columns,
    ratings: at('ratings'),
    commentsApproved: at('comments_approved'),
    verdict: Object.fromEntries(VERDICT_KEYS.map((v) => [v, at(v)])) as Record<string, number>,
    sum: CRITERION_KEYS.map((k) => at(t.sumColumn(k))),
    dist: CRITERION_KEYS.map((k) => [0, ...t.SCORES.map((s) => at(t.distColumn(k, s)))]),
    group: MEMBER_GROUP_KEYS.map((g) => at(t.groupColumn(g))),
    groupVerdict: MEMBER_GROUP_KEYS.map(
      (g) => Object.fromEntries(VERDICT_KEYS.map((v) => [v, at(t.groupVerdictColumn(g, v))])) as Record<string, number>,
    ),
  };
}

/** Splits `total` over weights, each share at most `cap(i)`, exactly summing to total when caps allow. */
function apportion(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.floor((w / sum) * total));
  let left = total - out.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % out.length, left--) out[i]++;
  return out;
}

/**
 * The server's CampaignTransitions.freezeHomes for a bench cycle (all its homes are active and under the
 * province the cycles belong to): each home's row in campaign_homes with its member count and place.
 */
export const freezeHomesSql = (campaignId: string): string => {
  if (!/^[0-9a-f-]{36}$/.test(campaignId)) throw new Error(`not a campaign id: ${campaignId}`);
  return `INSERT INTO campaign_homes (campaign_id, home_id, member_count, org_path)
    SELECT '${campaignId}', h.id, h.member_count, h.org_path FROM homes h
    WHERE h.deactivated_at IS NULL AND NOT EXISTS (SELECT 1 FROM campaign_homes ch WHERE ch.campaign_id = '${campaignId}' AND ch.home_id = h.id)`;
};

/** The manifest's cycles, for data loaded before the generator froze homes into them (freezeHomesSql). */
export const cycleIds = (m: Manifest): string[] => [...m.campaigns.earlier, m.campaigns.current];

export async function generate(sink: Sink, p: SizeParams, secrets: Manifest['secrets'], log: (s: string) => void): Promise<Manifest> {
  const started = Date.now();
  const r = prng(p.seed);
  const now = Date.now();
  const today = chinaDay(now);
  const counts: Record<string, number> = {};
  const push = (table: keyof typeof ROW_COLUMNS, row: Row) => {
    counts[table] = (counts[table] ?? 0) + 1;
    return sink.push(table, ROW_COLUMNS[table], row);
  };

  // Secondary indexes are made after the load (see the end): one sort each instead of a B-tree insert per row.
  const indexes = await sink.dropSecondaryIndexes([
    'homes',
    'ratings',
    'rating_totals',
    'rating_totals_staged',
    'rating_totals_shown',
    'grievances',
    'grievance_events',
  ]);

  // Orgs: a province, 13 cities, 100 counties.
  const provinceId = randomUUID();
  const provincePath = `/${provinceId}/`;
  await push('orgs', [provinceId, null, '江苏省总工会', 'province', provincePath, today]);
  const cities = CITY_NAMES.map((name) => ({ id: randomUUID(), name }));
  for (const c of cities) await push('orgs', [c.id, provinceId, `${c.name}市总工会`, 'city', `${provincePath}${c.id}/`, today]);
  const counties = Array.from({ length: 100 }, (_, i) => {
    const city = cities[i % cities.length];
    return {
      id: randomUUID(),
      city,
      path: `${provincePath}${city.id}/`,
      name: `${city.name}第${Math.floor(i / cities.length) + 1}区县总工会`,
    };
  });
  for (const c of counties) await push('orgs', [c.id, c.city.id, c.name, 'county', `${c.path}${c.id}/`, today]);

  // Campaigns: two earlier, published; the open one started 20 days ago.
  const campaign = (yearsAgo: number) => ({
    id: randomUUID(),
    opensAt: now - yearsAgo * 365 * DAY - 20 * DAY,
    closesAt: now - yearsAgo * 365 * DAY + 40 * DAY,
  });
  const campaigns = [campaign(2), campaign(1), campaign(0)];
  for (const [i, c] of campaigns.entries()) {
    const year = new Date(c.opensAt).getFullYear();
    await push('campaigns', [
      c.id,
      provinceId,
      provincePath,
      `${year}年度会员评家`,
      i === 2 ? 'open' : 'published',
      new Date(c.opensAt).toISOString(),
      new Date(c.closesAt).toISOString(),
      chinaDay(c.opensAt),
    ]);
  }

  // Homes: 95% under counties, 5% directly under cities; log-normal sizes; a few very large ones.
  const hot = Math.round(p.ratings * p.hotShare);
  const weights = Array.from({ length: p.homes }, () => Math.exp(1.1 * r.normal()));
  const rest = apportion(weights.slice(p.hotHomes), p.ratings - hot * p.hotHomes);
  const homes: HomePlan[] = [];
  for (let i = 0; i < p.homes; i++) {
    const current = i < p.hotHomes ? hot - i : rest[i - p.hotHomes];
    const participation = i < p.hotHomes ? 0.8 : 0.15 + 0.8 * r.next();
    const members = Math.max(5, Math.ceil(current / participation), Math.round(20 * weights[i]));
    const earlier = (share: number) => Math.min(members, Math.round(current * share * (0.7 + 0.6 * r.next())));
    const underCity = r.next() < 0.05;
    const county = counties[i % counties.length];
    const org = underCity ? { id: county.city.id, path: `${county.path}` } : { id: county.id, path: `${county.path}${county.id}/` };
    homes.push({
      id: randomUUID(),
      orgId: org.id,
      orgPath: org.path,
      members,
      quality: Math.min(4.9, Math.max(1.5, 3.9 + 0.5 * r.normal())),
      ratings: [earlier(0.2), earlier(0.2), current],
    });
  }
  // The earlier campaigns' totals are made to match `earlier` exactly.
  for (const e of [0, 1] as const) {
    const want = Math.round(p.earlier / 2);
    const have = homes.reduce((a, h) => a + h.ratings[e], 0);
    const scaled = apportion(
      homes.map((h) => h.ratings[e] + 1e-9),
      want,
    );
    homes.forEach((h, i) => (h.ratings[e] = Math.min(h.members, scaled[i])));
    if (have === 0 && want > 0) homes[0].ratings[e] = Math.min(homes[0].members, want);
  }
  for (const [i, h] of homes.entries()) {
    const name =
      i < p.hotHomes ? `${CITY_NAMES[i]}市产业工人联合职工之家` : `${r.pick(CITY_NAMES)}${r.pick(INDUSTRIES)}第${i}号企业工会职工之家`;
    const workers = r.next() < 0.6 ? Math.ceil(h.members / (0.8 + 0.2 * r.next())) : null;
    await push('homes', [
      h.id,
      h.orgId,
      h.orgPath,
      name,
      i < p.hotHomes ? 'joint' : r.next() < 0.85 ? 'enterprise' : 'joint',
      h.members,
      workers,
      'open',
      r.pick(OWNERSHIPS),
      r.pick(INDUSTRIES),
      serverLib.newSceneToken(),
      today,
    ]);
  }
  log(`orgs ${counts.orgs}, homes ${counts.homes}`);

  // Ratings and their totals rows, home by home, campaign by campaign.
  // Open-cycle snapshots (migration 1764000000030, when present): every new rating counts one write;
  // each `step` writes the staged snapshot moves to shown and the totals so far become staged, exactly
  // as ratings.service + open-figures do when the same ratings arrive one by one.
  const totalsDbColumns = await sink.columns('rating_totals');
  const snapshots = totalsDbColumns.includes('window_start') && (await sink.columns('rating_totals_shown')).length > 0;
  const ratingColumns = (await sink.columns('ratings')).includes('counted_window')
    ? [...ROW_COLUMNS.ratings, 'counted_window']
    : [...ROW_COLUMNS.ratings];
  const fromShared = (shared as unknown as Record<string, unknown>).openFiguresStep;
  const step = typeof fromShared === 'function' ? Number((fromShared as () => number)()) : shared.DEFAULT_THRESHOLDS.minSlice;
  const layout = totalsLayout(totalsDbColumns, snapshots ? ['writes', 'window_start'] : []);
  const totalsColumns = ['campaign_id', 'home_id', ...layout.columns, ...(snapshots ? ['writes', 'window_start'] : [])];
  const snapshotColumns = ['campaign_id', 'home_id', ...layout.columns, 'writes'];
  const acc = new Float64Array(layout.columns.length);
  let staged: Float64Array | null;
  let shown: Float64Array | null;
  log(snapshots ? `open-cycle snapshots every ${step} writes (rating_totals_staged, rating_totals_shown)` : 'no snapshot tables');
  for (const [ci, c] of campaigns.entries()) {
    const until = Math.min(now, c.closesAt);
    for (const h of homes) {
      const n = h.ratings[ci];
      if (!n) continue;
      acc.fill(0);
      staged = shown = null;
      for (let j = 0; j < n; j++) {
        const scores = CRITERION_KEYS.map((_, k) => Math.min(5, Math.max(1, Math.round(h.quality + 0.8 * r.normal() - 0.15 * k + 0.3))));
        const mean = scores.reduce((a, b) => a + b, 0) / scores.length + 0.5 * r.normal();
        const verdict = mean >= 3.7 ? 'satisfied' : mean >= 2.7 ? 'basically_satisfied' : 'dissatisfied';
        const hasComment = r.next() < 0.04;
        const cs = hasComment ? r.next() : 1;
        const commentStatus = !hasComment ? 'none' : cs < 0.6 ? 'approved' : cs < 0.9 ? 'held' : 'rejected';
        const groups: number[] = [];
        if (r.next() < 0.35) {
          groups.push(r.int(0, MEMBER_GROUP_KEYS.length - 1));
          if (r.next() < 0.3) {
            const g2 = r.int(0, MEMBER_GROUP_KEYS.length - 1);
            if (g2 !== groups[0]) groups.push(g2);
          }
        }
        const groupKeys = groups.map((g) => MEMBER_GROUP_KEYS[g]).sort();
        acc[layout.ratings]++;
        acc[layout.verdict[verdict]]++;
        if (commentStatus === 'approved') acc[layout.commentsApproved]++;
        for (let k = 0; k < scores.length; k++) {
          acc[layout.sum[k]] += scores[k];
          acc[layout.dist[k][scores[k]]]++;
        }
        for (const g of groups) {
          acc[layout.group[g]]++;
          acc[layout.groupVerdict[g][verdict]]++;
        }
        const key = serverLib.raterKey(secrets.RATER_KEY_SECRET, c.id, h.id, randomUUID());
        const day = chinaDay(c.opensAt + r.next() * (until - c.opensAt));
        const row: Row = [
          randomUUID(),
          c.id,
          h.id,
          key,
          ...scores,
          verdict,
          hasComment ? r.pick(COMMENTS) : null,
          commentStatus,
          groupKeys.join(','),
          day,
        ];
        if (ratingColumns.length > ROW_COLUMNS.ratings.length) row.push(Math.floor(j / step) * step);
        counts.ratings = (counts.ratings ?? 0) + 1;
        await sink.push('ratings', ratingColumns, row);
        if (snapshots && (j + 1) % step === 0) {
          shown = staged;
          staged = Float64Array.from(acc);
        }
      }
      const windowStart = Math.floor(n / step) * step;
      await sink.push('rating_totals', totalsColumns, snapshots ? [c.id, h.id, ...acc, n, windowStart] : [c.id, h.id, ...acc]);
      counts.rating_totals = (counts.rating_totals ?? 0) + 1;
      if (staged) await sink.push('rating_totals_staged', snapshotColumns, [c.id, h.id, ...staged, windowStart]);
      if (shown) await sink.push('rating_totals_shown', snapshotColumns, [c.id, h.id, ...shown, windowStart - step]);
    }
    log(`campaign ${ci + 1}/3: ${homes.reduce((a, h) => a + h.ratings[ci], 0)} ratings (${Math.round((Date.now() - started) / 1000)} s)`);
  }

  // Grievances with their timelines, spread over the last 400 days, weighted by home size.
  const keys = new serverLib.GrievanceKeys(secrets.RATER_KEY_SECRET);
  const isWorkday = serverLib.workdayLookup(new Map());
  const perHome = apportion(
    homes.map((h) => h.members),
    p.grievances,
  );
  for (const [hi, h] of homes.entries()) {
    for (let j = 0; j < perHome[hi]; j++) {
      const type = r.pick(GRIEVANCE_TYPES) as GrievanceType;
      const topic = r.pick(GRIEVANCE_TOPICS) as GrievanceTopic;
      const created = now - r.next() * 400 * DAY;
      const ageDays = (now - created) / DAY;
      const upper = routesToUpperLevel(topic);
      const escalated = !upper && r.next() < 0.03;
      const anonymous = r.next() < 0.5;
      const acceptDue = workingDayDeadline(new Date(created), GRIEVANCE_ACCEPT_DAYS, isWorkday);
      let due = workingDayDeadline(new Date(created), GRIEVANCE_FINAL_LIMITS[type].days, isWorkday);
      // How far it got: older ones are mostly closed. Each server change bumps the version and adds events.
      const progress = ageDays > 30 ? (r.next() < 0.85 ? 3 : r.int(1, 2)) : r.int(0, 3);
      const actor = upper || escalated ? 'federation' : 'chair';
      const span = Math.min(ageDays, 20) * DAY;
      const time = (k: number) => new Date(created + (k * span) / 4).toISOString();
      const events: [string, string, string | null, string | null, string][] = [['submitted', 'reporter', null, null, time(0)]];
      let version = 1;
      let status = 'submitted';
      let completedAt: string | null = null;
      let onTime: number | null = null;
      let feedback: string | null = null;
      let reopened = 0;
      if (escalated) {
        version++;
        events.push(['escalated', 'system', '超过办理时限，转上级工会督办', null, time(0.5)]);
      }
      if (progress >= 1) {
        version++;
        status = 'accepted';
        events.push(['accepted', actor, null, null, time(1)]);
      }
      if (progress >= 2) {
        version++;
        status = GRIEVANCE_FINAL_LIMITS[type].kind === 'reply' ? 'replied' : 'resolved';
        completedAt = time(2);
        onTime = r.next() < 0.85 ? 1 : 0;
        events.push([status, actor, '已与单位沟通，问题已处理并答复职工', null, completedAt]);
      }
      if (progress >= 3) {
        version++;
        feedback = r.next() < 0.8 ? 'satisfied' : 'dissatisfied';
        events.push(['feedback', 'reporter', null, feedback, time(3)]);
        if (feedback === 'satisfied') {
          status = 'closed';
          events.push(['closed', 'reporter', null, null, time(3)]);
        } else {
          // Dissatisfied the first time: a new round of handling with fresh limits.
          status = 'accepted';
          reopened = 1;
          completedAt = null;
          due = workingDayDeadline(new Date(time(3)), GRIEVANCE_FINAL_LIMITS[type].days, isWorkday);
          events.push(['reopened', 'reporter', null, null, time(3)]);
        }
      }
      const id = randomUUID();
      await push('grievances', [
        id,
        h.id,
        h.orgPath,
        upper || escalated ? h.orgId : null,
        upper || escalated ? h.orgPath : null,
        escalated ? 1 : 0,
        type,
        topic,
        r.pick(GRIEVANCE_TEXTS),
        r.next() < 0.9 ? 'approved' : 'held',
        anonymous ? 1 : 0,
        keys.reporterKeys(randomUUID())[0],
        anonymous ? null : '张师傅',
        anonymous ? null : `139${String(r.int(0, 99_999_999)).padStart(8, '0')}`,
        serverLib.sha256(serverLib.newTrackingCode()),
        status,
        version,
        acceptDue,
        due,
        completedAt,
        onTime,
        0,
        reopened,
        0,
        0,
        feedback,
        null,
        time(0),
        events[events.length - 1][4],
      ]);
      for (const [k, e] of events.entries()) await push('grievance_events', [randomUUID(), id, k + 1, e[0], e[1], e[2], e[3], null, e[4]]);
    }
  }
  log(`grievances ${counts.grievances ?? 0}, events ${counts.grievance_events ?? 0}`);

  // Users: a province admin, the chair of the hottest home, and member raters (as a WeChat login makes them).
  const user = async (openid: string | null, name: string | null) => {
    const id = randomUUID();
    await push('users', [id, openid, null, null, null, name, today, 0]);
    return id;
  };
  const provinceAdmin = await user(null, '省总工会基准管理员');
  await push('role_grants', [randomUUID(), provinceAdmin, 'federation_admin', provinceId]);
  const hotChair = await user(null, '基准主席');
  await push('role_grants', [randomUUID(), hotChair, 'chair', homes[0].id]);
  const raters: string[] = [];
  for (let i = 0; i < p.raters; i++) raters.push(await user(`bench_${i}_${randomUUID().slice(0, 8)}`, null));
  await sink.flush();
  // Every home frozen into every cycle, as the server does when a cycle opens: a closed cycle's league and
  // roll-ups are read from these rows, so without them the org rows would scan an empty subtree.
  for (const c of campaigns) await sink.exec(freezeHomesSql(c.id));
  const indexStarted = Date.now();
  for (const sql of indexes) await sink.exec(sql);
  log(`${indexes.length} index statements after the load: ${Math.round((Date.now() - indexStarted) / 1000)} s`);

  const manifest: Manifest = {
    params: p,
    database: { kind: sink.kind },
    secrets,
    provinceId,
    cityIds: cities.map((c) => c.id),
    countyIds: counties.map((c) => c.id),
    campaigns: { current: campaigns[2].id, earlier: [campaigns[0].id, campaigns[1].id] },
    hotHomes: homes.slice(0, p.hotHomes).map((h) => ({ id: h.id, ratings: h.ratings[2] })),
    homeSample: homes.slice(p.hotHomes, p.hotHomes + 20_000).map((h) => h.id),
    users: { provinceAdmin, hotChair, raters },
    counts,
    loadSeconds: (Date.now() - started) / 1000,
  };
  await verify(sink, manifest, layout.columns);
  return manifest;
}

/** The totals rows must equal what the ratings add up to: checked for the hottest home and a sample. */
async function verify(sink: Sink, m: Manifest, columns: string[]): Promise<void> {
  const t = serverLib.totals;
  const c = m.campaigns.current;
  const homes = [m.hotHomes[0].id, ...m.homeSample.slice(0, 20)];
  for (const h of homes) {
    const [fromRatings] = await sink.all<Record<string, number | string>>(
      `SELECT COUNT(*) AS ratings, ${CRITERION_KEYS.map((k) => `COALESCE(SUM(${serverLib.scoreColumn(k)}), 0) AS ${t.sumColumn(k)}`).join(', ')}, COALESCE(SUM(CASE WHEN verdict = 'satisfied' THEN 1 ELSE 0 END), 0) AS satisfied,
        COALESCE(SUM(CASE WHEN comment_status = 'approved' THEN 1 ELSE 0 END), 0) AS comments_approved FROM ratings WHERE campaign_id = ? AND home_id = ?`,
      [c, h],
    );
    const checked = ['ratings', ...CRITERION_KEYS.map(t.sumColumn), 'satisfied', 'comments_approved'];
    const [totals] = await sink.all<Record<string, number | string>>(
      `SELECT ${checked.join(', ')} FROM rating_totals WHERE campaign_id = ? AND home_id = ?`,
      [c, h],
    );
    for (const k of checked) {
      if (Number(fromRatings[k]) !== Number(totals?.[k] ?? 0))
        throw new Error(`totals differ from ratings for home ${h}: ${k} ${fromRatings[k]} vs ${totals?.[k]}`);
    }
  }
  const [all] = await sink.all<{ n: number | string; t: number | string }>(
    `SELECT (SELECT COUNT(*) FROM ratings WHERE campaign_id = ?) AS n, (SELECT COALESCE(SUM(ratings), 0) FROM rating_totals WHERE campaign_id = ?) AS t`,
    [c, c],
  );
  if (Number(all.n) !== Number(all.t)) throw new Error(`rating_totals add up to ${all.t}, ratings are ${all.n}`);
  if (columns.length < 10) throw new Error('totals layout looks wrong');
}
