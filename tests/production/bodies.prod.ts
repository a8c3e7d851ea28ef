// Bodies an attacker sends to a production start: deep, wide, not JSON, or with characters no text holds.
import { ADMIN, ProdServer, login, startProdServer } from './prod-server';

const deep = (depth: number) => `{"username":${'['.repeat(depth)}${']'.repeat(depth)},"password":"x"}`;

describe('bodies bounded before they are parsed deep', () => {
  let s: ProdServer;
  let token: string;
  beforeAll(async () => {
    s = await startProdServer('bodies');
    token = await login(s.api, ADMIN.username, ADMIN.password);
  });
  afterAll(() => s?.close());

  it('answers a body nested 20,000 levels with 400 VALIDATION_FAILED on public and staff write routes, and keeps serving', async () => {
    for (const [path, auth] of [
      ['/api/auth/password', false],
      ['/api/invites/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/accept', false],
      ['/api/orgs', true],
      ['/api/campaigns', true],
    ] as const) {
      const r = await s.api.post(path, {
        raw: deep(20_000),
        headers: { 'content-type': 'application/json' },
        token: auth ? token : undefined,
      });
      expect({ path, status: r.status, code: r.body?.code }).toEqual({ path, status: 400, code: 'VALIDATION_FAILED' });
    }
    // Eleven levels (one past the default cap) already refused, with the limit in the message.
    const eleven = await s.api.post('/api/auth/password', { raw: deep(10), headers: { 'content-type': 'application/json' } });
    expect(eleven.status).toBe(400);
    expect(eleven.body.message).toMatch(/10 层/);
    expect((await s.api.get('/api/health')).status).toBe(200);
    // No error-level stack for any of it.
    expect(s.server.output()).not.toMatch(/RangeError|Maximum call stack/);
  });

  it('refuses a body with more keys and items than the cap', async () => {
    const wide = JSON.stringify({ username: 'a', password: 'b', items: Array.from({ length: 3000 }, (_, i) => i) });
    const r = await s.api.post('/api/auth/password', { raw: wide, headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/不能超过 2000 个/);
  });

  it.each([
    ['application/x-www-form-urlencoded', 'username=prod-admin&password=prod-admin-password-123'],
    ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="username"\r\n\r\nprod-admin\r\n--x--\r\n'],
    ['text/plain', '{"username":"prod-admin","password":"prod-admin-password-123"}'],
    ['text/csv', 'username,password\nprod-admin,prod-admin-password-123\n'],
    ['application/xml', '<login><username>prod-admin</username></login>'],
  ])('answers 415 to a %s body outside the roster route', async (type, raw) => {
    const r = await s.api.post('/api/auth/password', { raw, headers: { 'content-type': type } });
    expect(r.status).toBe(415);
    expect(r.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it.each([
    ['NUL', 'prod-admin\\u0000'],
    ['an escape sequence', '\\u001b[2Jprod-admin'],
    ['a lone surrogate', 'prod-admin\\ud800'],
  ])('refuses %s in a text field with a field message', async (_name, username) => {
    const r = await s.api.post('/api/auth/password', {
      raw: `{"username":"${username}","password":"prod-admin-password-123"}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(r.status).toBe(400);
    expect(r.body.fields.username).toBeDefined();
  });
});
