import { spawn, spawnSync } from 'node:child_process';
import { createConnection, createServer } from 'node:net';

/** A private redis-server (Debian's) on a loopback port, nothing saved to disk. */
export interface PrivateRedis {
  url: string;
  /** runs a command with redis-cli against it and answers its output */
  cli(...args: string[]): string;
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const ping = (port: number) =>
  new Promise<boolean>((resolve) => {
    const sock = createConnection({ port, host: '127.0.0.1' }, () => sock.write('PING\r\n'));
    sock.on('data', (d) => {
      sock.destroy();
      resolve(d.toString().startsWith('+PONG'));
    });
    sock.on('error', () => resolve(false));
  });

export async function startRedis(dir: string): Promise<PrivateRedis> {
  // A missing redis-server is a failure of the test, never a skip.
  if (spawnSync('redis-server', ['--version']).status !== 0)
    throw new Error('redis-server is not installed (Debian package redis-server; scripts/test.sh installs it)');
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  for (let i = 0; !(await ping(port)); i++) {
    if (i > 100 || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    cli: (...args) => spawnSync('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8' }).stdout.trim(),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
