import { FAKE_TEMPLATE_ID, startFakeWechat } from '../fakes/wechat-server';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoEnv, SHARED_SERVER_LIMITS, startServer, testDatabaseEnv, wechatEnv, wechatWebEnv } from '../support/server';

export const ADMIN = { username: 'test-admin', password: 'test-admin-password-123' };

// One stand-in WeChat and one built server (real process, real HTTP) for the API suites.
export default async function globalSetup() {
  const wechat = await startFakeWechat();
  const dataDir = mkdtempSync(join(tmpdir(), 'pingjia-api-'));
  const server = await startServer({
    ...testDatabaseEnv(),
    DATA_DIR: dataDir,
    // Suites share one address and log in hundreds of members; the limits get their own tests (the
    // tracking limit in grievances-time.api.ts, on a server of its own).
    ...SHARED_SERVER_LIMITS,
    ...demoEnv(ADMIN),
    ...wechatEnv(wechat),
    ...wechatWebEnv(wechat),
    WECHAT_GRIEVANCE_TEMPLATE_ID: FAKE_TEMPLATE_ID,
    // POST /api/__test/clock exists; suites that move time start a server of their own.
    TEST_CLOCK: 'true',
  });
  (globalThis as any).__PINGJIA_SERVER__ = server;
  (globalThis as any).__PINGJIA_WECHAT__ = wechat;
  process.env.PINGJIA_URL = server.url;
  process.env.FAKE_WECHAT_URL = wechat.url;
  process.env.PINGJIA_DATA_DIR = dataDir;
}
