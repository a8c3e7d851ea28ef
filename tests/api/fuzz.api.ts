// Property-based fuzzing of every write endpoint: generated bodies, headers and path values.
// Never a 5xx, never internals (stack, SQL, paths) in an answer, always { code, message } on errors,
// and a refused request changes nothing (a checksum of the rows of this suite's own city).
// FUZZ_RUNS sets the runs per endpoint (CI default 12); FUZZ_SEED replays a run.
import fc from 'fast-check';
import { createHash, randomUUID } from 'node:crypto';
import { openDb } from '../support/db';
import { call } from '../support/http';
import { api } from './fixtures';
import { GOOD_CONTENT, grievanceFixtures, Person } from './grievances.fixtures';
import { openCampaignOn } from './own-server';
import { allCriteria } from '../support/scores';

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
// A fuzz run of zero cases passes while checking nothing: refuse it (scripts/test.sh never passes FUZZ_RUNS on).
if (!(RUNS >= 1)) throw new Error(`FUZZ_RUNS=${process.env.FUZZ_RUNS}: at least 1 run per endpoint`);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const target = { dataDir: process.env.PINGJIA_DATA_DIR, url: process.env.TEST_DATABASE_URL };
const fx = grievanceFixtures(api(), target);

interface World {
  cityId: string;
  cityPath: string;
  homeId: string;
  campaignId: string;
  grievanceId: string;
  trackingCode: string;
  admin: Person;
  chair: Person;
  worker: Person;
}

type Who = 'admin' | 'chair' | 'worker' | 'none';
interface Endpoint {
  method: 'POST' | 'PUT' | 'DELETE';
  /** path with :params; each param is filled with the real id or a generated value */
  path: string;
  params: (w: World) => Record<string, string>;
  /** a body the endpoint accepts, which the generators then break */
  valid: (w: World) => Record<string, unknown>;
  who: Who;
}

// Every @Post/@Put/@Delete of the controllers (grep -rn "@Post\|@Put\|@Delete" server/src), except the
// test-clock hooks, which exist only with TEST_CLOCK and would move every other suite's clock.
const ENDPOINTS: Endpoint[] = [
  {
    method: 'POST',
    path: '/api/auth/password',
    params: () => ({}),
    valid: () => ({ username: 'nobody', password: 'some-password-123' }),
    who: 'none',
  },
  { method: 'POST', path: '/api/auth/wechat', params: () => ({}), valid: () => ({ code: 'abc' }), who: 'none' },
  { method: 'POST', path: '/api/auth/dev', params: () => ({}), valid: () => ({ openid: 'fuzz' }), who: 'none' },
  {
    method: 'POST',
    path: '/api/orgs',
    params: () => ({}),
    valid: (w) => ({ parentId: w.cityId, name: '某某县', level: 'county' }),
    who: 'admin',
  },
  {
    method: 'POST',
    path: '/api/homes',
    params: () => ({}),
    valid: (w) => ({ orgId: w.cityId, name: '某某厂工会', kind: 'enterprise', memberCount: 10, membershipMode: 'open' }),
    who: 'admin',
  },
  {
    method: 'POST',
    path: '/api/homes/:id/membership',
    params: (w) => ({ id: w.homeId }),
    valid: () => ({ name: '张三', memberNo: 'GH001' }),
    who: 'worker',
  },
  { method: 'POST', path: '/api/homes/:id/roster', params: (w) => ({ id: w.homeId }), valid: () => ({}), who: 'chair' },
  {
    method: 'POST',
    path: '/api/homes/:id/roster/reset-binding',
    params: (w) => ({ id: w.homeId }),
    valid: () => ({ name: '张三', memberNo: 'GH001', reason: '会员更换了手机' }),
    who: 'chair',
  },
  { method: 'POST', path: '/api/homes/:id/invites', params: (w) => ({ id: w.homeId }), valid: () => ({ role: 'chair' }), who: 'admin' },
  {
    method: 'POST',
    path: '/api/orgs/:id/invites',
    params: (w) => ({ id: w.cityId }),
    valid: () => ({ role: 'federation_admin' }),
    who: 'admin',
  },
  {
    method: 'POST',
    path: '/api/password-resets/:code',
    params: () => ({ code: 'A'.repeat(32) }),
    valid: () => ({ password: 'fuzz-password-123' }),
    who: 'none',
  },
  {
    method: 'PUT',
    path: '/api/me/password',
    params: () => ({}),
    valid: () => ({ currentPassword: 'fuzz-password-123', newPassword: 'fuzz-password-456' }),
    who: 'admin',
  },
  {
    method: 'POST',
    path: '/api/invites/:code/accept',
    params: () => ({ code: 'NOSUCHCODE' }),
    valid: () => ({ username: 'fuzz_user', password: 'fuzz-password-123' }),
    who: 'none',
  },
  {
    method: 'DELETE',
    path: '/api/homes/:id/grants/:grantId',
    params: (w) => ({ id: w.homeId, grantId: randomUUID() }),
    valid: () => ({}),
    who: 'admin',
  },
  {
    method: 'DELETE',
    path: '/api/orgs/:id/grants/:grantId',
    params: (w) => ({ id: w.cityId, grantId: randomUUID() }),
    valid: () => ({}),
    who: 'admin',
  },
  {
    method: 'POST',
    path: '/api/campaigns',
    params: () => ({}),
    valid: (w) => ({ orgId: w.cityId, name: '年度评家', opensAt: '2031-01-01T00:00:00.000Z', closesAt: '2031-02-01T00:00:00.000Z' }),
    who: 'admin',
  },
  { method: 'POST', path: '/api/campaigns/:id/open', params: (w) => ({ id: w.campaignId }), valid: () => ({}), who: 'admin' },
  { method: 'POST', path: '/api/campaigns/:id/close', params: (w) => ({ id: w.campaignId }), valid: () => ({}), who: 'chair' },
  { method: 'POST', path: '/api/campaigns/:id/publish', params: (w) => ({ id: w.campaignId }), valid: () => ({}), who: 'chair' },
  {
    method: 'PUT',
    path: '/api/campaigns/:cid/homes/:hid/my-rating',
    params: (w) => ({ cid: w.campaignId, hid: w.homeId }),
    valid: () => ({
      scores: allCriteria({ organization: 5, rights: 4, work: 4, role: 3, trust: 5 }),
      verdict: 'satisfied',
      comment: '很好',
      groups: ['women'],
    }),
    who: 'worker',
  },
  { method: 'POST', path: '/api/comments/:id/approve', params: () => ({ id: randomUUID() }), valid: () => ({}), who: 'admin' },
  { method: 'POST', path: '/api/comments/:id/reject', params: () => ({ id: randomUUID() }), valid: () => ({}), who: 'admin' },
  {
    method: 'POST',
    path: '/api/campaigns/:cid/homes/:hid/rectification',
    params: (w) => ({ cid: w.campaignId, hid: w.homeId }),
    valid: () => ({ plan: '整改方案' }),
    who: 'chair',
  },
  {
    method: 'POST',
    path: '/api/campaigns/:cid/homes/:hid/rectification/sign-off',
    params: (w) => ({ cid: w.campaignId, hid: w.homeId }),
    valid: () => ({}),
    who: 'chair',
  },
  {
    method: 'POST',
    path: '/api/grievances',
    params: () => ({}),
    valid: (w) => ({
      homeId: w.homeId,
      type: 'complaint',
      topic: 'wages',
      content: GOOD_CONTENT,
      anonymous: false,
      contact: '13800138000',
    }),
    who: 'worker',
  },
  {
    method: 'POST',
    path: '/api/grievances/:id/actions',
    params: (w) => ({ id: w.grievanceId }),
    valid: () => ({ action: 'extend', message: '需要调查', days: 3 }),
    who: 'chair',
  },
  {
    method: 'POST',
    path: '/api/grievances/:id/feedback',
    params: (w) => ({ id: w.grievanceId }),
    valid: () => ({ verdict: 'satisfied', comment: '满意' }),
    who: 'worker',
  },
  { method: 'POST', path: '/api/grievances/:id/subscriptions', params: (w) => ({ id: w.grievanceId }), valid: () => ({}), who: 'chair' },
  {
    method: 'POST',
    path: '/api/grievances/:id/answers',
    params: (w) => ({ id: w.grievanceId }),
    valid: () => ({ message: '七月到九月' }),
    who: 'worker',
  },
  { method: 'POST', path: '/api/grievances/:id/attachments', params: (w) => ({ id: w.grievanceId }), valid: () => ({}), who: 'worker' },
  {
    method: 'POST',
    path: '/api/grievances/track/:code/answers',
    params: (w) => ({ code: w.trackingCode }),
    valid: () => ({ message: '七月到九月' }),
    who: 'none',
  },
  {
    method: 'POST',
    path: '/api/grievances/track/:code/feedback',
    params: (w) => ({ code: w.trackingCode }),
    valid: () => ({ verdict: 'satisfied' }),
    who: 'none',
  },
  {
    method: 'POST',
    path: '/api/grievances/track/:code/attachments',
    params: (w) => ({ code: w.trackingCode }),
    valid: () => ({}),
    who: 'none',
  },
  {
    method: 'PUT',
    path: '/api/orgs/:id/calendar/days/:day',
    params: (w) => ({ id: w.cityId, day: '2031-03-03' }),
    valid: () => ({ kind: 'holiday', note: '测试' }),
    who: 'admin',
  },
  {
    method: 'DELETE',
    path: '/api/orgs/:id/calendar/days/:day',
    params: (w) => ({ id: w.cityId, day: '2031-03-03' }),
    valid: () => ({}),
    who: 'admin',
  },
  {
    method: 'POST',
    path: '/api/homes/:id/grants/:grantId/unlock',
    params: (w) => ({ id: w.homeId, grantId: randomUUID() }),
    valid: () => ({}),
    who: 'admin',
  },
  {
    method: 'POST',
    path: '/api/orgs/:id/grants/:grantId/unlock',
    params: (w) => ({ id: w.cityId, grantId: randomUUID() }),
    valid: () => ({}),
    who: 'admin',
  }, // Last: a withdrawal that goes through ends the grievance the rows above use.
  {
    method: 'POST',
    path: '/api/grievances/track/:code/withdraw',
    params: (w) => ({ code: w.trackingCode }),
    valid: () => ({}),
    who: 'none',
  },
  { method: 'POST', path: '/api/grievances/:id/withdraw', params: (w) => ({ id: w.grievanceId }), valid: () => ({}), who: 'worker' },
];

// Text that has broken servers before: injections, traversal, control and bidi characters, odd numbers.
const NASTY = [
  "' OR 1=1 --",
  '"; DROP TABLE ratings; --',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '\u202e',
  '${7*7}',
  '{{7*7}}',
  '<img src=x onerror=alert(1)>',
  '__proto__',
  'constructor',
  'NaN',
  '-1',
  '1e309',
  '9'.repeat(40),
  'ａｄｍｉｎ',
  '\ud800',
  'null',
  '[]',
  '{}',
  ' ',
  '',
];
const printable = fc.string({ unit: fc.constantFrom(...'abcXYZ019-_.:/%?&=#@!*() ~\'"<>;'.split('')), maxLength: 40 });
const anyText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(...NASTY),
  fc.string({ minLength: 3000, maxLength: 5000 }),
);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  anyText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
);
const pathValue = (real: string) =>
  fc.oneof(
    fc.constant(real),
    fc.constant(randomUUID()),
    fc.constantFrom(...NASTY.filter((s) => s && !/[\ud800]/.test(s))),
    printable,
    fc.constant(real.toUpperCase()),
    fc.constant(`${real}x`),
  );

/** A body the endpoint accepts, broken in one or more ways; or something that is not such a body at all. */
function bodyArb(valid: Record<string, unknown>): fc.Arbitrary<{ raw?: string; body?: unknown }> {
  const keys = Object.keys(valid);
  const broken = fc
    .record({
      replace: keys.length ? fc.dictionary(fc.constantFrom(...keys), anyValue, { maxKeys: 3 }) : fc.constant({}),
      drop: fc.subarray(keys),
      extra: fc.dictionary(
        fc.oneof(fc.constantFrom('isAdmin', 'userId', 'role', 'raterKey', 'id', 'orgPath'), fc.string({ maxLength: 8 })),
        anyValue,
        { maxKeys: 2 },
      ),
    })
    .map(({ replace, drop, extra }) => {
      const b: Record<string, unknown> = { ...valid, ...replace, ...extra };
      for (const k of drop) delete b[k];
      return { body: b };
    });
  return fc.oneof(
    { weight: 5, arbitrary: broken },
    { weight: 1, arbitrary: anyValue.map((body) => ({ body })) },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          fc.string({ maxLength: 50 }),
          fc.constant('{"__proto__":{"isAdmin":true}}'),
          fc.constant('{"a":'),
          fc.constant('[1,2,'),
          fc.constant(''),
        )
        .map((raw) => ({ raw })),
    },
  );
}

const headersArb = fc.record({
  'content-type': fc.oneof(
    { weight: 6, arbitrary: fc.constant('application/json') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'application/json; charset=utf-8',
        'text/plain',
        'application/x-www-form-urlencoded',
        'text/csv',
        'multipart/form-data; boundary=x',
        'application/xml',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ),
    },
    { weight: 1, arbitrary: printable },
  ),
  'idempotency-key': fc.option(printable, { nil: undefined }),
  auth: fc.oneof(
    { weight: 8, arbitrary: fc.constant('token') },
    { weight: 1, arbitrary: fc.constantFrom('Bearer ', 'Bearer x.y.z', 'Basic dXNlcjpwYXNz', 'Bearer eyJhbGciOiJub25lIn0.e30.') },
  ),
});

const LEAKS = [
  /\bat .+:\d+:\d+/,
  /node_modules|\/work\/|\/dist\/|\/src\/|\.ts:\d|\.js:\d/,
  /\b(SELECT|INSERT INTO|UPDATE\s+\S+\s+SET|DELETE FROM)\b/i,
  /SQLITE_|\bER_[A-Z_]+|QueryFailedError|TypeError|ReferenceError|EntityNotFound|typeorm/i,
];

/** What the answer says of itself: an error's code, message and reasons; a success's whole text. */
function ownWords(res: { status: number; body: any; text: string }): string {
  if (res.status < 400 || typeof res.body !== 'object' || !res.body) return res.text;
  return [res.body.code, res.body.message, ...Object.values(res.body.fields ?? {})].join('\n');
}

async function checksum(w: World): Promise<string> {
  const db = await openDb(target.url, target.dataDir);
  const like = `${w.cityPath}%`;
  const homes = '(SELECT id FROM homes WHERE org_path LIKE ?)';
  const queries: Array<[string, unknown[]]> = [
    ['SELECT * FROM orgs WHERE path LIKE ? ORDER BY id', [like]],
    ['SELECT * FROM homes WHERE org_path LIKE ? ORDER BY id', [like]],
    ['SELECT * FROM campaigns WHERE org_path LIKE ? ORDER BY id', [like]],
    [`SELECT * FROM ratings WHERE home_id IN ${homes} ORDER BY id`, [like]],
    [`SELECT * FROM rating_totals WHERE home_id IN ${homes} ORDER BY campaign_id, home_id`, [like]],
    ['SELECT * FROM grievances WHERE org_path LIKE ? ORDER BY id', [like]],
    ['SELECT * FROM grievance_events WHERE grievance_id IN (SELECT id FROM grievances WHERE org_path LIKE ?) ORDER BY id', [like]],
    ['SELECT * FROM grievance_subscriptions WHERE grievance_id IN (SELECT id FROM grievances WHERE org_path LIKE ?) ORDER BY id', [like]],
    [`SELECT * FROM role_grants WHERE org_id IN (SELECT id FROM orgs WHERE path LIKE ?) OR org_id IN ${homes} ORDER BY id`, [like, like]],
    ['SELECT * FROM invites WHERE scope_path LIKE ? ORDER BY id', [like]],
    [`SELECT * FROM rectifications WHERE home_id IN ${homes} ORDER BY id`, [like]],
    [`SELECT * FROM roster_entries WHERE home_id IN ${homes} ORDER BY id`, [like]],
    ['SELECT * FROM audit_events WHERE scope_path LIKE ? ORDER BY id', [like]],
    ["SELECT * FROM province_calendar_days WHERE day = '2031-03-03' ORDER BY province_id", []],
  ];
  try {
    const hash = createHash('sha256');
    for (const [sql, params] of queries) hash.update(JSON.stringify(await db.query(sql, params)));
    return hash.digest('hex');
  } finally {
    await db.close();
  }
}

describe(`fuzzing every write endpoint (${RUNS} runs each, seed ${SEED})`, () => {
  let w: World;
  beforeAll(async () => {
    process.stdout.write(`fuzz: seed ${SEED}, ${RUNS} runs per endpoint (FUZZ_SEED / FUZZ_RUNS to change)\n`);
    const world = await fx.world();
    const campaign = await openCampaignOn(api(), world.root.token, world.city.id);
    const filed = await fx.file(world.worker, {
      homeId: world.homeA.id,
      type: 'complaint',
      topic: 'wages',
      content: GOOD_CONTENT,
      anonymous: false,
    });
    if (filed.status !== 201) throw new Error(`grievance: ${filed.status} ${filed.text}`);
    const db = await openDb(target.url, target.dataDir);
    const [{ path }] = await db.query<{ path: string }>('SELECT path FROM orgs WHERE id = ?', [world.city.id]);
    await db.close();
    w = {
      cityId: world.city.id,
      cityPath: path,
      homeId: world.homeA.id,
      campaignId: campaign.id,
      grievanceId: filed.body.id,
      trackingCode: filed.body.trackingCode,
      admin: world.cityAdmin,
      chair: world.chairA,
      worker: world.worker,
    };
  }, 60_000);

  it.each(ENDPOINTS.map((e) => [`${e.method} ${e.path}`, e] as const))(
    '%s',
    async (_name, e) => {
      const params = e.params(w);
      const arb = fc.record({
        values: fc.record(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, pathValue(v)]))),
        payload: bodyArb(e.valid(w)),
        headers: headersArb,
      });
      await fc.assert(
        fc.asyncProperty(arb, async ({ values, payload, headers }) => {
          const path = e.path.replace(/:(\w+)/g, (_, k: string) => encodeURIComponent(String((values as Record<string, string>)[k])));
          const send: Record<string, string> = { 'content-type': headers['content-type'] };
          if (headers['idempotency-key'] !== undefined) send['idempotency-key'] = headers['idempotency-key'];
          const token = e.who === 'none' ? undefined : w[e.who].token;
          if (headers.auth !== 'token') send.authorization = headers.auth;
          const before = await checksum(w);
          const res = await call(process.env.PINGJIA_URL!, e.method, path, {
            token: headers.auth === 'token' ? token : undefined,
            headers: send,
            ...(payload.raw !== undefined ? { raw: payload.raw } : { raw: JSON.stringify(payload.body) }),
          });
          expect(res.status).toBeLessThan(500);
          const words = ownWords(res);
          const sent = JSON.stringify(payload) + path;
          for (const leak of LEAKS) if (!leak.test(sent)) expect(words).not.toMatch(leak);
          if (res.status >= 400) {
            expect(typeof res.body?.code).toBe('string');
            expect(typeof res.body?.message).toBe('string');
            expect(Object.keys(res.body).every((k) => ['code', 'message', 'fields', 'requestId'].includes(k))).toBe(true);
            expect(await checksum(w)).toBe(before);
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    },
    30_000 + RUNS * 3000,
  );
});
