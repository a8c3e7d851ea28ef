import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAKE_CYCLE_TEMPLATE_ID, FAKE_STAFF_TEMPLATE_ID, FAKE_TEMPLATE_ID, startFakeWechat } from '../fakes/wechat-server';
import { demoEnv, SHARED_SERVER_LIMITS, startServer, wechatEnv } from '../support/server';
import { weappDist } from './dist';
import { adminLogin, listHomes } from './server-api';

export const ADMIN = { username: 'weapp-admin', password: 'weapp-admin-password-123' };

// One stand-in WeChat and one built server (real process, real HTTP, SQLite, demo data) for the
// simulator suites. The server logs members in through the stand-in, as wx.login → jscode2session.
export default async function globalSetup() {
  const dist = weappDist();
  if (!existsSync(join(dist, 'app.js')))
    throw new Error(`the weapp build is missing at ${dist}: run \`cd miniapp && pnpm build:weapp\` first`);
  const wechat = await startFakeWechat();
  const dataDir = mkdtempSync(join(tmpdir(), 'pingjia-weapp-'));
  (globalThis as any).__PINGJIA_DATA_DIR__ = dataDir;
  const server = await startServer({
    DATA_DIR: dataDir,
    ...demoEnv(ADMIN),
    ...wechatEnv(wechat),
    // Grievance progress messages: the form offers the opt-in, and the server sends through the stand-in.
    WECHAT_GRIEVANCE_TEMPLATE_ID: FAKE_TEMPLATE_ID,
    // Staff reminders and members' "a cycle opened" messages (notify.weapp.ts).
    WECHAT_STAFF_TEMPLATE_ID: FAKE_STAFF_TEMPLATE_ID,
    WECHAT_CYCLE_TEMPLATE_ID: FAKE_CYCLE_TEMPLATE_ID,
    // Every simulator and fixture writes from 127.0.0.1 and most as the one demo admin: with the invite,
    // endorsement and thread suites the admin passed 30 writes a minute (429 on creating a home).
    ...SHARED_SERVER_LIMITS,
  });
  (globalThis as any).__PINGJIA_SERVER__ = server;
  (globalThis as any).__PINGJIA_WECHAT__ = wechat;
  process.env.PINGJIA_URL = server.url;
  process.env.FAKE_WECHAT_URL = wechat.url;
  const { token, provinceId } = await adminLogin();
  process.env.WEAPP_DEMO_HOMES = JSON.stringify(await listHomes(token, provinceId));
}
