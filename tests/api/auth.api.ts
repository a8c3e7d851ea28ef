import { api, admin, member } from './fixtures';
import { ADMIN } from './global-setup';

describe('auth', () => {
  it('logs staff in with username and password and lists their roles', async () => {
    const res = await api().post('/api/auth/password', { body: ADMIN });
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(res.body.user.roles).toEqual([{ role: 'federation_admin', orgId: expect.any(String) }]);
    expect(res.body.user).not.toHaveProperty('passwordHash');
  });

  it('refuses a wrong password with 401 BAD_CREDENTIALS', async () => {
    const res = await api().post('/api/auth/password', { body: { username: ADMIN.username, password: 'wrong-password' } });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('BAD_CREDENTIALS');
  });

  it('gives the same unknown-user answer as a wrong password', async () => {
    const res = await api().post('/api/auth/password', { body: { username: 'nobody-here', password: 'whatever' } });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('BAD_CREDENTIALS');
  });

  it('answers /api/me for a token and 401 without or with a forged one', async () => {
    const { token } = await admin();
    const me = await api().get('/api/me', { token });
    expect(me.status).toBe(200);
    expect(me.body.roles[0].role).toBe('federation_admin');

    expect((await api().get('/api/me')).status).toBe(401);
    const [h, p] = token.split('.');
    const forged = await api().get('/api/me', { token: `${h}.${p}.AAAA` });
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('TOKEN_INVALID');
  });

  it('refuses a token with alg none', async () => {
    const { token } = await admin();
    const payload = token.split('.')[1];
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const res = await api().get('/api/me', { headers: { authorization: `Bearer ${none}.${payload}.` } });
    expect(res.status).toBe(401);
  });

  it('creates one member per dev openid and never returns the openid', async () => {
    const a = await api().post('/api/auth/dev', { body: { openid: 'same-device-1' } });
    const b = await api().post('/api/auth/dev', { body: { openid: 'same-device-1' } });
    expect(a.status).toBe(200);
    expect(b.body.user.id).toBe(a.body.user.id);
    expect(a.text).not.toContain('same-device-1');
  });

  it('validates the dev login body', async () => {
    const res = await api().post('/api/auth/dev', { body: { openid: 'x' } });
    expect(res.status).toBe(400);
    expect(res.body.fields).toHaveProperty('openid');
  });

  it('gives a member no staff roles', async () => {
    const m = await member();
    const me = await api().get('/api/me', { token: m.token });
    expect(me.body.roles).toEqual([]);
  });
});
