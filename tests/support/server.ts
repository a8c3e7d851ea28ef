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
    const timer = setTimeout(() => reject(new Error(`server not ready in ${timeoutMs} ms:\n${out}`)), timeoutMs);
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
