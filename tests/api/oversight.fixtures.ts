import { admin, api, cityWithCampaign, member, ratingPath, uniq } from './fixtures';
import { scoresOf } from '../support/scores';
import { confirmedMove, openCycle } from '../support/campaigns';

export type VerdictKey = 'satisfied' | 'basically_satisfied' | 'dissatisfied';
export const scores = (v: number) => scoresOf(v);

/** `n` fresh members rate the home with the same scores and verdict (and optional groups/comment); their user ids. */
export async function rateMany(
  campaignId: string,
  homeId: string,
  n: number,
  verdict: VerdictKey,
  opts: { score?: number; groups?: string[]; comment?: string } = {},
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const m = await member();
    ids.push(m.id);
    const body: Record<string, unknown> = { scores: scores(opts.score ?? 4), verdict };
    if (opts.groups) body.groups = opts.groups;
    if (opts.comment) body.comment = `${opts.comment}${i}`;
    const res = await api().put(ratingPath(campaignId, homeId), { token: m.token, body });
    if (res.status !== 201) throw new Error(`rating: ${res.status} ${res.text}`);
  }
  return ids;
}

/** What a home's dashboard shows of a cycle below five ratings (or still open): its participation, nothing else. */
export const PARTICIPATION_ONLY = {
  satisfaction: null,
  criteria: null,
  tier: null,
  title: null,
  groups: null,
  comments: null,
  withheld: true,
};

/** A city of its own under the demo province, with no homes yet. */
export async function freshCity() {
  const { token, provinceId } = await admin();
  const city = await createOrg(token, provinceId, 'city', uniq('测试市'));
  return { adminToken: token, provinceId, city };
}

export async function createHome(token: string, orgId: string, memberCount: number, name = uniq('工会职工之家'), workerCount?: number) {
  const res = await api().post('/api/homes', {
    token,
    body: { orgId, name, kind: 'enterprise', memberCount, membershipMode: 'open', ...(workerCount ? { workerCount } : {}) },
  });
  if (res.status !== 201) throw new Error(`home: ${res.status} ${res.text}`);
  return res.body as { id: string; name: string; sceneToken: string; orgId: string };
}

export async function createOrg(token: string, parentId: string, level: string, name = uniq('测试组织')) {
  const res = await api().post('/api/orgs', { token, body: { parentId, name, level } });
  if (res.status !== 201) throw new Error(`org: ${res.status} ${res.text}`);
  return res.body as { id: string; name: string };
}

/** A campaign over the org, opened (opensAt `agoMs` before now). */
export async function openCampaign(token: string, orgId: string, agoMs = 3600e3) {
  return (await openCycle(api(), token, orgId, uniq('评家'), agoMs)) as { id: string; name: string };
}

export async function moveCampaign(token: string, campaignId: string, move: 'close' | 'publish') {
  const res = await confirmedMove(api(), token, campaignId, move);
  if (res.status !== 200) throw new Error(`${move}: ${res.status} ${res.text}`);
}

/** Invites a chair for the home and accepts with a new H5 account; returns the chair's token. */
export async function chairOf(adminToken: string, homeId: string) {
  const invite = await api().post(`/api/homes/${homeId}/invites`, { token: adminToken, body: { role: 'chair' } });
  if (invite.status !== 201) throw new Error(`invite: ${invite.status} ${invite.text}`);
  const username = uniq('chair_');
  const accepted = await api().post(`/api/invites/${invite.body.code}/accept`, { body: { username, password: 'chair-password-123' } });
  if (accepted.status !== 200) throw new Error(`accept: ${accepted.status} ${accepted.text}`);
  return { token: accepted.body.token as string, userId: accepted.body.user.id as string, username };
}

/** A fresh city with homes of these member counts (in this order), then a cycle opened over it and the first home's chair. */
export async function openCityWithChair(memberCounts: number[]) {
  const { adminToken, city } = await freshCity();
  const homes = [];
  for (const members of memberCounts) homes.push(await createHome(adminToken, city.id, members));
  const campaign = await openCampaign(adminToken, city.id);
  const chair = await chairOf(adminToken, homes[0].id);
  return { adminToken, city, homes, campaign, chair };
}

export { api, cityWithCampaign, member, ratingPath, uniq };
