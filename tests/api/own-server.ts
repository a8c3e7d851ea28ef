// A suite's own stand-in WeChat, server and database, for suites that steer WeChat's failures or
// read the server's whole log and database, where other suites running beside them would interfere.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAKE_TEMPLATE_ID, FakeWechat, startFakeWechat } from '../fakes/wechat-server';
import { ownMariadbDatabase } from '../support/db';
import { client } from '../support/http';
import { openCycle } from '../support/campaigns';
import { demoEnv, RunningServer, startServer, wechatEnv } from '../support/server';
import { fakeWechat } from '../support/wechat';
import { ADMIN } from './global-setup';
import { DbTarget } from './grievances.fixtures';

export interface OwnServer {
  server: RunningServer;
  wechat: FakeWechat;
  wx: ReturnType<typeof fakeWechat>;
  api: ReturnType<typeof client>;
  target: DbTarget;
  close: () => Promise<void>;
}

/** The environment of a server of a suite's own: its database and data folder, the demo admin, test limits, its WeChat. */
export function ownServerEnv(target: { dataDir: string; url?: string }, wechat: FakeWechat): Record<string, string> {
  return {
    ...(target.url ? { DATABASE_URL: target.url } : {}),
    DATA_DIR: target.dataDir,
    ...demoEnv(ADMIN),
    RATE_LIMIT_WRITES_PER_USER: '1000',
    RATE_LIMIT_WRITES_PER_IP: '1000000',
    RATE_LIMIT_LOGINS_PER_IP: '1000000',
    GRIEVANCE_SWEEP_INTERVAL_MS: '0',
    ...wechatEnv(wechat),
    WECHAT_GRIEVANCE_TEMPLATE_ID: FAKE_TEMPLATE_ID,
  };
}

export async function startOwnServer(label: string, env: Record<string, string> = {}): Promise<OwnServer> {
  const wechat = await startFakeWechat();
  const dataDir = mkdtempSync(join(tmpdir(), `pingjia-${label}-`));
  const own = await ownMariadbDatabase(label);
  const target = own ? { dataDir, url: own.url } : { dataDir };
  const server = await startServer({ ...ownServerEnv(target, wechat), ...env }, 90_000);
  return {
    server,
    wechat,
    wx: fakeWechat(wechat.url),
    api: client(server.url),
    target,
    close: async () => {
      await server.stop();
      await wechat.close();
      await own?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A campaign over the org, open from an hour ago for a month. */
export async function openCampaignOn(api: ReturnType<typeof client>, token: string, orgId: string): Promise<{ id: string }> {
  return openCycle(api, token, orgId, `评家${randomBytes(3).toString('hex')}`);
}

/** A new enterprise home under `orgId` on a suite's own server; a refusal throws. */
export async function createHomeOn(
  api: ReturnType<typeof client>,
  token: string,
  orgId: string,
  name: string,
  memberCount: number,
  mode: 'open' | 'roster' = 'open',
): Promise<{ id: string; name: string; sceneToken: string }> {
  const res = await api.post('/api/homes', { token, body: { orgId, name, kind: 'enterprise', memberCount, membershipMode: mode } });
  if (res.status !== 201) throw new Error(`home: ${res.status} ${res.text}`);
  return res.body;
}

/**
 * A suite whose servers take turns on one database of its own (SQLite file, or a MariaDB database with
 * TEST_DATABASE_URL): its stand-in WeChat, folder and database, made before the suite and removed after it
 * with every server still in `running`. Call once at the top of the suite file.
 */
export function sharedDatabaseSuite(label: string): {
  wechat: FakeWechat;
  target: { dataDir: string; url?: string };
  running: RunningServer[];
} {
  const suite = {
    wechat: undefined as unknown as FakeWechat,
    target: { dataDir: '' } as { dataDir: string; url?: string },
    running: [] as RunningServer[],
  };
  let own: { url: string; drop: () => Promise<void> } | null = null;
  beforeAll(async () => {
    suite.wechat = await startFakeWechat();
    const dataDir = mkdtempSync(join(tmpdir(), `pingjia-${label}-`));
    own = await ownMariadbDatabase(label);
    suite.target = own ? { dataDir, url: own.url } : { dataDir };
  }, 60_000);
  afterAll(async () => {
    for (const s of suite.running) await s.stop();
    await suite.wechat?.close();
    await own?.drop();
    if (suite.target.dataDir) rmSync(suite.target.dataDir, { recursive: true, force: true });
  });
  return suite;
}
