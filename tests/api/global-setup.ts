import { FAKE_TEMPLATE_ID, startFakeWechat } from '../fakes/wechat-server';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, testDatabaseEnv } from '../support/server';

export const ADMIN = { username: 'test-admin', password: 'test-admin-password-123' };

// One stand-in WeChat and one built server (real process, real HTTP) for the API suites.
export default async function globalSetup() {
  const wechat = await startFakeWechat();
  const dataDir = mkdtempSync(join(tmpdir(), 'pingjia-api-'));
  const server = await startServer({
    ...testDatabaseEnv(),
    DATA_DIR: dataDir,
    // Suites share one address and log in hundreds of members; the limits get their own test.
    RATE_LIMIT_WRITES_PER_USER: '1000',
    RATE_LIMIT_WRITES_PER_IP: '1000000',
    RATE_LIMIT_LOGINS_PER_IP: '1000000',
    // Tracking codes are used by several suites at once (issue 19: answers, feedback, attachments by
    // code); the tracking limit has its own test (grievances-time.api.ts, on a server of its own).
    RATE_LIMIT_TRACK_PER_IP: '1000000',
    RATE_LIMIT_PLACES_PER_IP: '1000000',
    SEED_DEMO: 'true',
    AUTH_DEV_LOGIN: 'true',
    DEMO_ADMIN_USERNAME: ADMIN.username,
    DEMO_ADMIN_PASSWORD: ADMIN.password,
    WECHAT_APPID: wechat.appId,
    WECHAT_SECRET: wechat.secret,
    WECHAT_API_BASE: wechat.url,
    WECHAT_WEB_APPID: wechat.webAppId,
    WECHAT_WEB_SECRET: wechat.webSecret,
    WECHAT_OPEN_BASE: wechat.url,
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
