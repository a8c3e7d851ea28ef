// Two server processes on one SQLite file (what server/dist/cluster.js runs on SQLite): both write at
// once. A write transaction must begin IMMEDIATE (database-options.ts) so that one process waits for
// the other's write lock; begun deferred, a transaction that has read and then writes is refused at
// once with "database is locked" and the request answers 500 (issue 20: 33 of 1,149 writes in a bench run).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN } from '../api/global-setup';
import { ownServerEnv } from '../api/own-server';
import { FakeWechat, startFakeWechat } from '../fakes/wechat-server';
import { openCycle } from '../support/campaigns';
import { openDb } from '../support/db';
import { client } from '../support/http';
import { RunningServer, startServer } from '../support/server';
import { allCriteria } from '../support/scores';

const MEMBERS = 48;
const HOMES = 3;

const dir = mkdtempSync(join(tmpdir(), 'pingjia-sqlite-processes-'));
let wechat: FakeWechat;
const env = () => ({
  ...ownServerEnv({ dataDir: dir }, wechat),
  // Both must check each other's tokens and give a member the same rater key.
  JWT_SECRET: 'sqlite-processes-jwt-secret-0123456789abcdef',
  RATER_KEY_SECRET: 'sqlite-processes-rater-key-secret-0123456789',
});
const servers: RunningServer[] = [];
const api = (i: number) => client(servers[i % servers.length].url);

beforeAll(async () => {
  wechat = await startFakeWechat();
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await wechat?.close();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('two server processes on one SQLite file', () => {
  it(`takes ${MEMBERS * HOMES} new ratings sent through both at once: every one 201, all stored and counted`, async () => {
    // The first migrates and seeds alone, then the second opens the same file.
    servers.push(await startServer({ ...env(), SEED_DEMO: 'true' }, 120_000));
    servers.push(await startServer({ ...env(), SEED_DEMO: 'false' }, 120_000));

    const login = await api(0).post('/api/auth/password', { body: ADMIN });
    expect(login.status).toBe(200);
    const token = login.body.token;
    const provinceId = login.body.user.roles.find((r: { role: string }) => r.role === 'federation_admin').orgId;
    const city = await api(0).post('/api/orgs', { token, body: { parentId: provinceId, name: '双进程测试市', level: 'city' } });
    expect(city.status).toBe(201);
    const homeIds: string[] = [];
    for (let i = 0; i < HOMES; i++) {
      const h = await api(0).post('/api/homes', {
        token,
        body: { orgId: city.body.id, name: `双进程${i}厂工会`, kind: 'enterprise', memberCount: 1000, membershipMode: 'open' },
      });
      expect(h.status).toBe(201);
      homeIds.push(h.body.id);
    }
    const cycle = await openCycle(api(0), token, city.body.id, '双进程测试评家');
    const members: string[] = [];
    for (let i = 0; i < MEMBERS; i++) {
      const m = await api(i).post('/api/auth/dev', { body: { openid: `sqlite_proc_${i}_${randomUUID().slice(0, 8)}` } });
      expect(m.status).toBe(200);
      members.push(m.body.token);
    }

    // Every member rates every home, all at once, alternating between the two processes.
    const body = { scores: allCriteria({ organization: 4, rights: 5, work: 4, role: 3, trust: 5 }), verdict: 'satisfied', groups: [] };
    const answers = await Promise.all(
      members.flatMap((member, m) =>
        homeIds.map((homeId, h) =>
          api(m + h)
            .put(`/api/campaigns/${cycle.id}/homes/${homeId}/my-rating`, { token: member, body })
            .then((r) => `${r.status}${r.status >= 500 ? ` ${r.text}` : ''}`),
        ),
      ),
    );
    const refused = answers.filter((a) => a !== '201');
    expect(refused).toEqual([]);

    const db = await openDb(undefined, dir);
    try {
      const [rows] = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM ratings WHERE campaign_id = ?', [cycle.id]);
      expect(Number(rows.n)).toBe(MEMBERS * HOMES);
      const totals = await db.query<{ ratings: number }>('SELECT ratings FROM rating_totals WHERE campaign_id = ?', [cycle.id]);
      expect(totals.map((t) => Number(t.ratings))).toEqual(Array(HOMES).fill(MEMBERS));
    } finally {
      await db.close();
    }
  }, 300_000);
});
