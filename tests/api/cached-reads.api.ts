// Cached dashboards answered outside Nest's pipeline (server/src/dashboard/cached-reads.ts): the second
// read of a dashboard, its access decision and bytes cached by the first (answered by Nest), is sent by
// one fastify hook. It must be the same answer, byte for byte and header for header, and it must never be
// given where Nest would refuse: a revoked token or a bumped version is refused at once, and the cache
// span ends on the server's clock (the movable test clock here) as Nest's does.
import { randomBytes } from 'node:crypto';
import { adminOn } from './fixtures';
import { OwnServer, startOwnServer } from './own-server';
import type { Reply } from '../support/http';

const SPAN_S = 600;
let own: OwnServer;

beforeAll(async () => {
  own = await startOwnServer('cached-reads', { DASHBOARD_CACHE_SECONDS: String(SPAN_S), TEST_CLOCK: 'true' });
}, 120_000);
afterAll(() => own?.close());

const admin = () => adminOn(own.api);

/** Every header but the two that differ between any two answers (the time, and the connection's). */
function headers(reply: Reply): Record<string, string> {
  const all: Record<string, string> = {};
  reply.headers.forEach((value, name) => {
    if (name !== 'date' && name !== 'keep-alive') all[name] = value;
  });
  return all;
}

/** The first read fills the caches through Nest; the second is the cached read. Both the same, to the byte. */
async function sameAnswer(path: string, token: string): Promise<Reply> {
  const first = await own.api.get(path, { token });
  expect(first.status).toBe(200);
  const second = await own.api.get(path, { token });
  expect(second.status).toBe(200);
  expect(second.text).toBe(first.text);
  expect(headers(second)).toEqual(headers(first));
  // the headers that matter, named (the comparison above would also pass if both lost them)
  expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(first.headers.get('cache-control')).toBe('no-store');
  expect(first.headers.get('content-security-policy')).toContain("default-src 'self'");
  expect(first.headers.get('content-length')).toBe(String(Buffer.byteLength(first.text)));
  return second;
}

async function chairOf(token: string, homeId: string) {
  const username = `chair_${randomBytes(3).toString('hex')}`;
  const invite = await own.api.post(`/api/homes/${homeId}/invites`, { token, body: { role: 'chair' } });
  expect(invite.status).toBe(201);
  const accepted = await own.api.post(`/api/invites/${invite.body.code}/accept`, { body: { username, password: 'chair-password-123' } });
  expect(accepted.status).toBe(200);
  return { username, token: accepted.body.token as string };
}

describe('cached reads outside Nest', () => {
  it('answer home and org dashboards and league pages as Nest does, byte for byte and header for header', async () => {
    const { token, provinceId } = await admin();
    const org = await sameAnswer(`/api/orgs/${provinceId}/dashboard`, token);
    const homeId = org.body.league.items[0].id as string;
    await sameAnswer(`/api/homes/${homeId}/dashboard`, token);
    const page = await sameAnswer(`/api/orgs/${provinceId}/dashboard?sort=name&order=desc&page=1&pageSize=2`, token);
    expect(page.body.league.sort).toBe('name');
    // another page of the league is another answer (its own key)
    const other = await sameAnswer(`/api/orgs/${provinceId}/dashboard?sort=name&order=desc&page=2&pageSize=2`, token);
    expect(other.body.league.items[0].id).not.toBe(page.body.league.items[0].id);
    // a chair's answer of the same home is its own (no grievances about the union itself) and cached apart
    const chair = await chairOf(token, homeId);
    await sameAnswer(`/api/homes/${homeId}/dashboard`, chair.token);
  });

  it('refuses as Nest does what is not cached: no token, a bad token, a bad parameter, another caller', async () => {
    const { token, provinceId } = await admin();
    const path = `/api/orgs/${provinceId}/dashboard`;
    expect((await own.api.get(path, { token })).status).toBe(200);
    expect((await own.api.get(path, { token })).status).toBe(200);
    expect((await own.api.get(path)).body.code).toBe('UNAUTHORIZED');
    // the same claims with a forged signature
    const [head, body] = token.split('.');
    expect((await own.api.get(path, { token: `${head}.${body}.${randomBytes(32).toString('base64url')}` })).body.code).toBe(
      'TOKEN_INVALID',
    );
    expect((await own.api.get(`${path}?sort=nonsense`, { token })).status).toBe(400);
    const worker = await own.api.post('/api/auth/dev', { body: { openid: `c_${randomBytes(6).toString('hex')}` } });
    expect((await own.api.get(path, { token: worker.body.token })).status).toBe(404);
  });

  it('refuses a removed chair at once though the decision and the answer are cached, and decides afresh for a new token', async () => {
    const { token, provinceId } = await admin();
    const homeId = (await own.api.get(`/api/orgs/${provinceId}/dashboard?sort=name`, { token })).body.league.items[2].id as string;
    const chair = await chairOf(token, homeId);
    const path = `/api/homes/${homeId}/dashboard`;
    await sameAnswer(path, chair.token); // cached for this chair now
    const grants = await own.api.get(`/api/homes/${homeId}/grants`, { token });
    const grant = grants.body.items.find((g: { user: { username: string } }) => g.user.username === chair.username);
    expect((await own.api.del(`/api/homes/${homeId}/grants/${grant.id}`, { token })).status).toBe(204);
    const refused = await own.api.get(path, { token: chair.token });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('TOKEN_INVALID');
    const again = await own.api.post('/api/auth/password', { body: { username: chair.username, password: 'chair-password-123' } });
    expect(again.status).toBe(200);
    expect((await own.api.get(path, { token: again.body.token })).status).toBe(404);
    expect((await own.api.get(path, { token })).status).toBe(200);
  });

  it('ends the span on the server clock: moved past it, the next read is computed afresh', async () => {
    const { token, provinceId } = await admin();
    const homeId = (await own.api.get(`/api/orgs/${provinceId}/dashboard?sort=name`, { token })).body.league.items[3].id as string;
    const path = `/api/homes/${homeId}/dashboard`;
    const before = await sameAnswer(path, token);
    const worker = await own.api.post('/api/auth/dev', { body: { openid: `c_${randomBytes(6).toString('hex')}` } });
    const filed = await own.api.post('/api/grievances', {
      token: worker.body.token,
      body: { homeId, type: 'complaint', topic: 'wages', content: '单位连续两个月拖欠加班工资，希望工会协调解决', anonymous: true },
    });
    expect(filed.status).toBe(201);
    // within the span: the cached answer
    expect((await own.api.get(path, { token })).text).toBe(before.text);
    expect((await own.api.post('/api/__test/clock', { body: { advanceMs: SPAN_S * 1000 } })).status).toBe(200);
    const after = await own.api.get(path, { token });
    expect(after.body.grievances.total).toBe(before.body.grievances.total + 1);
  });
});
