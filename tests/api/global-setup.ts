import { startFakeWechat } from '../fakes/wechat-server';
import { startServer, testDatabaseEnv } from '../support/server';

export const ADMIN = { username: 'test-admin', password: 'test-admin-password-123' };

// One stand-in WeChat and one built server (real process, real HTTP) for the API suites.
export default async function globalSetup() {
  const wechat = await startFakeWechat();
  const server = await startServer({
    ...testDatabaseEnv(),
    SEED_DEMO: 'true',
    AUTH_DEV_LOGIN: 'true',
    DEMO_ADMIN_USERNAME: ADMIN.username,
    DEMO_ADMIN_PASSWORD: ADMIN.password,
    WECHAT_APPID: wechat.appId,
    WECHAT_SECRET: wechat.secret,
    WECHAT_API_BASE: wechat.url,
  });
  (globalThis as any).__PINGJIA_SERVER__ = server;
  (globalThis as any).__PINGJIA_WECHAT__ = wechat;
  process.env.PINGJIA_URL = server.url;
  process.env.FAKE_WECHAT_URL = wechat.url;
}
