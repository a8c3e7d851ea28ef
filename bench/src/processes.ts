// The processes under test: the built server (node server/dist/main.js) and a bare node:http hello
// server, each in its own process, with start-to-ready time and resident memory read from /proc.
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './server-lib';

export interface Proc {
  url: string;
  pid: number;
  readyMs: number;
  output: () => string;
  stop: () => Promise<void>;
}

function waitForPort(
  child: ChildProcess,
  pattern: RegExp,
  timeoutMs: number,
  started: bigint,
): Promise<{ port: number; readyMs: number; output: () => string }> {
  let out = '';
  const keep = (d: Buffer) => {
    out += d;
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in ${timeoutMs} ms:\n${out.slice(-4000)}`)), timeoutMs);
    const onData = () => {
      const m = pattern.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve({ port: Number(m[1]), readyMs: Number(process.hrtime.bigint() - started) / 1e6, output: () => out });
    };
    child.stdout!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ready:\n${out.slice(-4000)}`));
    });
  });
}

function stopper(child: ChildProcess): () => Promise<void> {
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
}

/**
 * The real server, as in production: NODE_ENV=production, secrets in the environment, no H5 files. Its
 * output goes to a file (as a service's log would), not through a pipe into the load tool's process.
 */
export async function startServer(env: Record<string, string>, logFile: string, nodeArgs: string[] = []): Promise<Proc> {
  const fd = openSync(logFile, 'w');
  const started = process.hrtime.bigint();
  // BENCH_SERVER_DIR: another checkout's built server (a "before" run against the same data).
  const serverRoot = process.env.BENCH_SERVER_DIR || ROOT;
  const entry = process.env.BENCH_SERVER_ENTRY || 'main.js';
  const child = spawn(process.execPath, [...nodeArgs, join(serverRoot, 'server/dist', entry)], {
    cwd: serverRoot,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://bench.pingjia.invalid',
      PORT: '0',
      HOST: '127.0.0.1',
      H5_DIR: '',
      SHUTDOWN_DELAY_MS: '0',
      ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}),
      // BENCH_SERVER_ENTRY=cluster.js: node:cluster workers behind one port (with --redis)
      ...(process.env.CLUSTER_WORKERS ? { CLUSTER_WORKERS: process.env.CLUSTER_WORKERS } : {}),
      ...env,
    },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const output = () => {
    const text = readFileSync(logFile, 'utf8');
    return text.length > 8000 ? text.slice(-8000) : text;
  };
  const port = await new Promise<number>((resolve, reject) => {
    const deadline = Date.now() + 180_000;
    const poll = setInterval(() => {
      const m = /PINGJIA_READY port=(\d+)/.exec(readFileSync(logFile, 'utf8'));
      if (m) finish(null, Number(m[1]));
      else if (child.exitCode !== null) finish(new Error(`server exited with ${child.exitCode} before ready:\n${output()}`));
      else if (Date.now() > deadline) finish(new Error(`server not ready in 180 s:\n${output()}`));
    }, 5);
    const finish = (e: Error | null, port = 0) => {
      clearInterval(poll);
      if (e) reject(e);
      else resolve(port);
    };
  });
  const readyMs = Number(process.hrtime.bigint() - started) / 1e6;
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, readyMs, output, stop: stopper(child) };
}

const HELLO = `
const http = require('node:http');
const body = JSON.stringify({ hello: 'world' });
const s = http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }); res.end(body); });
s.keepAliveTimeout = 72000;
s.listen(0, '127.0.0.1', () => console.log('HELLO_READY port=' + s.address().port));
process.on('SIGTERM', () => s.close(() => process.exit(0)));
`;

/** A bare node:http server answering a small JSON body: the ceiling for this machine and load tool. */
export async function startHello(): Promise<Proc> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['-e', HELLO], { stdio: ['ignore', 'pipe', 'pipe'] });
  const { port, readyMs, output } = await waitForPort(child, /HELLO_READY port=(\d+)/, 10_000, started);
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, readyMs, output, stop: stopper(child) };
}

/**
 * Debian's redis-server on a free loopback port, nothing saved to disk: the state several instances share
 * (REDIS_URL: rate-limit counters, the WeChat token, job locks), as in production with more than one.
 */
export async function startRedis(): Promise<Proc> {
  if (spawnSync('redis-server', ['--version']).status !== 0) throw new Error('--redis needs redis-server (Debian package redis-server)');
  const free = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
  const started = process.hrtime.bigint();
  const child = spawn('redis-server', ['--port', String(free), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { port, readyMs, output } = await waitForPort(child, /port=(\d+)\.[\s\S]*Ready to accept connections/, 10_000, started);
  return { url: `redis://127.0.0.1:${port}`, pid: child.pid!, readyMs, output, stop: stopper(child) };
}

/** Resident set size in MB of a process, from /proc/<pid>/status (VmRSS). */
export function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Samples RSS every 250 ms until stopped; returns the peak. */
export function sampleRss(pids: number[]): { stop: () => number } {
  let peak = 0;
  const tick = () => {
    const total = pids.reduce((a, p) => a + (rssMb(p) ?? 0), 0);
    if (total > peak) peak = total;
  };
  tick();
  const timer = setInterval(tick, 250);
  return {
    stop: () => {
      clearInterval(timer);
      tick();
      return Math.round(peak);
    },
  };
}

export function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'n/a';
  }
}

/** CPU time (ms) a process has used, from /proc/<pid>/stat (utime + stime, in clock ticks of 10 ms). */
function cpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/**
 * Waits until the processes are idle (under 5% of a core over half a second, twice running): requests
 * still queued when the load tool stopped would otherwise be served during the next scenario.
 */
export async function waitIdle(pids: number[], maxMs = 180_000): Promise<number> {
  const started = Date.now();
  const total = () => pids.reduce((a, p) => a + (cpuMs(p) ?? 0), 0);
  let quiet = 0;
  let last = total();
  while (Date.now() - started < maxMs && quiet < 2) {
    await new Promise((r) => setTimeout(r, 500));
    const now = total();
    quiet = now - last <= 25 * pids.length ? quiet + 1 : 0;
    last = now;
  }
  return Date.now() - started;
}
