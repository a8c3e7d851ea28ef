import { startServer, testDatabaseEnv } from '../support/server';

export const ADMIN = { username: 'test-admin', password: 'test-admin-password-123' };

export default async function globalSetup() {
  const server = await startServer({
    ...testDatabaseEnv(),
    SEED_DEMO: 'true',
    AUTH_DEV_LOGIN: 'true',
    DEMO_ADMIN_USERNAME: ADMIN.username,
    DEMO_ADMIN_PASSWORD: ADMIN.password,
  });
  (globalThis as any).__PINGJIA_SERVER__ = server;
  process.env.PINGJIA_URL = server.url;
}
