// A production server for one suite: NODE_ENV=production, secrets and PUBLIC_URL set as an operator
// would, demo data seeded so there is a province admin, on SQLite or on a database of its own on
// the suites' MariaDB (TEST_DATABASE_URL).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ownMariadbDatabase } from '../support/db';
import { client } from '../support/http';
import { RunningServer, startServer } from '../support/server';

const PUBLIC_URL = 'https://pingjia.example.cn';
export const ADMIN = { username: 'prod-admin', password: 'prod-admin-password-123' };

export interface ProdServer {
  server: RunningServer;
  api: ReturnType<typeof client>;
  url: string;
  close: () => Promise<void>;
}

const productionEnv = (dataDir: string): Record<string, string> => ({
  NODE_ENV: 'production',
  DATA_DIR: dataDir,
  JWT_SECRET: randomBytes(32).toString('base64url'),
  RATER_KEY_SECRET: randomBytes(32).toString('base64url'),
  PUBLIC_URL,
  SEED_DEMO: 'true',
  DEMO_ADMIN_USERNAME: ADMIN.username,
  DEMO_ADMIN_PASSWORD: ADMIN.password,
  SHUTDOWN_DELAY_MS: '0',
  GRIEVANCE_SWEEP_INTERVAL_MS: '0',
});

export async function startProdServer(label: string, env: Record<string, string> = {}): Promise<ProdServer> {
  const dataDir = mkdtempSync(join(tmpdir(), `pingjia-prod-${label}-`));
  const own = await ownMariadbDatabase(`prod_${label}`);
  const server = await startServer({ ...productionEnv(dataDir), ...(own ? { DATABASE_URL: own.url } : {}), ...env }, 90_000);
  return {
    server,
    url: server.url,
    api: client(server.url),
    close: async () => {
      await server.stop();
      await own?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function login(api: ProdServer['api'], username: string, password: string): Promise<string> {
  const res = await api.post('/api/auth/password', { body: { username, password } });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.text}`);
  return res.body.token;
}

/** The demo province (the admin's org) and a new city under it with an admin of its own. */
export async function provinceAndCity(api: ProdServer['api']) {
  const adminToken = await login(api, ADMIN.username, ADMIN.password);
  const me = await api.get('/api/me', { token: adminToken });
  const provinceId = me.body.roles.find((r: { role: string }) => r.role === 'federation_admin').orgId as string;
  const city = await api.post('/api/orgs', {
    token: adminToken,
    body: { parentId: provinceId, name: `测试市${randomBytes(3).toString('hex')}`, level: 'city' },
  });
  if (city.status !== 201) throw new Error(`city: ${city.status} ${city.text}`);
  return { adminToken, provinceId, cityId: city.body.id as string };
}

/** Invites an admin for the org and accepts with a new password account. */
export async function orgAdmin(api: ProdServer['api'], inviterToken: string, orgId: string) {
  const invite = await api.post(`/api/orgs/${orgId}/invites`, { token: inviterToken, body: { role: 'federation_admin' } });
  if (invite.status !== 201) throw new Error(`invite: ${invite.status} ${invite.text}`);
  const username = `staff_${randomBytes(4).toString('hex')}`;
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const accepted = await api.post(`/api/invites/${invite.body.code}/accept`, { body: { username, password } });
  if (accepted.status !== 200) throw new Error(`accept: ${accepted.status} ${accepted.text}`);
  const grants = await api.get(`/api/orgs/${orgId}/grants`, { token: inviterToken });
  const grant = grants.body.items.find((g: { user: { username: string } }) => g.user.username === username);
  return { username, password, userId: accepted.body.user.id as string, grantId: grant.id as string, token: accepted.body.token as string };
}
