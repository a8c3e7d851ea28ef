// One rating per rater key, one grievance per Idempotency-Key and one roster entry per WeChat account are
// promises of the database's unique indexes, not only of the server's write queue (SQLite) and totals row
// lock (MariaDB), which other tests can't get past. Here both are bypassed:
// - two raw connections race check-then-insert of the same key (both see no row, both insert): the index
//   must turn the second insert into a duplicate error and leave one row;
// - on MariaDB the server is made the loser: a raw transaction holds the winning row, uncommitted, while
//   the server writes the same key; the server's write must wait on the index, then answer as after a
//   lost race with another instance (the rating updated, the first grievance replayed, the binding refused).
// Dropping any of the three indexes fails these tests (tried: see docs/testing.md).
import { randomBytes, randomUUID } from 'node:crypto';
import { isUniqueViolation, openRawWriter, RawWriter } from '../support/db';
import { GOOD_SCORES, api, cityWithCampaign, member, ratingPath, rosterHome, uniq } from './fixtures';
import { GOOD_CONTENT } from './grievances.fixtures';

const mariadb = !!process.env.TEST_DATABASE_URL;
const hex64 = () => randomBytes(32).toString('hex');
const CSV = '姓名,会员编号,手机号\n张三,GH001,13800000001\n李四,GH002,\n';
const complaint = (homeId: string) => ({ homeId, type: 'complaint', topic: 'wages', content: GOOD_CONTENT, anonymous: true });

async function withWriters<T>(work: (a: RawWriter, b: RawWriter) => Promise<T>): Promise<T> {
  const [a, b] = await Promise.all([openRawWriter(), openRawWriter()]);
  try {
    return await work(a, b);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
}

/**
 * Two writers each check that no row has the key, then each insert one: the race the server's queue and
 * locks keep from happening. Returns how the two inserts ended.
 */
async function race(table: string, keyWhere: string, keyParams: unknown[], rows: [Record<string, unknown>, Record<string, unknown>]) {
  return withWriters(async (a, b) => {
    const count = async (w: RawWriter) =>
      Number((await w.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${keyWhere}`, keyParams))[0].n);
    if (mariadb) {
      // Both inside a transaction that has already read "no row": the second insert waits for the first
      // to commit, then the index decides.
      await a.query('BEGIN');
      await b.query('BEGIN');
      expect([await count(a), await count(b)]).toEqual([0, 0]);
      await a.insert(table, rows[0]);
      const second = b.insert(table, rows[1]).then(
        () => null,
        (e: unknown) => e,
      );
      await new Promise((r) => setTimeout(r, 300));
      await a.query('COMMIT');
      const error = await second;
      await b.query(error ? 'ROLLBACK' : 'COMMIT');
      return { error, rows: await count(a) };
    }
    // SQLite has one writer at a time: the race is the gap between the check and the insert.
    expect([await count(a), await count(b)]).toEqual([0, 0]);
    await a.insert(table, rows[0]);
    const error = await b.insert(table, rows[1]).then(
      () => null,
      (e: unknown) => e,
    );
    return { error, rows: await count(a) };
  });
}

/**
 * Two writers insert copies of `source` at once (new ids, and what `change` gives each copy): the
 * unique index must let exactly one in and refuse the other.
 */
async function expectOneOfTwo(
  table: string,
  keyWhere: string,
  keyParams: unknown[],
  source: Record<string, unknown>,
  change: () => Record<string, unknown>,
) {
  const copy = () => ({ ...source, id: randomUUID(), ...change() });
  const result = await race(table, keyWhere, keyParams, [copy(), copy()]);
  expect(isUniqueViolation(result.error)).toBe(true);
  expect(result.rows).toBe(1);
}

/** A row of `table` read back, to copy. */
async function rowOf(table: string, where: string, params: unknown[]): Promise<Record<string, unknown>> {
  return withWriters(async (a) => {
    const [row] = await a.query(`SELECT * FROM ${table} WHERE ${where}`, params);
    expect(row).toBeDefined();
    return row;
  });
}

/**
 * MariaDB only: `hold` writes the winning row in a raw transaction; `serverWrite` starts while it is
 * uncommitted. Checks the server's write waited for it (the index's lock), then commits and returns the
 * server's answer.
 */
async function serverLoses<T>(hold: (w: RawWriter) => Promise<void>, serverWrite: () => Promise<T>): Promise<T> {
  const w = await openRawWriter();
  try {
    await w.query('BEGIN');
    await hold(w);
    let answered = false;
    const pending = serverWrite().finally(() => (answered = true));
    await new Promise((r) => setTimeout(r, 1500));
    // Without the index nothing makes the server wait: it would have written its own row by now.
    const waitedForIndex = !answered;
    await w.query('COMMIT');
    const answer = await pending;
    expect(waitedForIndex).toBe(true);
    return answer;
  } finally {
    await w.close();
  }
}

describe(`uniqueness at the database (${mariadb ? 'mariadb' : 'sqlite'})`, () => {
  it('keeps one rating per rater key when two writers race past the server', async () => {
    const { homeA, campaign } = await cityWithCampaign();
    const m = await member();
    expect(
      (await api().put(ratingPath(campaign.id, homeA.id), { token: m.token, body: { scores: GOOD_SCORES, verdict: 'satisfied' } })).status,
    ).toBe(201);
    const source = await rowOf('ratings', 'campaign_id = ? AND home_id = ?', [campaign.id, homeA.id]);
    const key = hex64();
    await expectOneOfTwo('ratings', 'campaign_id = ? AND home_id = ? AND rater_key = ?', [campaign.id, homeA.id, key], source, () => ({
      rater_key: key,
    }));
  });

  it('keeps one idempotency record per caller and key when two writers race past the server', async () => {
    const { homeA } = await cityWithCampaign();
    const m = await member();
    const first = await api().post('/api/grievances', {
      token: m.token,
      body: complaint(homeA.id),
      headers: { 'idempotency-key': uniq('race-') },
    });
    expect(first.status).toBe(201);
    const source = await rowOf('idempotency_keys', 'response LIKE ?', [`%${first.body.id}%`]);
    const keyHash = hex64();
    await expectOneOfTwo(
      'idempotency_keys',
      'scope = ? AND caller_key = ? AND key_hash = ?',
      [source.scope, source.caller_key, keyHash],
      source,
      () => ({ key_hash: keyHash }),
    );
  });

  it('binds a WeChat account to one roster entry of a home when two writers race past the server', async () => {
    const { home, adminToken } = await rosterHome();
    expect(
      (await api().post(`/api/homes/${home.id}/roster`, { token: adminToken, raw: CSV, headers: { 'content-type': 'text/csv' } })).status,
    ).toBe(201);
    const [source] = await withWriters((a) => a.query('SELECT * FROM roster_entries WHERE home_id = ? ORDER BY id', [home.id]));
    const user = await member();
    await expectOneOfTwo('roster_entries', 'home_id = ? AND bound_user_id = ?', [home.id, user.id], source, () => ({
      entry_hash: hex64(),
      bound_user_id: user.id,
    }));
  });

  // SQLite has one writer (the server's queue and the file lock): only MariaDB's concurrent writers can
  // make the server lose an insert race.
  if (mariadb)
    describe('the server as the loser of the race', () => {
      it('updates the rating when another writer inserted the same rater key first', async () => {
        const { homeA, campaign } = await cityWithCampaign();
        const m = await member();
        const path = ratingPath(campaign.id, homeA.id);
        expect((await api().put(path, { token: m.token, body: { scores: GOOD_SCORES, verdict: 'satisfied' } })).status).toBe(201);
        const winner = await rowOf('ratings', 'campaign_id = ? AND home_id = ?', [campaign.id, homeA.id]);
        // The member's row goes; the other writer puts it back (uncommitted) as the server writes it again.
        await withWriters((a) => a.query('DELETE FROM ratings WHERE id = ?', [winner.id]));
        const scores = { ...GOOD_SCORES, trust: 1 };
        const answer = await serverLoses(
          (w) => w.insert('ratings', winner),
          () => api().put(path, { token: m.token, body: { scores, verdict: 'dissatisfied' } }),
        );
        expect(answer.status).toBe(200);
        const rows = await withWriters((a) =>
          a.query<Record<string, any>>('SELECT * FROM ratings WHERE campaign_id = ? AND home_id = ?', [campaign.id, homeA.id]),
        );
        expect(rows.map((r) => [r.id, r.verdict, Number(r.s_trust)])).toEqual([[winner.id, 'dissatisfied', 1]]);
      });

      it('replays the first grievance when another writer stored the same Idempotency-Key first', async () => {
        const { homeA } = await cityWithCampaign();
        const m = await member();
        const key = uniq('loser-');
        const first = await api().post('/api/grievances', {
          token: m.token,
          body: complaint(homeA.id),
          headers: { 'idempotency-key': key },
        });
        expect(first.status).toBe(201);
        const winner = await rowOf('idempotency_keys', 'response LIKE ?', [`%${first.body.id}%`]);
        await withWriters((a) => a.query('DELETE FROM idempotency_keys WHERE id = ?', [winner.id]));
        const answer = await serverLoses(
          (w) => w.insert('idempotency_keys', winner),
          () => api().post('/api/grievances', { token: m.token, body: complaint(homeA.id), headers: { 'idempotency-key': key } }),
        );
        expect(answer.status).toBe(201);
        expect(answer.body).toEqual(first.body);
        const grievances = await withWriters((a) => a.query('SELECT id FROM grievances WHERE home_id = ?', [homeA.id]));
        expect(grievances).toEqual([{ id: first.body.id }]);
      });

      it('refuses a second roster entry for an account another writer bound at the same moment', async () => {
        const { home, adminToken } = await rosterHome();
        expect(
          (await api().post(`/api/homes/${home.id}/roster`, { token: adminToken, raw: CSV, headers: { 'content-type': 'text/csv' } }))
            .status,
        ).toBe(201);
        const user = await member();
        const verify = (who: { name: string; memberNo: string }) =>
          api().post(`/api/homes/${home.id}/membership`, { token: user.token, body: who });
        // Bound through the server once, to learn which entry is 李四's, then freed again.
        expect((await verify({ name: '李四', memberNo: 'GH002' })).status).toBe(204);
        const li = await rowOf('roster_entries', 'home_id = ? AND bound_user_id = ?', [home.id, user.id]);
        await withWriters((a) => a.query('UPDATE roster_entries SET bound_user_id = NULL WHERE id = ?', [li.id]));
        // The other writer binds 李四's entry to the account while the server binds 张三's to it.
        const answer = await serverLoses(
          async (w) => void (await w.query('UPDATE roster_entries SET bound_user_id = ? WHERE id = ?', [user.id, li.id])),
          () => verify({ name: '张三', memberNo: 'GH001' }),
        );
        expect([answer.status, answer.body.code]).toEqual([409, 'DUPLICATE']);
        const bound = await withWriters((a) =>
          a.query('SELECT id FROM roster_entries WHERE home_id = ? AND bound_user_id = ?', [home.id, user.id]),
        );
        expect(bound).toEqual([{ id: li.id }]);
      });
    });
});
