import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ownMariadbDatabase } from '../support/db';
import { client } from '../support/http';
import { ROOT, startServer } from '../support/server';

// The first province and its admin, for real (issue 17 item 1): into an empty database (SQLite, or a
// MariaDB database of its own in the MariaDB run), no demo data, the password never printed, and a
// second run refused.
const CLI = join(ROOT, 'server/dist/cli/bootstrap.js');
const PASSWORD = 'bootstrap-secret-Pw-2026';

describe('bootstrap command', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pingjia-bootstrap-'));
  let own: Awaited<ReturnType<typeof ownMariadbDatabase>> = null;
  let env: Record<string, string>;
  beforeAll(async () => {
    own = await ownMariadbDatabase('bootstrap');
    env = { PATH: process.env.PATH!, DATA_DIR: dataDir, ...(own ? { DATABASE_URL: own.url } : {}) };
  });
  afterAll(async () => {
    await own?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const run = (args: string[], input?: string) => spawnSync(process.execPath, [CLI, ...args], { env, input, encoding: 'utf8' });

  it('refuses a short password and creates nothing', () => {
    const res = run(['--province', '测试省总工会', '--admin', '13800000000', '--password-file', '-'], 'short\n');
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('10 to 200');
  });

  it('creates the root federation and its admin in an empty database, then refuses a second time', async () => {
    const file = join(dataDir, 'pw.txt');
    writeFileSync(file, `${PASSWORD}\n`, { mode: 0o600 });
    const first = run(['--province', '测试省总工会', '--admin', '13800000000', '--name', '省总管理员', '--password-file', file]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^bootstrap ok: 测试省总工会/);
    expect(first.stdout + first.stderr).not.toContain(PASSWORD);

    const again = run(['--province', '别的省总工会', '--admin', 'second-admin', '--password-file', '-'], `${PASSWORD}\n`);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already has a federation');

    const server = await startServer({ DATA_DIR: dataDir, ...(own ? { DATABASE_URL: own.url } : {}) }, 90_000);
    try {
      expect(server.output()).not.toContain(PASSWORD);
      const api = client(server.url);
      expect((await api.post('/api/auth/password', { body: { username: 'second-admin', password: PASSWORD } })).status).toBe(401);
      const login = await api.post('/api/auth/password', { body: { username: '13800000000', password: PASSWORD } });
      expect(login.status).toBe(200);
      const token = login.body.token;
      const [grant] = login.body.user.roles;
      expect(grant.role).toBe('federation_admin');
      const province = await api.get(`/api/orgs/${grant.orgId}`, { token });
      expect(province.body).toMatchObject({ name: '测试省总工会', level: 'province', parentId: null, active: true });
      // No demo data: no lower unions, no homes, no cycles.
      expect((await api.get(`/api/orgs/${grant.orgId}/children`, { token })).body.items).toEqual([]);
      expect((await api.get(`/api/campaigns?orgId=${grant.orgId}`, { token })).body).toEqual([]);
      const audit = await api.get(`/api/orgs/${grant.orgId}/audit`, { token });
      expect(audit.body.items).toEqual([
        expect.objectContaining({
          action: 'org.bootstrap',
          actor: expect.objectContaining({ name: '省总管理员' }),
          target: expect.objectContaining({ name: '测试省总工会' }),
        }),
      ]);
    } finally {
      await server.stop();
    }
    // Its own budget: migrations in the command, then a server boot, each slow at load 20 on MariaDB.
  }, 240_000);
});
