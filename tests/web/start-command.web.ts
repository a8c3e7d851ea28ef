/** @jest-environment node */
// The README's run command itself: `bash scripts/start.sh` on a free port with a data folder of its
// own. Every URL its banner prints must answer, the H5 pages as the app's HTML, and the printed staff
// login must sign in. The builds are already done by the test command, so start.sh only checks them.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/server';
import { appRoutes } from '../support/every-page';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe('the run command (scripts/start.sh)', () => {
  let child: ChildProcess;
  let out = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'pingjia-start-'));

  afterAll(async () => {
    // start.sh execs the server in its own process group: stop the whole group.
    if (child?.pid && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts on the port it is given, and every URL its banner prints answers', async () => {
    const port = await freePort();
    child = spawn('bash', ['scripts/start.sh'], {
      cwd: ROOT,
      detached: true,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no banner in 240 s:\n${out}`)), 240_000);
      child.stdout!.on('data', () => /PINGJIA_READY port=\d+/.test(out) && (clearTimeout(timer), resolve()));
      child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`start.sh exited ${code}:\n${out}`))));
    });
    expect(out).toContain(`PINGJIA_READY port=${port}`);
    expect(out).toContain('DEMO, not for real use');
    expect(out).toContain('Listening on this machine only');

    const urls = [...out.matchAll(/^ {2}([^:\n]+):\s+(http:\/\/\S+)/gm)].map((m) => ({ label: m[1].trim(), url: m[2] }));
    expect(urls.map((u) => u.label)).toEqual(['H5 app', 'API docs', 'Health', 'Rate a demo home', 'Home dashboard', 'Federation view']);
    for (const { label, url } of urls) {
      expect(url.startsWith(`http://localhost:${port}/`)).toBe(true);
      const res = await fetch(url);
      expect([label, res.status]).toEqual([label, 200]);
      const body = await res.text();
      if (label === 'Health') expect(JSON.parse(body)).toMatchObject({ status: 'ok', db: 'up' });
      else if (label === 'API docs') expect(body).toMatch(/swagger/i);
      // The H5 app's own page, served for every app route (browser-mode routing).
      else
        expect([label, res.headers.get('content-type'), body.includes('<div id="app"')]).toEqual([
          label,
          expect.stringContaining('text/html'),
          true,
        ]);
    }

    // Every app URL names a page the app has, and the ids in it are ones the server knows (the H5
    // fallback would answer any path with the app's HTML).
    const routes = appRoutes();
    expect(routes.size).toBeGreaterThan(20);
    const login = out.match(/Staff login:\s+(\S+) \/ (\S+)/)!;
    const auth = await fetch(`http://localhost:${port}/api/auth/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: login[1], password: login[2] }),
    });
    expect(auth.status).toBe(200);
    const token = ((await auth.json()) as { token: string }).token;
    const apiFor: Record<string, (q: URLSearchParams) => string> = {
      'Rate a demo home': (q) => `/api/homes/scene/${encodeURIComponent(q.get('scene')!)}`,
      'Home dashboard': (q) => `/api/homes/${q.get('homeId')}/dashboard`,
      'Federation view': (q) => `/api/orgs/${q.get('orgId')}/dashboard`,
    };
    for (const { label, url } of urls.filter((u) => u.label in apiFor)) {
      const u = new URL(url);
      expect([label, routes.has(u.pathname.slice(1))]).toEqual([label, true]);
      const res = await fetch(`http://localhost:${port}${apiFor[label](u.searchParams)}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect([label, res.status]).toEqual([label, 200]);
    }

    // Listening on loopback only.
    const bound = out.match(/Listening on ([^\n]+)/)![1];
    expect(bound).toContain('this machine only');
  }, 300_000);
});
