// DASHBOARD_CACHE_SECONDS (on in production): a dashboard answer is reused for a while, but who may see
// it is checked on every request, and a home's answer for its chair never comes from an upper level's.
import { randomBytes } from 'node:crypto';
import { ADMIN } from './global-setup';
import { OwnServer, startOwnServer } from './own-server';

const TTL_S = 4;
let own: OwnServer;

beforeAll(async () => {
  own = await startOwnServer('dashboard-cache', { DASHBOARD_CACHE_SECONDS: String(TTL_S) });
}, 120_000);
afterAll(() => own?.close());

async function login() {
  const res = await own.api.post('/api/auth/password', { body: ADMIN });
  expect(res.status).toBe(200);
  return {
    token: res.body.token as string,
    provinceId: res.body.user.roles.find((r: { role: string }) => r.role === 'federation_admin').orgId as string,
  };
}

async function member() {
  const res = await own.api.post('/api/auth/dev', { body: { openid: `c_${randomBytes(6).toString('hex')}` } });
  expect(res.status).toBe(200);
  return res.body.token as string;
}

async function file(token: string, homeId: string, topic: string) {
  const res = await own.api.post('/api/grievances', {
    token,
    body: { homeId, type: 'complaint', topic, content: '单位连续两个月拖欠加班工资，希望工会协调解决', anonymous: true },
  });
  expect(res.status).toBe(201);
}

describe('dashboard cache', () => {
  it('reuses home and federation answers until they expire, checking access on every request', async () => {
    const { token, provinceId } = await login();
    const org = () => own.api.get(`/api/orgs/${provinceId}/dashboard`, { token });
    const first = await org();
    expect(first.status).toBe(200);
    const homeId = first.body.league.items[0].id as string;
    const home = () => own.api.get(`/api/homes/${homeId}/dashboard`, { token });
    const before = await home();
    expect(before.status).toBe(200);
    const orgTotal = first.body.grievances.total as number;
    const homeTotal = before.body.grievances.total as number;

    const worker = await member();
    await file(worker, homeId, 'wages');
    // Within the time to live: the same answers.
    expect((await home()).body.grievances.total).toBe(homeTotal);
    expect((await org()).body.grievances.total).toBe(orgTotal);
    // A caller without access gets 404, not the cached answer.
    expect((await own.api.get(`/api/homes/${homeId}/dashboard`, { token: worker })).status).toBe(404);
    expect((await own.api.get(`/api/orgs/${provinceId}/dashboard`, { token: worker })).status).toBe(404);
    // Another sort or page of the league is another answer, but the subtree's figures are computed once
    // for all of them within the time to live (org-dashboard.service.ts).
    const byName = await own.api.get(`/api/orgs/${provinceId}/dashboard?sort=name`, { token });
    expect(byName.status).toBe(200);
    expect(byName.body.league.sort).toBe('name');
    expect(byName.body.grievances.total).toBe(orgTotal);

    await new Promise((r) => setTimeout(r, TTL_S * 1000 + 500));
    expect((await home()).body.grievances.total).toBe(homeTotal + 1);
    expect((await org()).body.grievances.total).toBe(orgTotal + 1);
  });

  it('keeps a chair apart from the level above: grievances about the union count only for the latter', async () => {
    const { token, provinceId } = await login();
    const homeId = (await own.api.get(`/api/orgs/${provinceId}/dashboard?sort=name&order=desc`, { token })).body.league.items[0]
      .id as string;
    const invite = await own.api.post(`/api/homes/${homeId}/invites`, { token, body: { role: 'chair' } });
    expect(invite.status).toBe(201);
    const accepted = await own.api.post(`/api/invites/${invite.body.code}/accept`, {
      body: { username: `chair_${randomBytes(3).toString('hex')}`, password: 'chair-password-123' },
    });
    expect(accepted.status).toBe(200);
    const chair = accepted.body.token as string;

    await file(await member(), homeId, 'union');
    await new Promise((r) => setTimeout(r, TTL_S * 1000 + 500));
    // The upper level reads first and fills its entry; the chair's answer is computed on its own.
    const upper = await own.api.get(`/api/homes/${homeId}/dashboard`, { token });
    const own_ = await own.api.get(`/api/homes/${homeId}/dashboard`, { token: chair });
    expect(own_.status).toBe(200);
    expect(upper.body.grievances.total).toBe(own_.body.grievances.total + 1);
  });

  it('refuses a removed chair at once and, signed in again within the time to live, decides access afresh (404)', async () => {
    const { token, provinceId } = await login();
    const homeId = (await own.api.get(`/api/orgs/${provinceId}/dashboard?sort=name`, { token })).body.league.items[1].id as string;
    const username = `chair_${randomBytes(3).toString('hex')}`;
    const invite = await own.api.post(`/api/homes/${homeId}/invites`, { token, body: { role: 'chair' } });
    expect(invite.status).toBe(201);
    const accepted = await own.api.post(`/api/invites/${invite.body.code}/accept`, { body: { username, password: 'chair-password-123' } });
    expect(accepted.status).toBe(200);
    const chair = accepted.body.token as string;
    // The chair's access decision and the answer are now kept for the time to live.
    expect((await own.api.get(`/api/homes/${homeId}/dashboard`, { token: chair })).status).toBe(200);
    const grants = await own.api.get(`/api/homes/${homeId}/grants`, { token });
    const grant = grants.body.items.find((g: { user: { username: string } }) => g.user.username === username);
    expect((await own.api.del(`/api/homes/${homeId}/grants/${grant.id}`, { token })).status).toBe(204);
    const refused = await own.api.get(`/api/homes/${homeId}/dashboard`, { token: chair });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('TOKEN_INVALID');
    const again = await own.api.post('/api/auth/password', { body: { username, password: 'chair-password-123' } });
    expect(again.status).toBe(200);
    expect((await own.api.get(`/api/homes/${homeId}/dashboard`, { token: again.body.token })).status).toBe(404);
    // The level above still reads it (control: the answer itself is there).
    expect((await own.api.get(`/api/homes/${homeId}/dashboard`, { token })).status).toBe(200);
  });
});
