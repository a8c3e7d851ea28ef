import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
// PINGJIA_SERVER_MAIN runs the suites against another build (say, main's, to see a new test fail there).
export const SERVER_MAIN = process.env.PINGJIA_SERVER_MAIN ? resolve(process.env.PINGJIA_SERVER_MAIN) : join(ROOT, 'server/dist/main.js');

export interface RunningServer {
  url: string;
  port: number;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
  process: ChildProcess;
}

/** Starts the built server (real process, real HTTP) on a free port and waits until it is ready (up to 90 s: a boot takes ~1.5 s alone, much longer at load 15+). */
export async function startServer(env: Record<string, string | undefined> = {}, timeoutMs = 90_000): Promise<RunningServer> {
  // A folder made here is this server's alone (the caller never learns it): removed when it stops.
  const ownDir = env.DATA_DIR === undefined;
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'pingjia-test-'));
  const child = spawn(process.execPath, [SERVER_MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      // The test hooks (TEST_CLOCK, TEST_DISABLE_LOCKS) exist only with NODE_ENV=test: under any other
      // NODE_ENV the server refuses their variables at boot.
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      H5_DIR: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const port = await new Promise<number>((resolvePort, reject) => {
    // A server that is not ready in time is stopped: left running, it would keep Jest from exiting.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
      reject(new Error(`server not ready in ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = () => {
      const m = /PINGJIA_READY port=(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolvePort(Number(m[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before ready:\n${out}`));
    });
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    process: child,
    output: () => out,
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      const code = await exited;
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}

/** The database the API suites run on: SQLite (default) or MariaDB when TEST_DATABASE_URL is set. */
export function testDatabaseEnv(): Record<string, string> {
  const url = process.env.TEST_DATABASE_URL;
  return url ? { DATABASE_URL: url } : {};
}

/** The H5 build the browser suites serve: H5_DIST (a build elsewhere, MINIAPP_OUT=… pnpm build:h5), else miniapp/dist/h5. */
export const H5_BUILD = process.env.H5_DIST || join(ROOT, 'miniapp/dist/h5');

/** The demo data, the development login and the demo admin a suite logs in as. */
export function demoEnv(admin: { username: string; password: string }): Record<string, string> {
  return { SEED_DEMO: 'true', AUTH_DEV_LOGIN: 'true', DEMO_ADMIN_USERNAME: admin.username, DEMO_ADMIN_PASSWORD: admin.password };
}

/** The mini-program's login (wx.login → jscode2session) through a stand-in WeChat. */
export function wechatEnv(wechat: { url: string; appId: string; secret: string }): Record<string, string> {
  return { WECHAT_APPID: wechat.appId, WECHAT_SECRET: wechat.secret, WECHAT_API_BASE: wechat.url };
}

/** The official account's web authorisation (the H5 app in WeChat's browser) through a stand-in WeChat. */
export function wechatWebEnv(wechat: { url: string; webAppId: string; webSecret: string }): Record<string, string> {
  return { WECHAT_WEB_APPID: wechat.webAppId, WECHAT_WEB_SECRET: wechat.webSecret, WECHAT_OPEN_BASE: wechat.url };
}

/**
 * The limits of the one server that all the API, browser or simulator suites share: every suite writes
 * from 127.0.0.1, most as the one demo admin, and uses tracking codes and the search for where to file
 * at once. The limits themselves are proven in tests/api/rate-limit.api.ts and on servers of their own.
 */
export const SHARED_SERVER_LIMITS: Record<string, string> = {
  RATE_LIMIT_LOGINS_PER_IP: '1000000',
  RATE_LIMIT_WRITES_PER_IP: '1000000',
  RATE_LIMIT_WRITES_PER_USER: '1000',
  RATE_LIMIT_TRACK_PER_IP: '1000000',
  RATE_LIMIT_PLACES_PER_IP: '1000000',
};
