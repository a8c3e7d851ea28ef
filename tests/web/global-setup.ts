import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startServer } from '../support/server';

export const STAFF = { username: 'web-admin', password: 'web-admin-password-123' };

// One server for the browser suites: SQLite, demo data, serving the built H5 app.
export default async function globalSetup() {
  // H5_DIST: an H5 build elsewhere (MINIAPP_OUT=… pnpm build:h5), else miniapp/dist/h5.
  const h5 = process.env.H5_DIST || join(ROOT, 'miniapp/dist/h5');
  if (!existsSync(join(h5, 'index.html'))) throw new Error('the H5 build is missing: run `pnpm --filter @pingjia/miniapp build:h5` first');
  const server = await startServer({
    H5_DIR: h5,
    SEED_DEMO: 'true',
    AUTH_DEV_LOGIN: 'true',
    DEMO_ADMIN_USERNAME: STAFF.username,
    DEMO_ADMIN_PASSWORD: STAFF.password,
    // Every browser and fixture logs in from 127.0.0.1: on a fast machine the suites pass the per-address
    // limits within a minute. The limits themselves are proven in tests/api/rate-limit.api.ts.
    RATE_LIMIT_LOGINS_PER_IP: '1000000',
    RATE_LIMIT_WRITES_PER_IP: '1000000',
    RATE_LIMIT_WRITES_PER_USER: '1000',
    // Tracking codes and the search for where to file (issue 19) are used by several browsers at once.
    RATE_LIMIT_TRACK_PER_IP: '1000000',
    RATE_LIMIT_PLACES_PER_IP: '1000000',
  });
  (globalThis as any).__PINGJIA_SERVER__ = server;
  process.env.PINGJIA_URL = server.url;
  process.env.PINGJIA_BANNER = server.output();
}
