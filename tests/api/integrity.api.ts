// Issue 14 items 3-7, replayed as the attacker would, on a server of its own (its log and database
// files are read too), on SQLite or MariaDB. The attacker is the home's chair and staff, with several
// WeChat accounts, and whoever reads the database or the logs without the server's secrets.
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../support/db';
import { startServer } from '../support/server';
import { ADMIN } from './global-setup';
import { GOOD_CONTENT, grantRole, grievanceFixtures, Person } from './grievances.fixtures';
import { createHomeOn, openCampaignOn, OwnServer, startOwnServer } from './own-server';
import { allCriteria } from '../support/scores';

let own: OwnServer;
beforeAll(async () => {
  own = await startOwnServer('integrity', { LOG_LEVEL: 'info' });
}, 90_000);
afterAll(() => own?.close());

const mariadb = () => Boolean(process.env.TEST_DATABASE_URL);
const rating = { scores: allCriteria({ organization: 4, rights: 4, work: 3, role: 4, trust: 5 }), verdict: 'satisfied' };
const ratingPath = (c: { id: string }, h: { id: string }) => `/api/campaigns/${c.id}/homes/${h.id}/my-rating`;
const ROSTER = '姓名,会员编号\n张三,GH001\n李四,GH002\n王五,GH003\n赵六,GH004\n孙七,GH005\n周八,GH006\n';

async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const db = await openDb(own.target.url, own.target.dataDir);
  try {
    return await db.query<T>(text, params);
  } finally {
    await db.close();
  }
}

/** A city with one home of its own, an open cycle over it, and the home's chair (an H5 password account, joined by invite). */
async function setting(opts: { memberCount?: number; mode?: 'open' | 'roster' } = {}) {
  const fx = grievanceFixtures(own.api, own.target);
  const root = await fx.admin();
  const city = (
    await own.api.post('/api/orgs', {
      token: root.token,
      body: { parentId: root.provinceId, name: `诚信市${randomUUID().slice(0, 6)}`, level: 'city' },
    })
  ).body;
  const home = await createHomeOn(own.api, root.token, city.id, `诚信厂工会${randomUUID().slice(0, 6)}`, opts.memberCount ?? 40, opts.mode);
  const invite = await own.api.post(`/api/homes/${home.id}/invites`, { token: root.token, body: { role: 'chair' } });
  const accepted = await own.api.post(`/api/invites/${invite.body.code}/accept`, {
    body: { username: `c_${randomUUID().slice(0, 8)}`, password: 'chair-password-123' },
  });
  expect(accepted.status).toBe(200);
  const chair = { token: accepted.body.token as string, id: accepted.body.user.id as string };
  const campaign = await openCampaignOn(own.api, root.token, city.id);
  return { fx, root, city, home, chair, campaign };
}

const upload = (token: string, homeId: string, csv = ROSTER) =>
  own.api.post(`/api/homes/${homeId}/roster`, { token, raw: csv, headers: { 'content-type': 'text/csv' } });
const verify = (who: Person, homeId: string, name: string, memberNo: string) =>
  own.api.post(`/api/homes/${homeId}/membership`, { token: who.token, body: { name, memberNo } });
/** Frees the member's roster entry (the member changed phones), as `token`. */
const resetBinding = (token: string, homeId: string, name: string, memberNo: string) =>
  own.api.post(`/api/homes/${homeId}/roster/reset-binding`, { token, body: { name, memberNo, reason: '会员更换了手机' } });

describe('the chair controls who may rate (item 3)', () => {
  it('refuses the chair roster upload and binding reset; the level above does both, audited with the actor', async () => {
    const { root, city, home, chair } = await setting({ mode: 'roster' });
    const byChair = await upload(chair.token, home.id);
    expect(byChair.status).toBe(403);
    expect(byChair.body.code).toBe('FORBIDDEN');
    expect(byChair.body.message).toContain('上级工会');
    const resetByChair = await resetBinding(chair.token, home.id, '张三', 'GH001');
    expect(resetByChair.status).toBe(403);
    expect(await sql('SELECT id FROM roster_entries WHERE home_id = ?', [home.id])).toHaveLength(0);

    expect((await upload(root.token, home.id)).status).toBe(201);
    expect((await resetBinding(root.token, home.id, '张三', 'GH001')).status).toBe(204);
    const log = await own.api.get(`/api/orgs/${city.id}/audit?pageSize=200`, { token: root.token });
    const mine = log.body.items.filter((e: any) => e.target?.id === home.id && e.action.startsWith('roster.'));
    expect(mine.map((e: any) => [e.action, e.actor.role])).toEqual(
      expect.arrayContaining([
        ['roster.import', 'federation_admin'],
        ['roster.reset_binding', 'federation_admin'],
      ]),
    );
    expect(mine).toHaveLength(2);
    const rootId = (await own.api.post('/api/auth/password', { body: ADMIN })).body.user.id;
    expect(rootId).toEqual(expect.any(String));
    for (const e of mine) expect(e.actor.userId).toBe(rootId);
  });

  it('shows the chair its roster size and a bound count rounded down to 5; the level above sees it exact', async () => {
    const { fx, root, home, chair } = await setting({ mode: 'roster' });
    await upload(root.token, home.id);
    const names = [
      ['张三', 'GH001'],
      ['李四', 'GH002'],
      ['王五', 'GH003'],
      ['赵六', 'GH004'],
      ['孙七', 'GH005'],
      ['周八', 'GH006'],
    ];
    for (const [name, no] of names) expect((await verify(await fx.person(), home.id, name, no)).status).toBe(204);
    expect((await own.api.get(`/api/homes/${home.id}/roster`, { token: chair.token })).body).toEqual({
      entries: 6,
      bound: 5,
      boundRounded: true,
    });
    expect((await own.api.get(`/api/homes/${home.id}/roster`, { token: root.token })).body).toEqual({
      entries: 6,
      bound: 6,
      boundRounded: false,
    });
  });

  it('moves the one rating of a roster entry to the new account after a reset, instead of allowing a second', async () => {
    const { fx, root, home, campaign } = await setting({ mode: 'roster' });
    await upload(root.token, home.id);
    const lost = await fx.person();
    expect((await verify(lost, home.id, '李四', 'GH002')).status).toBe(204);
    expect((await own.api.put(ratingPath(campaign, home), { token: lost.token, body: rating })).status).toBe(201);

    // The member "lost" the account; the level above frees the entry and the member binds a new one.
    expect((await resetBinding(root.token, home.id, '李四', 'GH002')).status).toBe(204);
    const fresh = await fx.person();
    expect((await verify(fresh, home.id, '李四', 'GH002')).status).toBe(204);
    expect((await own.api.get(ratingPath(campaign, home), { token: fresh.token })).body.rating.verdict).toBe('satisfied');
    const second = await own.api.put(ratingPath(campaign, home), { token: fresh.token, body: { ...rating, verdict: 'dissatisfied' } });
    expect(second.status).toBe(200);
    const rows = await sql<{ verdict: string }>('SELECT verdict FROM ratings WHERE campaign_id = ? AND home_id = ?', [
      campaign.id,
      home.id,
    ]);
    expect(rows).toEqual([{ verdict: 'dissatisfied' }]);
    // The old account lost both its membership and the rating.
    expect((await own.api.get(ratingPath(campaign, home), { token: lost.token })).status).toBe(404);
    expect((await own.api.put(ratingPath(campaign, home), { token: lost.token, body: rating })).body.code).toBe('MEMBERSHIP_REQUIRED');
  });

  it("refuses ratings from staff accounts: the chair's password account, the admin above, a WeChat account holding a chair role", async () => {
    const { fx, root, home, chair, campaign } = await setting();
    const wechatChair = await fx.person();
    await grantRole(own.target, wechatChair.id, 'chair', home.id);
    for (const token of [chair.token, root.token, wechatChair.token]) {
      const res = await own.api.put(ratingPath(campaign, home), { token, body: rating });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('STAFF_CANNOT_RATE');
    }
    expect(await sql('SELECT id FROM ratings WHERE home_id = ?', [home.id])).toHaveLength(0);
  });

  it('refuses ratings past the member count with a clear error, and flags the home to the level above only', async () => {
    const { fx, root, city, home, chair, campaign } = await setting({ memberCount: 3 });
    const raters = [await fx.person(), await fx.person(), await fx.person()];
    for (const r of raters) expect((await own.api.put(ratingPath(campaign, home), { token: r.token, body: rating })).status).toBe(201);
    const extra = await own.api.put(ratingPath(campaign, home), { token: (await fx.person()).token, body: rating });
    expect(extra.status).toBe(409);
    expect(extra.body.code).toBe('RATINGS_EXCEED_MEMBERS');
    expect(extra.body.message).toContain('会员人数');
    expect(await sql('SELECT id FROM ratings WHERE home_id = ?', [home.id])).toHaveLength(3);
    // a member who rated may still change their own rating
    expect(
      (await own.api.put(ratingPath(campaign, home), { token: raters[0].token, body: { ...rating, verdict: 'basically_satisfied' } }))
        .status,
    ).toBe(200);

    const above = await own.api.get(`/api/orgs/${city.id}/dashboard?campaignId=${campaign.id}`, { token: root.token });
    expect(above.body.integrityFlags).toEqual({ total: 1, items: [{ id: home.id, name: home.name, kinds: ['over_member_count'] }] });
    // never to the home itself: not on its dashboard, and the org dashboard is out of its reach
    const own_ = await own.api.get(`/api/homes/${home.id}/dashboard?campaignId=${campaign.id}`, { token: chair.token });
    expect(own_.status).toBe(200);
    expect(own_.text).not.toMatch(/over_member_count|integrity|new_account/);
    expect((await own.api.get(`/api/orgs/${city.id}/dashboard?campaignId=${campaign.id}`, { token: chair.token })).status).toBe(404);
  });

  it('flags a burst of first ratings from new accounts in one home, naming no account', async () => {
    const { fx, root, city, home, campaign } = await setting({ memberCount: 40 });
    const flags = async () =>
      (await own.api.get(`/api/orgs/${city.id}/dashboard?campaignId=${campaign.id}`, { token: root.token })).body.integrityFlags;
    for (let i = 0; i < 4; i++)
      expect((await own.api.put(ratingPath(campaign, home), { token: (await fx.person()).token, body: rating })).status).toBe(201);
    expect(await flags()).toEqual({ total: 0, items: [] });
    const fifth = await fx.person();
    expect((await own.api.put(ratingPath(campaign, home), { token: fifth.token, body: rating })).status).toBe(201);
    const shown = await flags();
    expect(shown).toEqual({ total: 1, items: [{ id: home.id, name: home.name, kinds: ['new_account_burst'] }] });
    expect(JSON.stringify(shown)).not.toContain(fifth.id);
    // the counts behind it are per day, never finer
    const stored = await sql<Record<string, unknown>>('SELECT * FROM home_integrity_flags WHERE home_id = ?', [home.id]);
    expect(stored).toHaveLength(1);
    expect(Object.keys(stored[0]).sort()).toEqual(['campaign_id', 'day', 'home_id', 'new_account_ratings', 'refused_over_members']);
    expect(String(stored[0].day)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('the membership check tells nothing (item 4)', () => {
  it('answers a bound entry and a wrong entry alike, with advice to ask the level above', async () => {
    const { fx, root, home } = await setting({ mode: 'roster' });
    await upload(root.token, home.id);
    expect((await verify(await fx.person(), home.id, '王五', 'GH003')).status).toBe(204);

    const bound = await verify(await fx.person(), home.id, '王五', 'GH003');
    const wrong = await verify(await fx.person(), home.id, '王五', 'GH999');
    const strip = (r: { status: number; body: any }) => ({
      status: r.status,
      code: r.body.code,
      message: r.body.message,
      fields: r.body.fields,
    });
    expect(strip(bound)).toEqual(strip(wrong));
    expect(bound.status).toBe(404);
    expect(bound.body.message).toContain('上级工会');
    // the caller's own status says nothing about anyone else either
    expect((await own.api.get(`/api/homes/${home.id}/membership`, { token: (await fx.person()).token })).body).toEqual({
      mode: 'roster',
      verified: false,
    });
  });

  it('limits attempts per roster entry, whichever accounts make them', async () => {
    const { fx, root, home } = await setting({ mode: 'roster' });
    await upload(root.token, home.id);
    for (let i = 0; i < 5; i++) expect((await verify(await fx.person(), home.id, '赵六', 'GH004x')).status).toBe(404);
    const sixth = await verify(await fx.person(), home.id, '赵六', 'GH004x');
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
    // another entry is not held up by it
    expect((await verify(await fx.person(), home.id, '赵六', 'GH004')).status).toBe(204);
  });

  it('limits attempts per home, whichever accounts and entries they try', async () => {
    const { fx, root, home } = await setting({ mode: 'roster', memberCount: 10 });
    await upload(root.token, home.id);
    // 30 per quarter hour for a home of 10 (membership.service.ts homeAttemptLimit)
    for (let i = 0; i < 30; i++) expect((await verify(await fx.person(), home.id, '路人', `X${i}`)).status).toBe(404);
    const next = await verify(await fx.person(), home.id, '张三', 'GH001');
    expect(next.status).toBe(429);
  });
});

describe('anonymous grievances cannot be joined to their reporter (item 5)', () => {
  it('stores nothing that joins a worker\'s anonymous grievance to their named one or to their account, and "mine" still finds both', async () => {
    const { fx, home, chair } = await setting();
    const worker = await fx.person();
    const body = { homeId: home.id, type: 'complaint', topic: 'wages', content: GOOD_CONTENT, subscribe: true };
    const named = await fx.file(worker, { ...body, anonymous: false, contact: '13800138000' }, `idem-${randomUUID()}`);
    const anonymous = await fx.file(worker, { ...body, anonymous: true }, `idem-${randomUUID()}`);
    expect([named.status, anonymous.status]).toEqual([201, 201]);
    const ids = [named.body.id, anonymous.body.id];

    // The attacker's joins, as SQL on the database:
    const count = async (q: string, p: unknown[] = []) => Number((await sql<{ n: number }>(q, p))[0].n);
    expect(
      await count('SELECT COUNT(*) AS n FROM grievances a JOIN grievances b ON a.reporter_key = b.reporter_key AND a.id <> b.id'),
    ).toBe(0);
    expect(
      await count(
        'SELECT COUNT(*) AS n FROM grievance_subscriptions a JOIN grievance_subscriptions b ON a.openid = b.openid AND a.id <> b.id',
      ),
    ).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM grievance_subscriptions s JOIN users u ON u.openid = s.openid')).toBe(0);
    expect(
      await count('SELECT COUNT(*) AS n FROM idempotency_keys a JOIN idempotency_keys b ON a.caller_key = b.caller_key AND a.id <> b.id'),
    ).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM grievance_subscriptions WHERE grievance_id IN (?, ?)`, ids)).toBe(2);

    // And generally: no value stored with the anonymous grievance appears anywhere else in the
    // database (the users table included), except beside its own id.
    const anon = (
      await sql<Record<string, unknown>>('SELECT reporter_key, tracking_hash FROM grievances WHERE id = ?', [anonymous.body.id])
    )[0];
    const sub = (
      await sql<Record<string, unknown>>('SELECT openid FROM grievance_subscriptions WHERE grievance_id = ?', [anonymous.body.id])
    )[0];
    const secrets = [anon.reporter_key, anon.tracking_hash, sub.openid].map(String);
    const tables = mariadb()
      ? (await sql<{ t: string }>('SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE()')).map((r) => r.t)
      : (await sql<{ t: string }>("SELECT name AS t FROM sqlite_master WHERE type = 'table'")).map((r) => r.t);
    for (const t of tables) {
      const rows = (await sql<Record<string, unknown>>(`SELECT * FROM ${t}`)).filter((r) => !Object.values(r).includes(anonymous.body.id));
      const text = JSON.stringify(rows);
      for (const s of secrets) expect({ table: t, found: text.includes(s) }).toEqual({ table: t, found: false });
    }
    for (const s of [worker.id, worker.openid]) expect(JSON.stringify(await sql('SELECT * FROM grievance_subscriptions'))).not.toContain(s);

    // The reporter still finds both, acts as reporter, and nobody else sees them as theirs.
    const mine = await own.api.get('/api/grievances/mine', { token: worker.token });
    expect(mine.body.items.map((g: any) => g.id).sort()).toEqual([...ids].sort());
    expect((await own.api.get(`/api/grievances/${anonymous.body.id}`, { token: worker.token })).body.mine).toBe(true);
    expect((await own.api.get('/api/grievances/mine', { token: (await fx.person()).token })).body.items).toEqual([]);
    const chairView = await own.api.get(`/api/grievances/${anonymous.body.id}`, { token: chair.token });
    expect(chairView.status).toBe(200);
    expect(chairView.body.reporter).toBeNull();
  });

  it("lists the home's grievances to its chair by deadline, then in no filing order", async () => {
    const { fx, home, chair } = await setting();
    const filed: string[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await fx.file(await fx.person(), {
        homeId: home.id,
        type: 'complaint',
        topic: 'wages',
        content: `${GOOD_CONTENT}（${i}）`,
        anonymous: true,
      });
      expect(res.status).toBe(201);
      filed.push(res.body.id);
    }
    const list = await own.api.get('/api/grievances?pageSize=50', { token: chair.token });
    const shown = list.body.items.map((g: any) => g.id);
    expect([...shown].sort()).toEqual([...filed].sort());
    // One deadline day for all eight: the order is the tracking hash's (random), not filing order (1 in 40,320 to match by chance).
    const byHash = (await sql<{ id: string }>('SELECT id FROM grievances WHERE home_id = ? ORDER BY due_at, tracking_hash', [home.id])).map(
      (r) => r.id,
    );
    expect(shown).toEqual(byHash);
    expect(shown).not.toEqual(filed);
  });
});

describe('nothing on disk or in the log orders or times a rating (item 6)', () => {
  it('keeps ratings in no insertion order: WITHOUT ROWID on SQLite, clustered by a random key on MariaDB', async () => {
    const { fx, home, campaign } = await setting();
    const inserted: string[] = [];
    for (let i = 0; i < 8; i++) {
      expect((await own.api.put(ratingPath(campaign, home), { token: (await fx.person()).token, body: rating })).status).toBe(201);
      const ids = (await sql<{ id: string }>('SELECT id FROM ratings WHERE home_id = ?', [home.id])).map((r) => r.id);
      inserted.push(ids.find((id) => !inserted.includes(id))!);
    }
    // ids are random (v4), so the primary key order is not the order of rating (1 in 40,320 by chance)
    for (const id of inserted) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...inserted].sort()).not.toEqual(inserted);
    if (mariadb()) {
      const [t] = await sql<{ engine: string }>(
        "SELECT engine AS engine FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'ratings'",
      );
      expect(t.engine).toBe('InnoDB');
      const pk = await sql<{ c: string }>(
        "SELECT column_name AS c FROM information_schema.key_column_usage WHERE table_schema = DATABASE() AND table_name = 'ratings' AND constraint_name = 'PRIMARY'",
      );
      expect(pk.map((r) => r.c)).toEqual(['id']);
    } else {
      const [t] = await sql<{ sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'ratings'");
      expect(t.sql).toMatch(/WITHOUT ROWID\s*$/i);
      // SQLite's own account of the table: wr = 1 for WITHOUT ROWID
      expect(await sql("SELECT wr FROM pragma_table_list WHERE name = 'ratings'")).toEqual([{ wr: 1 }]);
    }
    // stored times are days
    const [row] = await sql<Record<string, unknown>>('SELECT * FROM ratings WHERE home_id = ? LIMIT 1', [home.id]);
    for (const v of Object.values(row)) expect(String(v)).not.toMatch(/\d{2}:\d{2}/);
  });

  it('logs a rating (and an anonymous grievance) with the day only and nothing that identifies the caller', async () => {
    const { fx, home, campaign } = await setting();
    const member = await fx.person();
    const before = own.server.output().length;
    expect((await own.api.put(ratingPath(campaign, home), { token: member.token, body: rating })).status).toBe(201);
    expect((await own.api.get(ratingPath(campaign, home), { token: member.token })).status).toBe(200);
    const filed = await fx.file(member, { homeId: home.id, type: 'complaint', topic: 'wages', content: GOOD_CONTENT, anonymous: true });
    expect(filed.status).toBe(201);
    // the reporter reads it: the log must not tie its id to the reporter's address
    expect((await own.api.get(`/api/grievances/${filed.body.id}`, { token: member.token })).status).toBe(200);
    expect((await own.api.get(`/api/homes/${home.id}`, { token: (await fx.admin()).token })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    const lines = own.server
      .output()
      .slice(before)
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
    // a control: other requests are logged with their time
    expect(lines.some((l) => typeof l.time === 'number' && String(l.req?.url ?? '').startsWith(`/api/homes/${home.id}`))).toBe(true);
    const quiet = lines.filter((l) => l.route === 'rating' || l.route === 'grievance');
    expect(quiet.map((l) => [l.route, l.method, l.status])).toEqual([
      ['rating', 'PUT', 201],
      ['rating', 'GET', 200],
      ['grievance', 'POST', 201],
    ]);
    for (const l of quiet) {
      expect(Object.keys(l).sort()).toEqual(['day', 'level', 'method', 'msg', 'route', 'status']);
      expect(l.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const text = JSON.stringify(lines);
    expect(text).not.toContain('my-rating');
    expect(text).not.toContain(member.id);
    expect(text).not.toContain(filed.body.id);
    expect(lines.some((l) => l.req?.url === '/api/grievances/[id]')).toBe(true);
    expect(lines.filter((l) => l.req?.method === 'POST' && l.req?.url === '/api/grievances')).toEqual([]);
  });

  it('makes the SQLite folder and files readable by the owner only, also a folder made open beforehand', async () => {
    // SQLite only: MariaDB's files belong to the database server (docs/deploy.md).
    const parent = mkdtempSync(join(tmpdir(), 'pingjia-modes-'));
    const dir = join(parent, 'data');
    mkdirSync(dir);
    chmodSync(dir, 0o755);
    const server = await startServer({ DATA_DIR: dir, DATABASE_URL: undefined });
    try {
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      for (const f of ['pingjia.sqlite', 'pingjia.sqlite-wal', 'pingjia.sqlite-shm', 'secrets.json']) {
        expect({ f, mode: statSync(join(dir, f)).mode & 0o777 }).toEqual({ f, mode: 0o600 });
      }
    } finally {
      await server.stop();
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
