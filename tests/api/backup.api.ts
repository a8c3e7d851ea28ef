import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync as mkdtemp, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { openDb } from '../support/db';
import { client } from '../support/http';
import { demoEnv, ROOT, startServer } from '../support/server';
import { GOOD_SCORES, ratingPath } from './fixtures';
import { complaint } from './grievances.fixtures';

// The restore drill for the embedded database (SQLite in both API runs: the MySQL backup is the
// engine's own dump tool). Backup while the server keeps taking ratings, restore into a new data
// folder, start a server on it: every rating acknowledged before the backup is there, totals agree.
const CLI = join(ROOT, 'server/dist/cli/backup.js');
// Every folder the drill makes is removed at the end (a backup of the demo data is a few MB each).
const made: string[] = [];
const mkdtempSync = (prefix: string) => {
  const dir = mkdtemp(prefix);
  made.push(dir);
  return dir;
};
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const cli = (dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH, DATA_DIR: dataDir }, encoding: 'utf8' });
const ADMIN = { username: 'drill-admin', password: 'drill-admin-password-1' };
const env = (dataDir: string) => ({
  DATA_DIR: dataDir,
  ...demoEnv(ADMIN),
  RATE_LIMIT_WRITES_PER_IP: '1000000',
  RATE_LIMIT_LOGINS_PER_IP: '1000000',
});

async function demoTarget(url: string) {
  const api = client(url);
  const login = await api.post('/api/auth/password', { body: ADMIN });
  const token = login.body.token;
  const province = login.body.user.roles[0].orgId;
  const cities = (await api.get(`/api/orgs/${province}/children`, { token })).body.items.filter((i: any) => i.type === 'org');
  for (const city of cities) {
    const homes = (await api.get(`/api/orgs/${city.id}/children`, { token })).body.items.filter((i: any) => i.type === 'home');
    for (const home of homes) {
      const scene = await api.get(`/api/homes/scene/${home.sceneToken}`);
      if (scene.body.campaign) return { homeId: home.id as string, campaignId: scene.body.campaign.id as string };
    }
  }
  throw new Error('no demo home with an open campaign');
}

describe('backup and restore drill (SQLite)', () => {
  it('takes a consistent backup under load and restores it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pingjia-drill-'));
    const server = await startServer(env(dataDir));
    const api = client(server.url);
    const { homeId, campaignId } = await demoTarget(server.url);
    const path = ratingPath(campaignId, homeId);
    const rate = async (n: number) => {
      const login = await api.post('/api/auth/dev', { body: { openid: `drill_${n}_${Date.now()}` } });
      const res = await api.put(path, { token: login.body.token, body: { scores: GOOD_SCORES, verdict: 'satisfied' } });
      return { token: login.body.token as string, status: res.status };
    };

    const before = await Promise.all(Array.from({ length: 20 }, (_, i) => rate(i)));
    expect(before.every((r) => r.status === 201)).toBe(true);
    // A worker's photo as evidence: its bytes live in DATA_DIR/attachments/, not in the database.
    const worker = (await api.post('/api/auth/dev', { body: { openid: `drill_worker_${Date.now()}` } })).body.token;
    const filed = await api.post('/api/grievances', { token: worker, body: complaint(homeId, { anonymous: false }) });
    expect(filed.status).toBe(201);
    const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#a62' } })
      .png()
      .toBuffer();
    const up = await fetch(`${server.url}/api/grievances/${filed.body.id}/attachments`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${worker}` },
      body: new Uint8Array(photo),
    });
    expect(up.status).toBe(201);
    const attachmentPath = `/api/grievances/${filed.body.id}/attachments/${((await up.json()) as { id: string }).id}`;
    const evidence = async (url: string) => {
      const res = await fetch(url + attachmentPath, { headers: { authorization: `Bearer ${worker}` } });
      return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
    };
    const stored = await evidence(server.url);
    expect(stored.status).toBe(200);
    // Writers keep going while the backup runs (in its own process, so this one keeps sending).
    let writing = true;
    let written = 0;
    const writer = (async () => {
      for (let i = 100; writing; i += 4) {
        await Promise.all([rate(i), rate(i + 1), rate(i + 2), rate(i + 3)]);
        written += 4;
      }
    })();
    const backupFile = join(mkdtempSync(join(tmpdir(), 'pingjia-backup-')), 'pingjia-backup.sqlite');
    const out = await new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(process.execPath, [CLI, 'backup', backupFile], { env: { PATH: process.env.PATH, DATA_DIR: dataDir } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('exit', (status) => done({ status, stdout, stderr }));
    });
    writing = false;
    await writer;
    expect(written).toBeGreaterThan(0);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/^backup ok/);
    expect(out.stdout).toContain(`1 attachment file(s) in ${backupFile}.attachments`);

    // Restoring under a running server is refused.
    const refused = cli(dataDir, 'restore', backupFile);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('stop the server first');
    expect(await server.stop()).toBe(0);

    // The drill: a new data folder (with the same secrets: tokens and rater keys depend on them).
    const restoredDir = mkdtempSync(join(tmpdir(), 'pingjia-restored-'));
    copyFileSync(join(dataDir, 'secrets.json'), join(restoredDir, 'secrets.json'));
    const restored = cli(restoredDir, 'restore', backupFile);
    expect(restored.status).toBe(0);
    const server2 = await startServer(env(restoredDir));
    try {
      for (const r of before) expect((await client(server2.url).get(path, { token: r.token })).status).toBe(200);
      // The evidence came back with the database: the same bytes to the same worker.
      const back = await evidence(server2.url);
      expect(back.status).toBe(200);
      expect(back.bytes.equals(stored.bytes)).toBe(true);
      // Totals in the snapshot agree with a recount of its ratings.
      const db = await openDb('', restoredDir); // the restored SQLite file, whichever database the suite runs on
      const [totals] = await db.query<{ ratings: number }>('SELECT ratings FROM rating_totals WHERE campaign_id = ? AND home_id = ?', [
        campaignId,
        homeId,
      ]);
      const [count] = await db.query<{ n: number }>('SELECT count(*) AS n FROM ratings WHERE campaign_id = ? AND home_id = ?', [
        campaignId,
        homeId,
      ]);
      await db.close();
      expect(totals.ratings).toBe(count.n);
      expect(count.n).toBeGreaterThanOrEqual(before.length);
    } finally {
      await server2.stop();
    }
  });

  it('refuses a file that is not a database', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pingjia-drill-bad-'));
    const res = cli(dir, 'restore', join(ROOT, 'package.json'));
    expect(res.status).toBe(1);
    expect(res.stderr).not.toBe('');
  });
});
