// Client-chosen addresses and password guessing, against a production start.
import { ProdServer, orgAdmin, provinceAndCity, startProdServer } from './prod-server';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const wrong = (api: ProdServer['api'], username: string, headers: Record<string, string> = {}) =>
  api.post('/api/auth/password', { body: { username, password: 'not-the-password-1' }, headers });

describe('forwarded headers without TRUST_PROXY', () => {
  let s: ProdServer;
  beforeAll(async () => (s = await startProdServer('noproxy', { RATE_LIMIT_LOGINS_PER_IP: '4' })));
  afterAll(() => s?.close());

  it('a new X-Forwarded-For on every try does not escape the per-address login limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      // A different unknown name each time, so only the per-address limit can refuse.
      const r = await wrong(s.api, `nobody_a${i}`, { 'x-forwarded-for': `203.0.113.${i + 1}` });
      statuses.push(r.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });
});

describe('forwarded headers with TRUST_PROXY=1', () => {
  let s: ProdServer;
  beforeAll(async () => (s = await startProdServer('proxy', { RATE_LIMIT_LOGINS_PER_IP: '4', TRUST_PROXY: '1' })));
  afterAll(() => s?.close());

  it('counts per forwarded client address: each client has its own budget', async () => {
    const a: number[] = [];
    for (let i = 0; i < 5; i++) a.push((await wrong(s.api, `nobody_b${i}`, { 'x-forwarded-for': '198.51.100.7' })).status);
    expect(a).toEqual([401, 401, 401, 401, 429]);
    // Another client behind the same proxy is not held back by the first one's tries.
    expect((await wrong(s.api, 'nobody_c', { 'x-forwarded-for': '198.51.100.8' })).status).toBe(401);
    // Only the last hop counts: a client prepending a made-up address is still itself.
    expect((await wrong(s.api, 'nobody_d', { 'x-forwarded-for': '10.9.9.9, 198.51.100.7' })).status).toBe(429);
  });
});

describe('per-account login limit', () => {
  let s: ProdServer;
  // Two free failures, then waits of 1 s and 2 s, locked at the fourth failure; never unlocks by itself.
  beforeAll(
    async () => (s = await startProdServer('lockout', { LOGIN_BACKOFF_AFTER: '2', LOGIN_LOCKOUT_AFTER: '4', LOGIN_LOCKOUT_MINUTES: '0' })),
  );
  afterAll(() => s?.close());

  it('backs off, locks out (even the right password), refuses cheaply, and the level above lifts it', async () => {
    const { adminToken, cityId } = await provinceAndCity(s.api);
    const staff = await orgAdmin(s.api, adminToken, cityId);
    const peer = await orgAdmin(s.api, adminToken, cityId);

    expect((await wrong(s.api, staff.username)).status).toBe(401);
    expect((await wrong(s.api, staff.username)).status).toBe(401);
    // Third try at once: wait first, and the answer says how long.
    const early = await wrong(s.api, staff.username);
    expect(early.status).toBe(429);
    expect(early.body.code).toBe('RATE_LIMITED');
    expect(Number(early.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Waiting does not mean a free try: even the right password is refused while waiting.
    expect((await s.api.post('/api/auth/password', { body: { username: staff.username, password: staff.password } })).status).toBe(429);
    await sleep(1100);
    expect((await wrong(s.api, staff.username)).status).toBe(401);
    expect((await wrong(s.api, staff.username)).status).toBe(429);
    await sleep(2100);
    expect((await wrong(s.api, staff.username)).status).toBe(401);
    // Four failures: locked, and the right password does not open it.
    const locked = await s.api.post('/api/auth/password', { body: { username: staff.username, password: staff.password } });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');

    // A locked refusal costs no password hash: far cheaper than a refused password on another account.
    const time = async (username: string, password: string) => {
      const t = process.hrtime.bigint();
      await s.api.post('/api/auth/password', { body: { username, password } });
      return Number(process.hrtime.bigint() - t) / 1e6;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const lockedMs: number[] = [];
    const hashedMs: number[] = [];
    for (let i = 0; i < 7; i++) {
      lockedMs.push(await time(staff.username, 'guess-' + i));
      // A fresh unknown name each time: checked against the hash, never backed off.
      hashedMs.push(await time(`unknown_${i}_${Date.now()}`, 'guess'));
    }
    expect(median(lockedMs)).toBeLessThan(median(hashedMs) / 2);

    // A peer at the same level may not lift it; the province admin (the level above) may.
    const byPeer = await s.api.post(`/api/orgs/${cityId}/grants/${staff.grantId}/unlock`, { token: peer.token });
    expect(byPeer.status).toBe(403);
    expect((await s.api.post('/api/auth/password', { body: { username: staff.username, password: staff.password } })).body.code).toBe(
      'ACCOUNT_LOCKED',
    );
    const lifted = await s.api.post(`/api/orgs/${cityId}/grants/${staff.grantId}/unlock`, { token: adminToken });
    expect(lifted.status).toBe(204);
    expect((await s.api.post('/api/auth/password', { body: { username: staff.username, password: staff.password } })).status).toBe(200);

    // The lift is in the audit log with who did it.
    const audit = await s.api.get(`/api/orgs/${cityId}/audit`, { token: adminToken });
    const event = audit.body.items.find(
      (e: { action: string; target: { id: string } }) => e.action === 'login.unlock' && e.target.id === staff.grantId,
    );
    expect(event).toBeDefined();
    expect(event.actor.role).toBe('federation_admin');
  });

  it('an unknown name is counted like a known one (the answers do not tell which accounts exist)', async () => {
    const name = `ghost_${Date.now()}`;
    expect((await wrong(s.api, name)).status).toBe(401);
    expect((await wrong(s.api, name)).status).toBe(401);
    expect((await wrong(s.api, name)).body.code).toBe('RATE_LIMITED');
  });
});
