import { createHash, randomBytes } from 'node:crypto';
import { api, admin, uniq } from './fixtures';
import { openRawWriter, queryDb } from '../support/db';

// No accidental duplicates (issue 17 item 6): a staff create sent twice with one Idempotency-Key — a
// double click, a retry after a lost answer — creates one thing and answers both with it.
const key = () => `k-${randomBytes(12).toString('hex')}`;

async function cityNamed(token: string, parentId: string, name: string, idempotencyKey?: string) {
  return api().post('/api/orgs', {
    token,
    body: { parentId, name, level: 'city' },
    headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
  });
}

const childrenNamed = async (token: string, orgId: string, name: string) =>
  ((await api().get(`/api/orgs/${orgId}/children`, { token })).body.items as Array<{ name: string; id: string }>).filter(
    (i) => i.name === name,
  );

describe('idempotent creates', () => {
  let token: string;
  let provinceId: string;
  beforeAll(async () => ({ token, provinceId } = await admin()));

  it('creates one union for two identical requests sent at once with the same key, audited once', async () => {
    const name = uniq('双击市');
    const k = key();
    const [a, b] = await Promise.all([cityNamed(token, provinceId, name, k), cityNamed(token, provinceId, name, k)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.id).toBe(a.body.id);
    expect(await childrenNamed(token, provinceId, name)).toHaveLength(1);
    // …and a retry long after answers the same.
    expect((await cityNamed(token, provinceId, name, k)).body.id).toBe(a.body.id);
    const audit = await api().get(`/api/orgs/${a.body.id}/audit?action=org.create`, { token });
    expect(audit.body.items.filter((e: { target: { id: string } }) => e.target.id === a.body.id)).toHaveLength(1);
  });

  it('creates two without a key (the control: the check above can see a duplicate)', async () => {
    const name = uniq('无键市');
    await Promise.all([cityNamed(token, provinceId, name), cityNamed(token, provinceId, name)]);
    expect(await childrenNamed(token, provinceId, name)).toHaveLength(2);
  });

  it('creates one home for five concurrent requests with one key', async () => {
    const city = await cityNamed(token, provinceId, uniq('并发市'));
    const k = key();
    const body = { orgId: city.body.id, name: uniq('并发厂工会'), kind: 'enterprise', memberCount: 12, membershipMode: 'open' };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => api().post('/api/homes', { token, body, headers: { 'idempotency-key': k } })),
    );
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((r) => r.body.id)).size).toBe(1);
    expect(await childrenNamed(token, city.body.id, body.name)).toHaveLength(1);
  });

  it('refuses the same key with a different request (422), and frees a key whose request failed', async () => {
    const k = key();
    const first = await cityNamed(token, provinceId, uniq('甲市'), k);
    expect(first.status).toBe(201);
    const other = await cityNamed(token, provinceId, uniq('乙市'), k);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_MISMATCH');

    const k2 = key();
    const bad = await api().post('/api/orgs', {
      token,
      body: { parentId: provinceId, name: uniq('丙市'), level: 'province' },
      headers: { 'idempotency-key': k2 },
    });
    expect(bad.status).toBe(400);
    const fixed = await cityNamed(token, provinceId, uniq('丙市'), k2);
    expect(fixed.status).toBe(201);
  });

  // A process killed after the create's COMMIT and before it stored its answer leaves the key pending.
  // The test leaves exactly that on disk: the answer taken back and the claim made older than the 60 s
  // after which a pending key counts as dead. `committed` is left as the real request wrote it.
  const orphan = async (k: string, committed?: 0) => {
    const db = await openRawWriter();
    try {
      const old = new Date(Date.now() - 5 * 60_000).toISOString();
      const keyHash = createHash('sha256').update(k).digest('hex');
      const [row] = await db.query<{ committed: number | boolean }>('SELECT committed FROM idempotency_keys WHERE key_hash = ?', [keyHash]);
      await db.query(
        `UPDATE idempotency_keys SET response = '', created_at = ?${committed === undefined ? '' : ', committed = ?'} WHERE key_hash = ?`,
        [old, ...(committed === undefined ? [] : [committed]), keyHash],
      );
      return Boolean(row.committed);
    } finally {
      await db.close();
    }
  };

  it('does not create again when the first request committed and died before answering (409, one union)', async () => {
    const name = uniq('崩溃市');
    const k = key();
    expect((await cityNamed(token, provinceId, name, k)).status).toBe(201);
    expect(await orphan(k)).toBe(true); // the create's own COMMIT marked the key
    const retry = await cityNamed(token, provinceId, name, k);
    expect(retry.status).toBe(409);
    expect(retry.body.code).toBe('STATE_CONFLICT');
    expect(retry.body.message).toContain('已保存');
    expect(await childrenNamed(token, provinceId, name)).toHaveLength(1);
  });

  it('marks a home’s key in the home’s own COMMIT: died before answering, a retry creates nothing (409)', async () => {
    const city = await cityNamed(token, provinceId, uniq('崩溃家市'));
    const k = key();
    const body = { orgId: city.body.id, name: uniq('崩溃厂工会'), kind: 'enterprise', memberCount: 12, membershipMode: 'open' };
    expect((await api().post('/api/homes', { token, body, headers: { 'idempotency-key': k } })).status).toBe(201);
    expect(await orphan(k)).toBe(true);
    const retry = await api().post('/api/homes', { token, body, headers: { 'idempotency-key': k } });
    expect(retry.status).toBe(409);
    expect(retry.body.code).toBe('STATE_CONFLICT');
    expect(await childrenNamed(token, city.body.id, body.name)).toHaveLength(1);
  });

  it('runs a retry again when the dead request had committed nothing (the control: the flag decides)', async () => {
    const name = uniq('未提交市');
    const k = key();
    expect((await cityNamed(token, provinceId, name, k)).status).toBe(201);
    await orphan(k, 0); // as if the process had died before its COMMIT (the union stands in for nothing)
    const retry = await cityNamed(token, provinceId, name, k);
    expect(retry.status).toBe(201);
    expect(await childrenNamed(token, provinceId, name)).toHaveLength(2);
  });

  it('refuses a malformed key with 400 and creates nothing', async () => {
    const name = uniq('坏键市');
    const res = await cityNamed(token, provinceId, name, 'short');
    expect(res.status).toBe(400);
    expect(res.body.fields).toHaveProperty('Idempotency-Key');
    expect(await childrenNamed(token, provinceId, name)).toHaveLength(0);
  });

  // The answer holds a code kept only as a keyed hash: a retry derives the same code from caller and key.
  describe('invites', () => {
    const inviteRows = async (orgId: string) => {
      return await queryDb<{ id: string }>('SELECT id FROM invites WHERE org_id = ?', [orgId]);
    };
    const inviteAdmin = (orgId: string, k?: string) =>
      api().post(`/api/orgs/${orgId}/invites`, {
        token,
        body: { role: 'federation_admin' },
        headers: k ? { 'idempotency-key': k } : {},
      });

    it('makes one invite for two concurrent creates with one key, both answered with the same code, audited once', async () => {
      const city = await cityNamed(token, provinceId, uniq('邀请双击市'));
      const k = key();
      const [a, b] = await Promise.all([inviteAdmin(city.body.id, k), inviteAdmin(city.body.id, k)]);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(b.body.code).toBe(a.body.code);
      expect(b.body.expiresAt).toBe(a.body.expiresAt);
      expect(await inviteRows(city.body.id)).toHaveLength(1);
      // a retry later answers the same invite, and the code still works
      expect((await inviteAdmin(city.body.id, k)).body.code).toBe(a.body.code);
      expect(await inviteRows(city.body.id)).toHaveLength(1);
      const preview = await api().get(`/api/invites/${a.body.code}`);
      expect(preview.status).toBe(200);
      const audit = await api().get(`/api/orgs/${city.body.id}/audit?action=invite.create`, { token });
      expect(audit.body.items).toHaveLength(1);
    });

    it('makes two invites with two keys or none (the control), and refuses one key for another place', async () => {
      const city = await cityNamed(token, provinceId, uniq('邀请对照市'));
      const [a, b] = await Promise.all([inviteAdmin(city.body.id), inviteAdmin(city.body.id, key())]);
      expect(b.body.code).not.toBe(a.body.code);
      expect(await inviteRows(city.body.id)).toHaveLength(2);

      const k = key();
      expect((await inviteAdmin(city.body.id, k)).status).toBe(201);
      const other = await cityNamed(token, provinceId, uniq('邀请别市'));
      const mismatch = await inviteAdmin(other.body.id, k);
      expect(mismatch.status).toBe(422);
      expect(mismatch.body.code).toBe('IDEMPOTENCY_MISMATCH');
      expect(await inviteRows(other.body.id)).toHaveLength(0);
      expect((await inviteAdmin(other.body.id, 'short')).status).toBe(400);
    });
  });
});
