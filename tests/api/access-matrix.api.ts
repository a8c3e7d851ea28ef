// Who may call what: every endpoint of every controller against every role, with the status each
// must get. Rows run in order and, within a row, roles run in ROLES order (the allowed ones last where
// a success changes state). Out of reach is a 404 (ids cannot be probed), never a 200.
import { randomBytes, randomUUID } from 'node:crypto';
import { GOOD_CONTENT, grievanceFixtures, grantRole, Person } from './grievances.fixtures';
import { api, uniq } from './fixtures';
import { openCampaignOn } from './own-server';
import { scoresOf } from '../support/scores';
import { confirmedMove } from '../support/campaigns';

const ROLES = ['anonymous', 'member', 'otherMember', 'otherChair', 'adminElsewhere', 'chair', 'adminAbove'] as const;
type Role = (typeof ROLES)[number];
type Statuses = Record<Role, number>;

const target = { dataDir: process.env.PINGJIA_DATA_DIR, url: process.env.TEST_DATABASE_URL };
const fx = grievanceFixtures(api(), target);

/** Everyone gets the same answer (public endpoints). */
const all = (s: number, anonymous = s): Statuses => ({
  anonymous,
  member: s,
  otherMember: s,
  otherChair: s,
  adminElsewhere: s,
  chair: s,
  adminAbove: s,
});
/** Any signed-in user. */
const signedIn = (s: number) => all(s, 401);
/** The home's chair and the federation above it; nobody else sees that the home exists. */
const homeStaff = (s: number, chair = s): Statuses => ({
  anonymous: 401,
  member: 404,
  otherMember: 404,
  otherChair: 404,
  adminElsewhere: 404,
  chair,
  adminAbove: s,
});
/** The federation admin of the org (or above); chairs are not admins of their city. */
const orgAdmin = (s: number): Statuses => homeStaff(s, 404);

interface Ctx {
  people: Record<Exclude<Role, 'anonymous'>, Person>;
  root: { token: string; provinceId: string };
  city: { id: string };
  otherCity: { id: string };
  county: { id: string };
  homeA: { id: string; sceneToken?: string };
  homeB: { id: string };
  campaign: { id: string };
  /** closed, for rectification */
  closed: { id: string };
  /** draft, moved open → close → publish by the rows */
  draft: { id: string; name: string };
  grievance: { id: string; trackingCode: string };
  heldComments: string[];
  spareHomeGrant: string;
  spareOrgGrant: string;
}

interface Row {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: (c: Ctx) => string;
  body?: (c: Ctx, role: Role) => unknown;
  raw?: string;
  headers?: Record<string, string>;
  expect: Statuses;
}

const ratingBody = { scores: scoresOf(4), verdict: 'satisfied' };
const day = '2031-03-03';

const ROWS: Row[] = [
  // public
  { name: 'GET /health', method: 'GET', path: () => '/api/health', expect: all(200) },
  { name: 'GET /config', method: 'GET', path: () => '/api/config', expect: all(200) },
  { name: 'GET /homes/scene/:scene', method: 'GET', path: (c) => `/api/homes/scene/${c.homeA.sceneToken}`, expect: all(200) },
  { name: 'GET /homes/:id/results', method: 'GET', path: (c) => `/api/homes/${c.homeA.id}/results`, expect: all(200) },
  {
    name: 'GET /grievances/track/:code',
    method: 'GET',
    path: (c) => `/api/grievances/track/${c.grievance.trackingCode}`,
    expect: all(200),
  },
  {
    name: 'POST /auth/password (wrong password)',
    method: 'POST',
    path: () => '/api/auth/password',
    body: () => ({ username: `nobody_${randomBytes(4).toString('hex')}`, password: 'wrong-password-123' }),
    expect: all(401),
  },
  {
    name: 'POST /auth/wechat (unknown code)',
    method: 'POST',
    path: () => '/api/auth/wechat',
    body: () => ({ code: 'no-such-code' }),
    expect: all(401),
  },
  {
    name: 'POST /auth/dev',
    method: 'POST',
    path: () => '/api/auth/dev',
    body: () => ({ openid: `mx_${randomBytes(6).toString('hex')}` }),
    expect: all(200),
  },
  {
    name: 'POST /invites/:code/accept (unknown code)',
    method: 'POST',
    path: () => '/api/invites/NOSUCHCODE0000/accept',
    body: () => ({}),
    expect: all(404),
  },
  { name: 'GET /invites/:code (unknown code)', method: 'GET', path: () => '/api/invites/ABCD-EFGH', expect: all(404) },
  { name: 'GET /password-resets/:code (unknown)', method: 'GET', path: () => `/api/password-resets/${'A'.repeat(32)}`, expect: all(404) },
  {
    name: 'POST /password-resets/:code (unknown)',
    method: 'POST',
    path: () => `/api/password-resets/${'A'.repeat(32)}`,
    body: () => ({ password: 'a-new-password-1' }),
    expect: all(404),
  },
  // a WeChat account has no password to change (409); without a token, 401
  {
    name: 'PUT /me/password',
    method: 'PUT',
    path: () => '/api/me/password',
    body: () => ({ currentPassword: 'whatever-it-is', newPassword: 'a-new-password-1' }),
    expect: signedIn(409),
  },

  // any signed-in user, for themselves
  { name: 'GET /me', method: 'GET', path: () => '/api/me', expect: signedIn(200) },
  {
    name: 'GET my-rating',
    method: 'GET',
    path: (c) => `/api/campaigns/${c.campaign.id}/homes/${c.homeA.id}/my-rating`,
    expect: { ...signedIn(404), member: 200 },
  },
  {
    name: 'PUT my-rating',
    method: 'PUT',
    path: (c) => `/api/campaigns/${c.campaign.id}/homes/${c.homeA.id}/my-rating`,
    body: () => ratingBody,
    expect: { ...signedIn(403), otherMember: 201, member: 200 },
  },
  { name: 'GET /homes/:id/membership', method: 'GET', path: (c) => `/api/homes/${c.homeA.id}/membership`, expect: signedIn(200) },
  {
    name: 'POST /homes/:id/membership (open home)',
    method: 'POST',
    path: (c) => `/api/homes/${c.homeA.id}/membership`,
    body: () => ({ name: '张三', memberNo: 'GH001' }),
    expect: signedIn(204),
  },
  {
    name: 'POST /grievances',
    method: 'POST',
    path: () => '/api/grievances',
    body: (c) => ({ homeId: c.homeA.id, type: 'suggestion', topic: 'other', content: GOOD_CONTENT, anonymous: true }),
    expect: signedIn(201),
  },
  { name: 'GET /grievances/mine', method: 'GET', path: () => '/api/grievances/mine', expect: signedIn(200) },
  { name: 'GET /calendar/days', method: 'GET', path: () => '/api/calendar/days?from=2026-10-01&to=2026-10-31', expect: signedIn(200) },

  // one grievance: the reporter and its handler (the home's chair) only
  {
    name: 'GET /grievances/:id',
    method: 'GET',
    path: (c) => `/api/grievances/${c.grievance.id}`,
    expect: { ...homeStaff(404, 200), member: 200 },
  },
  {
    name: 'POST /grievances/:id/subscriptions',
    method: 'POST',
    path: (c) => `/api/grievances/${c.grievance.id}/subscriptions`,
    expect: { ...homeStaff(404, 404), member: 204 },
  },
  {
    name: 'POST /grievances/:id/feedback (not resolved yet)',
    method: 'POST',
    path: (c) => `/api/grievances/${c.grievance.id}/feedback`,
    body: () => ({ verdict: 'satisfied' }),
    expect: { ...homeStaff(404, 404), member: 409 },
  },
  {
    name: 'POST /grievances/:id/actions accept',
    method: 'POST',
    path: (c) => `/api/grievances/${c.grievance.id}/actions`,
    body: () => ({ action: 'accept' }),
    expect: { ...homeStaff(404, 200), member: 403 },
  },
  {
    name: 'POST /grievances/:id/answers (no open question)',
    method: 'POST',
    path: (c) => `/api/grievances/${c.grievance.id}/answers`,
    body: () => ({ message: '七月到九月' }),
    expect: { ...homeStaff(404, 404), member: 409 },
  },
  {
    name: 'GET /grievances/:id/attachments/:attachmentId (none such)',
    method: 'GET',
    path: (c) => `/api/grievances/${c.grievance.id}/attachments/${randomUUID()}`,
    expect: { ...homeStaff(404, 404), member: 404 },
  },
  {
    name: 'POST /grievances/track/:code/answers (no open question)',
    method: 'POST',
    path: (c) => `/api/grievances/track/${c.grievance.trackingCode}/answers`,
    body: () => ({ message: '七月到九月' }),
    expect: all(409),
  },
  {
    name: 'POST /grievances/track/:code/feedback (not answered yet)',
    method: 'POST',
    path: (c) => `/api/grievances/track/${c.grievance.trackingCode}/feedback`,
    body: () => ({ verdict: 'satisfied' }),
    expect: all(409),
  },
  { name: 'GET /grievances (handler list)', method: 'GET', path: () => '/api/grievances', expect: signedIn(200) },
  {
    name: 'GET /homes/:id/grievance-stats',
    method: 'GET',
    path: (c) => `/api/homes/${c.homeA.id}/grievance-stats`,
    expect: homeStaff(200),
  },

  // a home: its chair and the federation above
  { name: 'GET /homes/:id', method: 'GET', path: (c) => `/api/homes/${c.homeA.id}`, expect: homeStaff(200) },
  {
    name: 'GET /homes/:id/dashboard',
    method: 'GET',
    path: (c) => `/api/homes/${c.homeA.id}/dashboard?campaignId=${c.campaign.id}`,
    expect: homeStaff(200),
  },
  {
    name: 'GET /homes/:id/export.xlsx',
    method: 'GET',
    path: (c) => `/api/homes/${c.homeA.id}/export.xlsx?campaignId=${c.campaign.id}`,
    expect: homeStaff(200),
  },
  { name: 'GET /homes/:id/poster', method: 'GET', path: (c) => `/api/homes/${c.homeA.id}/poster`, expect: homeStaff(200) },
  { name: 'GET /homes/:id/grants', method: 'GET', path: (c) => `/api/homes/${c.homeA.id}/grants`, expect: homeStaff(200, 403) },
  {
    name: 'POST /homes/:id/invites',
    method: 'POST',
    path: (c) => `/api/homes/${c.homeA.id}/invites`,
    body: () => ({ role: 'chair' }),
    expect: homeStaff(201, 403),
  },
  {
    name: 'POST /homes/:id/roster',
    method: 'POST',
    path: (c) => `/api/homes/${c.homeA.id}/roster`,
    raw: '姓名,会员编号,手机号\n张三,GH001,13800000001\n',
    headers: { 'content-type': 'text/csv' },
    expect: homeStaff(201, 403),
  },
  { name: 'GET /homes/:id/roster', method: 'GET', path: (c) => `/api/homes/${c.homeA.id}/roster`, expect: homeStaff(200) },
  {
    name: 'POST /homes/:id/roster/reset-binding',
    method: 'POST',
    path: (c) => `/api/homes/${c.homeA.id}/roster/reset-binding`,
    body: () => ({ name: '张三', memberNo: 'GH001', reason: '会员更换了手机' }),
    expect: homeStaff(204, 403),
  },
  {
    name: 'GET /homes/:id/roster/template',
    method: 'GET',
    path: (c) => `/api/homes/${c.homeA.id}/roster/template`,
    expect: homeStaff(200, 403),
  },
  // the spare chair signs in with WeChat: no password to reset (409) once past the access check
  {
    name: 'POST /homes/:id/grants/:grantId/password-reset',
    method: 'POST',
    path: (c) => `/api/homes/${c.homeA.id}/grants/${c.spareHomeGrant}/password-reset`,
    expect: homeStaff(409, 403),
  },
  {
    name: 'DELETE /homes/:id/grants/:grantId',
    method: 'DELETE',
    path: (c) => `/api/homes/${c.homeA.id}/grants/${c.spareHomeGrant}`,
    expect: homeStaff(204, 403),
  },

  // rectification of a closed cycle: the chair writes, the federation above signs off
  {
    name: 'POST rectification plan',
    method: 'POST',
    path: (c) => `/api/campaigns/${c.closed.id}/homes/${c.homeA.id}/rectification`,
    body: () => ({ plan: '一、每季度召开会员座谈会；二、公开经费使用情况。' }),
    expect: homeStaff(200),
  },
  {
    name: 'POST rectification progress',
    method: 'POST',
    path: (c) => `/api/campaigns/${c.closed.id}/homes/${c.homeA.id}/rectification`,
    body: () => ({ progress: '第一次座谈会已召开。' }),
    expect: homeStaff(200),
  },
  {
    name: 'GET rectification',
    method: 'GET',
    path: (c) => `/api/campaigns/${c.closed.id}/homes/${c.homeA.id}/rectification`,
    expect: homeStaff(200),
  },
  {
    name: 'POST rectification sign-off (the level above only)',
    method: 'POST',
    path: (c) => `/api/campaigns/${c.closed.id}/homes/${c.homeA.id}/rectification/sign-off`,
    expect: homeStaff(200, 403),
  },

  // an org: its federation admins (and those above), never a chair
  { name: 'GET /orgs/:id', method: 'GET', path: (c) => `/api/orgs/${c.city.id}`, expect: orgAdmin(200) },
  { name: 'GET /orgs/:id/children', method: 'GET', path: (c) => `/api/orgs/${c.city.id}/children`, expect: orgAdmin(200) },
  {
    name: 'GET /orgs/:id/dashboard',
    method: 'GET',
    path: (c) => `/api/orgs/${c.city.id}/dashboard?campaignId=${c.campaign.id}`,
    expect: orgAdmin(200),
  },
  {
    name: 'GET /orgs/:id/export.xlsx',
    method: 'GET',
    path: (c) => `/api/orgs/${c.city.id}/export.xlsx?campaignId=${c.campaign.id}`,
    expect: orgAdmin(200),
  },
  { name: 'GET /orgs/:id/held-comments', method: 'GET', path: (c) => `/api/orgs/${c.city.id}/held-comments`, expect: orgAdmin(200) },
  { name: 'POST /comments/:id/approve', method: 'POST', path: (c) => `/api/comments/${c.heldComments[0]}/approve`, expect: orgAdmin(204) },
  { name: 'POST /comments/:id/reject', method: 'POST', path: (c) => `/api/comments/${c.heldComments[1]}/reject`, expect: orgAdmin(204) },
  { name: 'GET /orgs/:id/audit', method: 'GET', path: (c) => `/api/orgs/${c.city.id}/audit`, expect: orgAdmin(200) },
  { name: 'GET /orgs/:id/grants', method: 'GET', path: (c) => `/api/orgs/${c.city.id}/grants`, expect: orgAdmin(200) },
  // staff of an org are appointed from above: the city's admin for its county, not for the city itself
  {
    name: 'POST /orgs/:id/invites (own org)',
    method: 'POST',
    path: (c) => `/api/orgs/${c.city.id}/invites`,
    body: () => ({ role: 'federation_admin' }),
    expect: orgAdmin(403),
  },
  {
    name: 'POST /orgs/:id/invites (org below)',
    method: 'POST',
    path: (c) => `/api/orgs/${c.county.id}/invites`,
    body: () => ({ role: 'federation_admin' }),
    expect: orgAdmin(201),
  },
  {
    name: 'POST /orgs/:id/grants/:grantId/password-reset (org below)',
    method: 'POST',
    path: (c) => `/api/orgs/${c.county.id}/grants/${c.spareOrgGrant}/password-reset`,
    expect: orgAdmin(409),
  },
  {
    name: 'DELETE /orgs/:id/grants/:grantId (org below)',
    method: 'DELETE',
    path: (c) => `/api/orgs/${c.county.id}/grants/${c.spareOrgGrant}`,
    expect: orgAdmin(204),
  },
  {
    name: 'POST /orgs',
    method: 'POST',
    path: () => '/api/orgs',
    body: (c) => ({ parentId: c.city.id, name: uniq('区县'), level: 'county' }),
    expect: orgAdmin(201),
  },
  {
    name: 'POST /homes',
    method: 'POST',
    path: () => '/api/homes',
    body: (c) => ({ orgId: c.city.id, name: uniq('新厂工会'), kind: 'enterprise', memberCount: 10, membershipMode: 'open' }),
    expect: orgAdmin(201),
  },
  { name: 'GET /campaigns?orgId=', method: 'GET', path: (c) => `/api/campaigns?orgId=${c.city.id}`, expect: orgAdmin(200) },
  { name: 'GET /campaigns/:id', method: 'GET', path: (c) => `/api/campaigns/${c.campaign.id}`, expect: orgAdmin(200) },
  {
    name: 'POST /campaigns',
    method: 'POST',
    path: () => '/api/campaigns',
    // over the county (no homes): the city's homes are in its open cycle
    body: (c) => ({
      orgId: c.county.id,
      name: uniq('评家'),
      opensAt: new Date(Date.now() + 86400e3).toISOString(),
      closesAt: new Date(Date.now() + 9 * 86400e3).toISOString(),
    }),
    expect: orgAdmin(201),
  },
  { name: 'POST /campaigns/:id/open', method: 'POST', path: (c) => `/api/campaigns/${c.draft.id}/open`, expect: orgAdmin(200) },
  // with what the confirmation names: the draft's name, and the county's homes (none)
  {
    name: 'POST /campaigns/:id/close',
    method: 'POST',
    path: (c) => `/api/campaigns/${c.draft.id}/close`,
    body: (c) => ({ name: c.draft.name, homes: 0 }),
    expect: orgAdmin(200),
  },
  {
    name: 'POST /campaigns/:id/publish',
    method: 'POST',
    path: (c) => `/api/campaigns/${c.draft.id}/publish`,
    body: (c) => ({ name: c.draft.name, homes: 0 }),
    expect: orgAdmin(200),
  },

  // a province's calendar: its own admins only (none of these roles; the province admin is tested in grievances)
  {
    name: 'PUT /orgs/:province/calendar/days/:day',
    method: 'PUT',
    path: (c) => `/api/orgs/${c.root.provinceId}/calendar/days/${day}`,
    body: () => ({ kind: 'holiday', note: '测试' }),
    expect: signedIn(404),
  },
  {
    name: 'DELETE /orgs/:province/calendar/days/:day',
    method: 'DELETE',
    path: (c) => `/api/orgs/${c.root.provinceId}/calendar/days/${day}`,
    expect: signedIn(404),
  },
  // a city is no province: its admin may not keep a calendar of its own
  {
    name: 'PUT /orgs/:city/calendar/days/:day',
    method: 'PUT',
    path: (c) => `/api/orgs/${c.city.id}/calendar/days/${day}`,
    body: () => ({ kind: 'holiday' }),
    expect: { ...orgAdmin(403) },
  },

  // ids in bodies name nothing outside the caller's reach
  {
    name: 'POST /homes into another city',
    method: 'POST',
    path: () => '/api/homes',
    body: (c) => ({ orgId: c.otherCity.id, name: uniq('越权工会'), kind: 'enterprise', memberCount: 10, membershipMode: 'open' }),
    expect: { ...orgAdmin(404), adminElsewhere: 201 },
  },
  {
    name: 'POST /orgs under the province',
    method: 'POST',
    path: () => '/api/orgs',
    body: (c) => ({ parentId: c.root.provinceId, name: uniq('越权市'), level: 'city' }),
    expect: orgAdmin(404),
  },
  {
    name: 'POST /campaigns over the province',
    method: 'POST',
    path: () => '/api/campaigns',
    body: (c) => ({
      orgId: c.root.provinceId,
      name: uniq('越权评家'),
      opensAt: new Date().toISOString(),
      closesAt: new Date(Date.now() + 86400e3).toISOString(),
    }),
    expect: orgAdmin(404),
  },
];

async function setUp(): Promise<Ctx> {
  const w = await fx.world();
  const [member, otherMember, adminElsewhere, spare] = await Promise.all([fx.person(), fx.person(), fx.person(), fx.person()]);
  const otherCity = await api().post('/api/orgs', {
    token: w.root.token,
    body: { parentId: w.root.provinceId, name: uniq('别的市'), level: 'city' },
  });
  await grantRole(target, adminElsewhere.id, 'federation_admin', otherCity.body.id);
  const homeA = (await api().get(`/api/homes/${w.homeA.id}`, { token: w.root.token })).body;

  // First (one open cycle per home at a time): a closed cycle with a result to rectify, and two comments WeChat wants reviewed: held for the
  // federation's decision, listed once the cycle is closed.
  const closed = await openCampaignOn(api(), w.root.token, w.city.id);
  for (let i = 0; i < 2; i++) {
    const rater = await fx.person();
    const r = await api().put(`/api/campaigns/${closed.id}/homes/${w.homeA.id}/my-rating`, {
      token: rater.token,
      body: { ...ratingBody, comment: `需要待人工复核的话${i}` },
    });
    if (r.status !== 201) throw new Error(`rating: ${r.status} ${r.text}`);
  }
  const close = await confirmedMove(api(), w.root.token, closed.id, 'close');
  if (close.status !== 200) throw new Error(`close: ${close.status} ${close.text}`);
  const held = await api().get(`/api/orgs/${w.city.id}/held-comments`, { token: w.root.token });
  const heldComments: string[] = held.body.items.map((h: { id: string }) => h.id);
  if (heldComments.length !== 2) throw new Error(`held comments: ${held.text}`);
  const campaign = await openCampaignOn(api(), w.root.token, w.city.id);
  const own = await api().put(`/api/campaigns/${campaign.id}/homes/${w.homeA.id}/my-rating`, {
    token: member.token,
    body: { ...ratingBody, comment: '工会活动丰富' },
  });
  if (own.status !== 201) throw new Error(`rating: ${own.status} ${own.text}`);

  const filed = await fx.file(
    member,
    { homeId: w.homeA.id, type: 'complaint', topic: 'wages', content: GOOD_CONTENT, anonymous: false },
    `matrix-${randomUUID()}`,
  );
  if (filed.status !== 201) throw new Error(`grievance: ${filed.status} ${filed.text}`);

  // Spare grants to remove: a second chair of home A, a second admin of the city.
  await grantRole(target, spare.id, 'chair', w.homeA.id);
  const county = await api().post('/api/orgs', { token: w.root.token, body: { parentId: w.city.id, name: uniq('某县'), level: 'county' } });
  await grantRole(target, spare.id, 'federation_admin', county.body.id);
  // The draft moved open → close → publish by the rows: over the county (no homes), beside the city's open cycle.
  const draft = await api().post('/api/campaigns', {
    token: w.root.token,
    body: {
      orgId: county.body.id,
      name: uniq('草稿评家'),
      opensAt: new Date(Date.now() - 3600e3).toISOString(),
      closesAt: new Date(Date.now() + 86400e3).toISOString(),
    },
  });
  const homeGrants = (await api().get(`/api/homes/${w.homeA.id}/grants`, { token: w.root.token })).body.items;
  const orgGrants = (await api().get(`/api/orgs/${county.body.id}/grants`, { token: w.root.token })).body.items;
  const spareOf = (items: Array<{ id: string; userId?: string; user?: { id: string } }>, label: string) => {
    const g = items.find((i) => (i.userId ?? i.user?.id) === spare.id) ?? null;
    if (!g) throw new Error(`no spare ${label} grant in ${JSON.stringify(items)}`);
    return g.id;
  };

  return {
    people: { member, otherMember, chair: w.chairA, otherChair: w.chairB, adminAbove: w.cityAdmin, adminElsewhere },
    root: w.root,
    city: w.city,
    otherCity: otherCity.body,
    county: county.body,
    homeA,
    homeB: w.homeB,
    campaign,
    closed,
    draft: draft.body,
    grievance: filed.body,
    heldComments,
    spareHomeGrant: spareOf(homeGrants, 'home'),
    spareOrgGrant: spareOf(orgGrants, 'org'),
  };
}

describe('access matrix: every endpoint × every role', () => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await setUp();
  }, 120_000);

  it.each(ROWS.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const seen = {} as Statuses;
    for (const role of ROLES) {
      const token = role === 'anonymous' ? undefined : ctx.people[role].token;
      const res = await api()[row.method === 'GET' ? 'get' : row.method === 'POST' ? 'post' : row.method === 'PUT' ? 'put' : 'del'](
        row.path(ctx),
        {
          token,
          body: row.body?.(ctx, role),
          raw: row.raw,
          headers: row.headers,
        },
      );
      seen[role] = res.status;
      // Refusals carry the error shape and nothing of the thing refused.
      if (res.status >= 400) expect(Object.keys(res.body ?? {}).sort()).toEqual(expect.arrayContaining(['code', 'message']));
    }
    expect(seen).toEqual(row.expect);
  });
});
