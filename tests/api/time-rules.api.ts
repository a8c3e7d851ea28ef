// Time rules at their edges, on a server of its own whose clock the test sets (TEST_CLOCK): a scheduled
// campaign takes ratings from its opening moment up to, not including, its closing moment; an invite code works
// until, not including, the moment it expires (7 days after it was made). The edges are written here
// from the rules, not read from the server.
import { ADMIN } from './global-setup';
import { createHomeOn, OwnServer, startOwnServer } from './own-server';

let own: OwnServer;
beforeAll(async () => {
  own = await startOwnServer('time-rules', { TEST_CLOCK: 'true' });
}, 120_000);
afterAll(() => own?.close());

const MS = 1;
/** Stops the server's clock at this moment (it does not move while a request runs). */
const setClock = async (at: number) => {
  const res = await own.api.post('/api/__test/clock', { body: { to: new Date(at).toISOString(), stopped: true } });
  expect(res.status).toBe(200);
  expect(Date.parse(res.body.now)).toBe(at);
};

async function adminAndCity() {
  const login = await own.api.post('/api/auth/password', { body: ADMIN });
  expect(login.status).toBe(200);
  const token = login.body.token as string;
  const provinceId = login.body.user.roles.find((r: { role: string }) => r.role === 'federation_admin').orgId as string;
  const city = await own.api.post('/api/orgs', { token, body: { parentId: provinceId, name: `时间市${Date.now() % 1e6}`, level: 'city' } });
  expect(city.status).toBe(201);
  const home = await createHomeOn(own.api, token, city.body.id, `时间之家${Date.now() % 1e6}`, 40);
  return { token, cityId: city.body.id as string, homeId: home.id };
}

describe('time rules with a test clock', () => {
  it('takes ratings from the opening moment up to, not including, the closing moment', async () => {
    const opensAt = Date.parse('2027-03-01T00:00:00.000Z');
    const closesAt = Date.parse('2027-03-31T16:00:00.000Z');
    await setClock(opensAt - 86400e3);
    const { token, cityId, homeId } = await adminAndCity();
    const c = await own.api.post('/api/campaigns', {
      token,
      body: { orgId: cityId, name: '窗口边界评家', opensAt: new Date(opensAt).toISOString(), closesAt: new Date(closesAt).toISOString() },
    });
    expect(c.status).toBe(201);
    // Scheduled: the schedule's pass (run here by the test hook at the clock's moment) opens it at opensAt.
    expect((await own.api.post(`/api/campaigns/${c.body.id}/schedule`, { token })).status).toBe(200);
    const schedulePass = async () => expect((await own.api.post('/api/__test/campaigns/schedule')).status).toBe(200);
    const m = await own.api.post('/api/auth/dev', { body: { openid: `time_${Date.now()}` } });
    const rate = (verdict: string) =>
      own.api.put(`/api/campaigns/${c.body.id}/homes/${homeId}/my-rating`, {
        token: m.body.token,
        body: { scores: { organization: 4, rights: 4, work: 4, role: 4, trust: 4 }, verdict },
      });

    await setClock(opensAt - MS);
    await schedulePass();
    const early = await rate('satisfied');
    expect([early.status, early.body.code]).toEqual([409, 'CAMPAIGN_NOT_OPEN']);
    await setClock(opensAt);
    await schedulePass();
    expect((await rate('satisfied')).status).toBe(201);
    await setClock(closesAt - MS);
    expect((await rate('dissatisfied')).status).toBe(200);
    await setClock(closesAt);
    const late = await rate('basically_satisfied');
    expect([late.status, late.body.code]).toEqual([409, 'CAMPAIGN_NOT_OPEN']);
    // The refused writes changed nothing: the last accepted verdict stands.
    const mine = await own.api.get(`/api/campaigns/${c.body.id}/homes/${homeId}/my-rating`, { token: m.body.token });
    expect(mine.body.rating.verdict).toBe('dissatisfied');
  });

  it('accepts an invite code until, not including, 7 days after it was made', async () => {
    const madeAt = Date.parse('2027-05-10T03:00:00.000Z');
    const expiresAt = madeAt + 7 * 24 * 3600e3;
    await setClock(madeAt);
    const { token, homeId } = await adminAndCity();
    const invite = async () => {
      const res = await own.api.post(`/api/homes/${homeId}/invites`, { token, body: { role: 'chair' } });
      expect(res.status).toBe(201);
      expect(Date.parse(res.body.expiresAt)).toBe(expiresAt);
      return res.body.code as string;
    };
    const [inTime, tooLate] = [await invite(), await invite()];
    const accept = (code: string, username: string) =>
      own.api.post(`/api/invites/${code}/accept`, { body: { username, password: 'chair-password-123' } });

    await setClock(expiresAt - MS);
    expect((await accept(inTime, `edge_in_${Date.now() % 1e6}`)).status).toBe(200);
    await setClock(expiresAt);
    const username = `edge_out_${Date.now() % 1e6}`;
    const refused = await accept(tooLate, username);
    expect([refused.status, refused.body.code]).toEqual([409, 'STATE_CONFLICT']);
    // The refused code made no account.
    expect((await own.api.post('/api/auth/password', { body: { username, password: 'chair-password-123' } })).status).toBe(401);
  });
});
