// The README's run command is a demo that stays on this machine; the production command refuses to
// start without what production needs.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ownMariadbDatabase } from '../support/db';
import { ROOT } from '../support/server';

/** The local addresses listening on a TCP port, from /proc/net/tcp{,6} (hex, as the kernel keeps them). */
function listeners(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .slice(1)
      .map((l) => l.trim().split(/\s+/))
      // state 0A: LISTEN
      .filter((c) => c[1]?.endsWith(`:${hexPort}`) && c[3] === '0A')
      .map((c) => c[1].split(':')[0]),
  );
}
const LOOPBACK_V4 = '0100007F';

describe('scripts/start.sh (the demo)', () => {
  it('listens on loopback only, and its banner says it is a demo and how to run for real', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pingjia-start-'));
    const own = await ownMariadbDatabase('start_sh');
    const env: Record<string, string> = {
      PATH: process.env.PATH!,
      HOME: process.env.HOME ?? '/root',
      PORT: '0',
      DATA_DIR: dataDir,
      ...(own ? { DATABASE_URL: own.url } : {}),
    };
    const child = spawn('bash', [join(ROOT, 'scripts/start.sh')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    try {
      const port = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`start.sh not ready in 240 s:\n${out}`)), 240_000);
        child.stdout.on('data', () => {
          const m = /PINGJIA_READY port=(\d+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(Number(m[1]));
          }
        });
        child.on('exit', (code) => reject(new Error(`start.sh exited with ${code}:\n${out}`)));
      });
      expect(listeners(port)).toEqual([LOOPBACK_V4]);
      expect(out).toContain('DEMO');
      expect(out).toContain('scripts/start-production.sh');
      // Still the demo it promised: dev login on and demo data seeded.
      const dev = await fetch(`http://127.0.0.1:${port}/api/auth/dev`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ openid: 'start-sh-demo' }),
      });
      expect(dev.status).toBe(200);
      expect(out).toMatch(/Rate a demo home: +http:\/\/localhost:\d+\/pages\/home\/index\?scene=/);
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await own?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);

  it('with NODE_ENV=production hands over to the production start, which refuses without secrets and PUBLIC_URL', () => {
    const res = spawnSync('bash', [join(ROOT, 'scripts/start.sh')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH!, NODE_ENV: 'production', TEST_CLOCK: 'true' },
      encoding: 'utf8',
    });
    expect(res.status).toBe(78);
    for (const v of ['JWT_SECRET', 'RATER_KEY_SECRET', 'PUBLIC_URL', 'TEST_CLOCK']) expect(res.stderr).toContain(v);
  });
});
