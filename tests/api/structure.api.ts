import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { openRawWriter } from '../support/db';
import { api, admin, cityWithCampaign, GOOD_SCORES, member, ratingPath, uniq } from './fixtures';

// Keeping the tree right over time (issue 17 item 2): edit, move, deactivate, merge and delete, each
// audited with who (by name), what and on which org or home (by name).

async function city(token: string, parentId: string, label = '结构市') {
  const res = await api().post('/api/orgs', { token, body: { parentId, name: uniq(label), level: 'city' } });
  if (res.status !== 201) throw new Error(`city: ${res.status} ${res.text}`);
  return res.body as { id: string; name: string };
}

async function home(token: string, orgId: string, memberCount = 30) {
  const res = await api().post('/api/homes', {
    token,
    body: { orgId, name: uniq('结构厂工会'), kind: 'enterprise', memberCount, membershipMode: 'open' },
  });
  if (res.status !== 201) throw new Error(`home: ${res.status} ${res.text}`);
  return res.body as { id: string; name: string; sceneToken: string };
}

async function auditOf(token: string, orgId: string, action?: string) {
  const res = await api().get(`/api/orgs/${orgId}/audit?pageSize=200${action ? `&action=${action}` : ''}`, { token });
  expect(res.status).toBe(200);
  return res.body.items as Array<{
    action: string;
    actor: { name: string | null; role: string };
    target: { id: string; name: string | null };
    detail: Record<string, unknown> | null;
  }>;
}

/** A city admin by invite: a staff account one level below the province. */
async function cityAdmin(token: string, cityId: string) {
  const invite = await api().post(`/api/orgs/${cityId}/invites`, { token, body: { role: 'federation_admin' } });
  expect(invite.status).toBe(201);
  const accepted = await api().post(`/api/invites/${invite.body.code}/accept`, {
    body: { username: uniq('cityadm_'), password: 'city-admin-password-1' },
  });
  expect(accepted.status).toBe(200);
  return accepted.body.token as string;
}

const children = async (token: string, orgId: string) => (await api().get(`/api/orgs/${orgId}/children`, { token })).body.items as any[];

describe('structure over time', () => {
  let token: string;
  let provinceId: string;
  beforeAll(async () => ({ token, provinceId } = await admin()));

  it('edits a home, audited with the old and new values and the home by name', async () => {
    const c = await city(token, provinceId);
    const h = await home(token, c.id, 1200);
    const newName = uniq('改名厂工会');
    const edit = {
      name: newName,
      memberCount: 120,
      workerCount: 150,
      ownership: 'private',
      industry: '制造业',
      membershipMode: 'roster',
      kind: 'joint',
    };
    const res = await api().put(`/api/homes/${h.id}`, { token, body: edit });
    expect(res.status).toBe(200);
    // every field as sent, and the home still active
    expect(res.body).toMatchObject({ ...edit, active: true });
    expect((await api().get(`/api/homes/${h.id}`, { token })).body).toMatchObject({ name: newName, memberCount: 120 });
    const [entry] = await auditOf(token, c.id, 'home.update');
    expect(entry.target).toMatchObject({ id: h.id, name: newName });
    expect(entry.actor).toMatchObject({ role: 'federation_admin', name: expect.any(String) });
    expect(String(entry.detail?.changes)).toContain('会员人数 1200 → 120');
    expect(String(entry.detail?.changes)).toContain(`名称 ${h.name} → ${newName}`);
  });

  it('refuses fewer workers than members and a bad count with 400, changing nothing', async () => {
    const c = await city(token, provinceId);
    const h = await home(token, c.id, 100);
    const fewer = await api().put(`/api/homes/${h.id}`, { token, body: { workerCount: 50 } });
    expect(fewer.status).toBe(400);
    expect(fewer.body.fields).toHaveProperty('workerCount');
    const bad = await api().put(`/api/homes/${h.id}`, { token, body: { memberCount: 0 } });
    expect(bad.status).toBe(400);
    expect((await api().get(`/api/homes/${h.id}`, { token })).body).toMatchObject({ memberCount: 100, workerCount: null });
    expect(await auditOf(token, c.id, 'home.update')).toHaveLength(0);
  });

  it('renames an org and hides it from a member (404)', async () => {
    const c = await city(token, provinceId);
    const name = uniq('新名市');
    expect((await api().put(`/api/orgs/${c.id}`, { token, body: { name } })).body).toMatchObject({ name, active: true });
    const m = await member();
    expect((await api().put(`/api/orgs/${c.id}`, { token: m.token, body: { name: uniq('坏名') } })).status).toBe(404);
    const [entry] = await auditOf(token, c.id, 'org.update');
    expect(entry.target.name).toBe(name);
  });

  it('moves a home to another city: its QR scan then offers the new city’s cycle', async () => {
    const a = await city(token, provinceId);
    const b = await city(token, provinceId);
    const h = await home(token, a.id);
    const moved = await api().post(`/api/homes/${h.id}/move`, { token, body: { parentId: b.id } });
    expect(moved.status).toBe(200);
    expect(moved.body.orgId).toBe(b.id);
    expect((await children(token, a.id)).map((i) => i.id)).not.toContain(h.id);
    expect((await children(token, b.id)).map((i) => i.id)).toContain(h.id);
    const cycle = await openCycle(token, b.id);
    expect((await api().get(`/api/homes/scene/${h.sceneToken}`)).body.campaign?.id).toBe(cycle);
    const [entry] = await auditOf(token, b.id, 'home.move');
    expect(entry).toMatchObject({ target: { id: h.id, name: h.name }, detail: { from: a.name, to: b.name } });
  });

  it('moves a county with its homes under another city: the whole subtree’s paths follow', async () => {
    const a = await city(token, provinceId);
    const b = await city(token, provinceId);
    const county = await api().post('/api/orgs', { token, body: { parentId: a.id, name: uniq('结构县'), level: 'county' } });
    const h = await home(token, county.body.id);
    expect((await api().post(`/api/orgs/${county.body.id}/move`, { token, body: { parentId: b.id } })).status).toBe(200);
    // A cycle over the new city covers the moved home (its path was rewritten), the old city's does not.
    const cycle = await openCycle(token, b.id);
    expect((await api().get(`/api/homes/scene/${h.sceneToken}`)).body.campaign?.id).toBe(cycle);
    const m = await member();
    expect((await api().put(ratingPath(cycle, h.id), { token: m.token, body: { scores: GOOD_SCORES, verdict: 'satisfied' } })).status).toBe(
      201,
    );
    const adminB = await cityAdmin(token, b.id);
    expect((await api().get(`/api/homes/${h.id}`, { token: adminB })).status).toBe(200);
    const adminA = await cityAdmin(token, a.id);
    expect((await api().get(`/api/homes/${h.id}`, { token: adminA })).status).toBe(404);
  });

  it('refuses moving an org under itself or its own subtree, and a level that cannot nest', async () => {
    const a = await city(token, provinceId);
    const county = await api().post('/api/orgs', { token, body: { parentId: a.id, name: uniq('结构县'), level: 'county' } });
    expect((await api().post(`/api/orgs/${a.id}/move`, { token, body: { parentId: county.body.id } })).status).toBe(400);
    const b = await city(token, provinceId);
    const bCounty = await api().post('/api/orgs', { token, body: { parentId: b.id, name: uniq('结构县'), level: 'county' } });
    const wrong = await api().post(`/api/orgs/${county.body.id}/move`, { token, body: { parentId: bCounty.body.id } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.fields).toHaveProperty('parentId');
  });

  it('refuses moving a home out of a cycle that is open over it (409)', async () => {
    const { homeA, adminToken } = await cityWithCampaign();
    const b = await city(adminToken, provinceId);
    const res = await api().post(`/api/homes/${homeA.id}/move`, { token: adminToken, body: { parentId: b.id } });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('评议结束后再调整');
  });

  it('deactivates a home: its QR scan and new ratings say so in Chinese; reactivated, it works again', async () => {
    const { city: c, homeA, campaign, adminToken } = await cityWithCampaign();
    const off = await api().post(`/api/homes/${homeA.id}/deactivate`, { token: adminToken });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    const scan = await api().get(`/api/homes/scene/${homeA.sceneToken}`);
    expect(scan.status).toBe(410);
    expect(scan.body).toMatchObject({ code: 'HOME_INACTIVE', message: expect.stringContaining('已停用') });
    const m = await member();
    expect(
      (await api().put(ratingPath(campaign.id, homeA.id), { token: m.token, body: { scores: GOOD_SCORES, verdict: 'satisfied' } })).status,
    ).toBe(410);
    expect((await children(adminToken, c.id)).find((i) => i.id === homeA.id)).toMatchObject({ active: false });
    expect(
      (
        await api().post('/api/homes', {
          token: adminToken,
          body: { orgId: c.id, name: uniq('厂'), kind: 'enterprise', memberCount: 5, membershipMode: 'open' },
        })
      ).status,
    ).toBe(201);
    expect((await api().post(`/api/homes/${homeA.id}/reactivate`, { token: adminToken })).body.active).toBe(true);
    expect((await api().get(`/api/homes/scene/${homeA.sceneToken}`)).status).toBe(200);
    expect((await auditOf(adminToken, c.id)).map((e) => e.action)).toEqual(expect.arrayContaining(['home.deactivate', 'home.reactivate']));
  });

  it('deactivates an org only once nothing below it is in use, and refuses new homes under it', async () => {
    const c = await city(token, provinceId);
    const h = await home(token, c.id);
    const refused = await api().post(`/api/orgs/${c.id}/deactivate`, { token });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('请先停用或移走');
    await api().post(`/api/homes/${h.id}/deactivate`, { token });
    expect((await api().post(`/api/orgs/${c.id}/deactivate`, { token })).body.active).toBe(false);
    const under = await api().post('/api/homes', {
      token,
      body: { orgId: c.id, name: uniq('厂'), kind: 'enterprise', memberCount: 5, membershipMode: 'open' },
    });
    expect(under.status).toBe(409);
    expect((await api().post(`/api/homes/${h.id}/reactivate`, { token })).status).toBe(409);
  });

  it('refuses to delete a home with ratings, deletes one without, audited by name', async () => {
    const { city: c, homeA, homeB, campaign, adminToken } = await cityWithCampaign();
    const m = await member();
    expect(
      (await api().put(ratingPath(campaign.id, homeA.id), { token: m.token, body: { scores: GOOD_SCORES, verdict: 'satisfied' } })).status,
    ).toBe(201);
    const refused = await api().del(`/api/homes/${homeA.id}`, { token: adminToken });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('评议记录');
    expect((await api().get(`/api/homes/${homeA.id}`, { token: adminToken })).status).toBe(200);
    expect((await api().del(`/api/homes/${homeB.id}`, { token: adminToken })).status).toBe(204);
    expect((await api().get(`/api/homes/${homeB.id}`, { token: adminToken })).status).toBe(404);
    const [entry] = await auditOf(adminToken, c.id, 'home.delete');
    expect(entry.target).toMatchObject({ id: homeB.id, name: homeB.name });
    // An org with a cycle of its own is history too.
    expect((await api().del(`/api/orgs/${c.id}`, { token: adminToken })).status).toBe(409);
  });

  it('merges a duplicate city into the kept one: its homes move, it goes, audited', async () => {
    const kept = await city(token, provinceId, '重复市');
    const dup = await city(token, provinceId, '重复市');
    const h = await home(token, dup.id);
    const res = await api().post(`/api/orgs/${dup.id}/merge`, { token, body: { intoId: kept.id } });
    expect(res.status).toBe(200);
    expect((await children(token, kept.id)).map((i) => i.id)).toContain(h.id);
    expect((await api().get(`/api/orgs/${dup.id}`, { token })).status).toBe(404);
    const [entry] = await auditOf(token, kept.id, 'org.merge');
    expect(entry).toMatchObject({ target: { id: dup.id, name: dup.name }, detail: { into: kept.name } });
  });

  it('refuses to merge a home that has ratings (deactivate instead), merges one without', async () => {
    const { homeA, homeB, campaign, adminToken, city: c } = await cityWithCampaign();
    const m = await member();
    await api().put(ratingPath(campaign.id, homeA.id), { token: m.token, body: { scores: GOOD_SCORES, verdict: 'satisfied' } });
    const refused = await api().post(`/api/homes/${homeA.id}/merge`, { token: adminToken, body: { intoId: homeB.id } });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('停用');
    const empty = await home(adminToken, c.id);
    expect((await api().post(`/api/homes/${empty.id}/merge`, { token: adminToken, body: { intoId: homeB.id } })).status).toBe(200);
    expect((await api().get(`/api/homes/${empty.id}`, { token: adminToken })).status).toBe(404);
  });

  it('shows a city admin what their level and below did, never what the province did to them', async () => {
    const c = await city(token, provinceId);
    const adminC = await cityAdmin(token, c.id);
    const h = await home(adminC, c.id); // by the city admin
    await api().put(`/api/homes/${h.id}`, { token, body: { memberCount: 99 } }); // by the province admin
    const seenByCity = await auditOf(adminC, c.id);
    expect(seenByCity.map((e) => e.action)).toContain('home.create');
    expect(seenByCity.map((e) => e.action)).not.toContain('home.update');
    const seenByProvince = await auditOf(token, c.id);
    expect(seenByProvince.map((e) => e.action)).toEqual(expect.arrayContaining(['home.create', 'home.update']));
    // The export holds the same entries in a workbook.
    const file = await api().get(`/api/orgs/${c.id}/audit.xlsx`, { token: adminC });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('spreadsheetml');
  });

  it('exports the same entries as the list, in its order, across the pages the export reads', async () => {
    const c = await city(token, provinceId);
    // 2,300 entries of the city (more than two of the export's pages of 1,000): the newest 1,200 at one and the
    // same time, so the first page ends among entries of that time (the next page goes on by id), the rest a
    // second apart; one in 50 done by the province itself.
    const db = await openRawWriter();
    try {
      const [{ path }] = await db.query<{ path: string }>('SELECT path FROM orgs WHERE id = ?', [c.id]);
      const base = Date.parse('2026-03-01T00:00:00.000Z');
      const rows: unknown[][] = Array.from({ length: 2300 }, (_, i) => [
        randomUUID(),
        new Date(base + (i < 1200 ? 1e9 : i * 1000)).toISOString(),
        randomUUID(),
        'federation_admin',
        path,
        i % 50 === 7 ? `/${provinceId}/` : path,
        'home.update',
        'home',
        randomUUID(),
        `审计导出${i}`,
      ]);
      for (let i = 0; i < rows.length; i += 100) {
        const batch = rows.slice(i, i + 100);
        await db.query(
          `INSERT INTO audit_events (id, at, actor_user_id, actor_role, scope_path, actor_path, action, target_type, target_id, target_name)
           VALUES ${batch.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
          batch.flat(),
        );
      }
    } finally {
      await db.close();
    }
    // The city's admin: what the province did is not theirs to see (the list leaves it out, so must the export).
    const adminC = await cityAdmin(token, c.id);
    const listed: string[] = [];
    for (let page = 1; ; page++) {
      const res = await api().get(`/api/orgs/${c.id}/audit?page=${page}&pageSize=200`, { token: adminC });
      expect(res.status).toBe(200);
      listed.push(...res.body.items.map((e: { target: { name: string | null } }) => e.target.name ?? ''));
      if (res.body.items.length < 200) break;
    }
    expect(listed.filter((n) => n.startsWith('审计导出'))).toHaveLength(2300 - 46);
    const res = await fetch(`${process.env.PINGJIA_URL}/api/orgs/${c.id}/audit.xlsx`, { headers: { authorization: `Bearer ${adminC}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const exported: string[] = [];
    wb.worksheets[0].eachRow((row, n) => void (n > 1 && exported.push(String(row.getCell(6).value ?? ''))));
    expect(exported).toEqual(listed);
  });
});

async function openCycle(token: string, orgId: string): Promise<string> {
  const now = Date.now();
  const c = await api().post('/api/campaigns', {
    token,
    body: {
      orgId,
      name: uniq('结构周期'),
      opensAt: new Date(now - 3600e3).toISOString(),
      closesAt: new Date(now + 30 * 86400e3).toISOString(),
    },
  });
  if (c.status !== 201) throw new Error(`campaign: ${c.status} ${c.text}`);
  expect((await api().post(`/api/campaigns/${c.body.id}/open`, { token })).status).toBe(200);
  return c.body.id;
}
