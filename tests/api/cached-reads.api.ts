// Cached dashboards answered outside Nest's pipeline (server/src/dashboard/cached-reads.ts): the second
// read of a dashboard, its access decision and bytes cached by the first (answered by Nest), is sent by
// one fastify hook. It must be the same answer, byte for byte and header for header, and it must never be
// given where Nest would refuse: a revoked token or a bumped version is refused at once, and the cache
// span ends on the server's clock (the movable test clock here) as Nest's does.
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
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

/** A GET as it comes off the wire: status, body bytes, and the headers in their order (rawHeaders). */
function rawGet(path: string, token: string): Promise<{ status: number; bytes: Buffer; raw: string[] }> {
  return new Promise((resolve, reject) => {
    const req = request(own.server.url + path, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, bytes: Buffer.concat(chunks), raw: res.rawHeaders }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Every header, in order, with the values of the two that differ between any two answers (the time, the connection's) left out. */
const sameOnEveryAnswer = (raw: string[]) => raw.map((v, i) => (i % 2 === 1 && /^(date|keep-alive)$/i.test(raw[i - 1]) ? '' : v));

/**
 * The first read fills the caches through Nest; the second is the cached read. Both the same, to the byte,
 * header for header in the same order.
 */
async function sameAnswer(path: string, token: string): Promise<Reply> {
  const first = await rawGet(path, token);
  expect(first.status).toBe(200);
  const second = await rawGet(path, token);
  expect(second.status).toBe(200);
  expect(second.bytes.equals(first.bytes)).toBe(true);
  expect(sameOnEveryAnswer(second.raw)).toEqual(sameOnEveryAnswer(first.raw));
  // the headers that matter, named (the comparison above would also pass if both lost them)
  const named = (name: string) => first.raw[first.raw.findIndex((v, i) => i % 2 === 0 && v.toLowerCase() === name) + 1];
  expect(named('content-type')).toBe('application/json; charset=utf-8');
  expect(named('cache-control')).toBe('no-store');
  expect(named('content-security-policy')).toContain("default-src 'self'");
  expect(named('content-length')).toBe(String(first.bytes.length));
  const text = second.bytes.toString('utf8');
  return { status: second.status, headers: new Headers(), body: JSON.parse(text), text };
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

  it('computes a home dashboard missing from the caches in the hook, and hands every refusal to Nest', async () => {
    const { token, provinceId } = await admin();
    const items = (await own.api.get(`/api/orgs/${provinceId}/dashboard?sort=name&pageSize=20`, { token })).body.league.items;
    const cold = items[1].id as string; // a home no other test here reads (they read the first, third and fourth)
    // Refusals of homes nobody has read yet (nothing cached to answer from): each one Nest's, never an answer.
    const worker = await own.api.post('/api/auth/dev', { body: { openid: `c_${randomBytes(6).toString('hex')}` } });
    const stranger = await own.api.get(`/api/homes/${cold}/dashboard`, { token: worker.body.token });
    expect(stranger.status).toBe(404);
    expect(stranger.body.code).toBe('NOT_FOUND');
    const [head, body] = token.split('.');
    const forged = await own.api.get(`/api/homes/${cold}/dashboard`, { token: `${head}.${body}.${randomBytes(32).toString('base64url')}` });
    expect(forged.body.code).toBe('TOKEN_INVALID');
    // a malformed id names nothing: 404, as for a home the caller may not see
    expect((await own.api.get(`/api/homes/${cold}/dashboard?campaignId=nonsense`, { token })).body.code).toBe('NOT_FOUND');
    expect((await own.api.get(`/api/homes/${randomBytes(4).toString('hex')}/dashboard`, { token })).body.code).toBe('NOT_FOUND');
    // The first read of a home (computed in the hook) carries Nest's headers in Nest's order: an org
    // dashboard's first read (a key nobody asked for) is Nest's.
    const computed = await rawGet(`/api/homes/${cold}/dashboard`, token);
    const nests = await rawGet(`/api/orgs/${provinceId}/dashboard?sort=name&order=asc&page=3&pageSize=1`, token);
    expect([computed.status, nests.status]).toEqual([200, 200]);
    const but = (raw: string[]) => sameOnEveryAnswer(raw).map((v, i) => (i % 2 === 1 && /^content-length$/i.test(raw[i - 1]) ? '' : v));
    expect(but(computed.raw)).toEqual(but(nests.raw));
    // and its cached copy is the same answer; a chair's first read of its own home is its own answer
    // (no grievances about the union itself), computed and then cached apart
    const mine = await sameAnswer(`/api/homes/${cold}/dashboard`, token);
    expect(mine.text).toBe(computed.bytes.toString('utf8'));
    const chair = await chairOf(token, cold);
    expect((await sameAnswer(`/api/homes/${cold}/dashboard`, chair.token)).body.home.id).toBe(cold);
    // and the stranger is still refused once the home's answer is cached for others
    expect((await own.api.get(`/api/homes/${cold}/dashboard`, { token: worker.body.token })).status).toBe(404);
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

  it('answers a token of the same caller not seen before (its signature checked first) as a seen one, and refuses it once it expired', async () => {
    const { token, provinceId } = await admin();
    const path = `/api/orgs/${provinceId}/dashboard?sort=participation&page=1&pageSize=3`;
    const nest = await sameAnswer(path, token);
    // Another token of the admin, same version: its first read finds the admin's answer cached, and is
    // answered by the hook after the signature check; the second from the verified token.
    const { sub, ver } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { sub: string; ver: number };
    const exp = Math.floor(Date.now() / 1000) + 3;
    const other = mint({ sub, ver, iat: exp - 3, exp });
    expect(other).not.toBe(token);
    for (let i = 0; i < 2; i++) {
      const read = await rawGet(path, other);
      expect(read.status).toBe(200);
      expect(read.bytes.toString('utf8')).toBe(nest.text);
    }
    // the same claims under a forged signature, while the genuine token is verified and kept
    const [head, body] = other.split('.');
    const forged = await own.api.get(path, { token: `${head}.${body}.${randomBytes(32).toString('base64url')}` });
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('TOKEN_INVALID');
    // expired (jsonwebtoken: from the second exp on), though verified before
    while (Date.now() < exp * 1000) await new Promise((resolve) => setTimeout(resolve, 100));
    const expired = await own.api.get(path, { token: other });
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('TOKEN_INVALID');
    expect((await own.api.get(path, { token })).text).toBe(nest.text);
  });
});

/** A token as the server signs it (HS256 with its JWT_SECRET, generated into the data folder outside production). */
function mint(claims: object): string {
  const dir = own.target.dataDir;
  if (!dir) throw new Error('the own server has no data folder to read its secret from');
  const secret = (JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8')) as { JWT_SECRET: string }).JWT_SECRET;
  const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}
