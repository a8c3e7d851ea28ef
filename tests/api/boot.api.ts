import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { SERVER_MAIN, startServer, testDatabaseEnv } from '../support/server';
import { client } from '../support/http';

/** The built server started with only these variables (and PATH), run until it exits. */
const boot = (env: Record<string, string>) =>
  spawnSync(process.execPath, [SERVER_MAIN], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });

describe('boot', () => {
  it('stops at boot with a message naming a bad variable', () => {
    const res = boot({ PORT: 'eighty', DATA_DIR: '/tmp/pingjia-bad-config' });
    expect(res.status).toBe(78);
    expect(res.stderr).toContain('PORT');
  });

  it('refuses a SQLite file in a shared folder such as /tmp, and leaves the folder as it was', () => {
    const before = statSync('/tmp').mode;
    const res = boot({ DATABASE_URL: 'sqlite:/tmp/pingjia-shared-folder.sqlite' });
    expect(res.status).toBe(78);
    expect(res.stderr).toContain('DATABASE_URL');
    expect(statSync('/tmp').mode).toBe(before);
  });

  it('refuses the dev login in production', () => {
    const res = boot({ NODE_ENV: 'production', AUTH_DEV_LOGIN: 'true', JWT_SECRET: 'x'.repeat(40), RATER_KEY_SECRET: 'y'.repeat(40) });
    expect(res.status).toBe(78);
    expect(res.stderr).toContain('AUTH_DEV_LOGIN');
  });

  it('refuses to start in production without secrets', () => {
    const res = boot({ NODE_ENV: 'production', PUBLIC_URL: 'https://pingjia.example.cn' });
    expect(res.status).toBe(78);
    expect(res.stderr).toContain('JWT_SECRET');
  });

  it('refuses to start in production without PUBLIC_URL (links are never built from a request)', () => {
    const secret = 's'.repeat(40);
    const res = boot({ NODE_ENV: 'production', JWT_SECRET: secret, RATER_KEY_SECRET: secret });
    expect(res.status).toBe(78);
    expect(res.stderr).toContain('PUBLIC_URL');
  });

  it('has no dev login unless AUTH_DEV_LOGIN=true', async () => {
    const server = await startServer({ ...testDatabaseEnv() });
    try {
      const res = await client(server.url).post('/api/auth/dev', { body: { openid: 'abcdefgh' } });
      expect(res.status).toBe(404);
      expect((await client(server.url).get('/api/config')).body.devLogin).toBe(false);
    } finally {
      await server.stop();
    }
  });
});
