import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { demoEnv, H5_BUILD, SHARED_SERVER_LIMITS, startServer } from '../support/server';

export const STAFF = { username: 'web-admin', password: 'web-admin-password-123' };

// One server for the browser suites: SQLite, demo data, serving the built H5 app.
export default async function globalSetup() {
  if (!existsSync(join(H5_BUILD, 'index.html')))
    throw new Error('the H5 build is missing: run `pnpm --filter @pingjia/miniapp build:h5` first');
  const server = await startServer({
    H5_DIR: H5_BUILD,
    ...demoEnv(STAFF),
    // Every browser and fixture logs in from 127.0.0.1: on a fast machine the suites pass the per-address
    // limits within a minute.
    ...SHARED_SERVER_LIMITS,
  });
  (globalThis as any).__PINGJIA_SERVER__ = server;
  process.env.PINGJIA_URL = server.url;
  process.env.PINGJIA_BANNER = server.output();
}
