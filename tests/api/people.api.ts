// People at every level (issue 17 item 4) and rosters kept from above (item 5): short invite codes with
// a preview, invites for city, county and home staff, password change and one-time reset links.
import ExcelJS from 'exceljs';
import { admin, api, member, rosterHome, uniq } from './fixtures';
import { chairOf, createHome, createOrg } from './oversight.fixtures';
import { queryDb } from '../support/db';
import { client } from '../support/http';
import { RunningServer, startServer, testDatabaseEnv } from '../support/server';

const PASSWORD = 'staff-password-123';

async function invite(token: string, kind: 'homes' | 'orgs', id: string) {
  const res = await api().post(`/api/${kind}/${id}/invites`, { token, body: { role: kind === 'homes' ? 'chair' : 'federation_admin' } });
  if (res.status !== 201) throw new Error(`invite: ${res.status} ${res.text}`);
  return res.body as { code: string; expiresAt: string; link: string; qr: string };
}

async function acceptAs(code: string, username = uniq('staff_')) {
  const res = await api().post(`/api/invites/${code}/accept`, { body: { username, password: PASSWORD } });
  if (res.status !== 200) throw new Error(`accept: ${res.status} ${res.text}`);
  return { token: res.body.token as string, userId: res.body.user.id as string, username };
}

async function auditRows(scopeLike: string, action: string) {
  return await queryDb<{ actor_user_id: string; detail: string | null; target_id: string }>(
    'SELECT actor_user_id, detail, target_id FROM audit_events WHERE scope_path LIKE ? AND action = ?',
    [`${scopeLike}%`, action],
  );
}

async function orgPath(id: string): Promise<string> {
  return (await queryDb<{ path: string }>('SELECT path FROM orgs WHERE id = ?', [id]))[0].path;
}

describe('invites at every level', () => {
  it('province → city admin → county admin → chair, each accepting a short code and seeing only its place', async () => {
    const root = await admin();
    const city = await createOrg(root.token, root.provinceId, 'city', uniq('邀请市'));
    const cityAdmin = await acceptAs((await invite(root.token, 'orgs', city.id)).code);
    const county = await createOrg(cityAdmin.token, city.id, 'county', uniq('邀请县'));
    const countyAdmin = await acceptAs((await invite(cityAdmin.token, 'orgs', county.id)).code);
    const home = await createHome(countyAdmin.token, county.id, 30);
    const chair = await acceptAs((await invite(countyAdmin.token, 'homes', home.id)).code);

    expect((await api().get(`/api/orgs/${city.id}/dashboard`, { token: cityAdmin.token })).status).toBe(200);
    expect((await api().get(`/api/orgs/${county.id}/dashboard`, { token: countyAdmin.token })).status).toBe(200);
    expect((await api().get(`/api/orgs/${city.id}/dashboard`, { token: countyAdmin.token })).status).toBe(404);
    expect((await api().get(`/api/homes/${home.id}/dashboard`, { token: chair.token })).status).toBe(200);
    // the city admin may also invite the chair of a home two levels down, and remove admins below
    expect((await api().post(`/api/homes/${home.id}/invites`, { token: cityAdmin.token, body: { role: 'chair' } })).status).toBe(201);
    const grants = (await api().get(`/api/orgs/${county.id}/grants`, { token: cityAdmin.token })).body.items;
    const grant = grants.find((g: any) => g.user.id === countyAdmin.userId);
    expect((await api().del(`/api/orgs/${county.id}/grants/${grant.id}`, { token: countyAdmin.token })).status).toBe(403);
    expect((await api().del(`/api/orgs/${county.id}/grants/${grant.id}`, { token: cityAdmin.token })).status).toBe(204);
    expect((await api().get(`/api/orgs/${county.id}/dashboard`, { token: countyAdmin.token })).status).toBe(401);
    const removed = await auditRows(await orgPath(county.id), 'grant.remove');
    expect(removed.map((r) => [r.actor_user_id, r.target_id])).toEqual([[cityAdmin.userId, grant.id]]);
  });

  it('gives a code of 8 unambiguous characters, a link and a QR code; accepts it in lower case with a dash', async () => {
    const root = await admin();
    const city = await createOrg(root.token, root.provinceId, 'city', uniq('邀请市'));
    const home = await createHome(root.token, city.id, 20);
    const inv = await invite(root.token, 'homes', home.id);
    expect(inv.code).toMatch(/^[2-9A-HJKMNP-TW-Z]{8}$/);
    expect(inv.link).toMatch(new RegExp(`/oversight/pages/accept/index\\?code=${inv.code}$`));
    expect(inv.qr).toMatch(/^data:image\/png;base64,iVBOR/);
    const typed = `${inv.code.slice(0, 4)}-${inv.code.slice(4)}`.toLowerCase();
    const res = await api().post(`/api/invites/${typed}/accept`, { body: { username: uniq('lower_'), password: PASSWORD } });
    expect(res.status).toBe(200);
    expect(res.body.user.roles).toEqual([{ role: 'chair', orgId: home.id }]);
  });

  it('shows what a code is for before it is accepted, without using it; used codes and unknown ones are refused', async () => {
    const root = await admin();
    const cityName = uniq('预览市');
    const city = await createOrg(root.token, root.provinceId, 'city', cityName);
    const cityAdmin = await acceptAs((await invite(root.token, 'orgs', city.id)).code);
    const home = await createHome(cityAdmin.token, city.id, 20, uniq('预览之家'));
    const inv = await invite(cityAdmin.token, 'homes', home.id);

    const preview = await api().get(`/api/invites/${inv.code.toLowerCase()}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      role: 'chair',
      org: { id: home.id, name: home.name, type: 'home' },
      parentName: cityName,
      invitedBy: `${cityName} ${cityAdmin.username}`,
      expiresAt: inv.expiresAt,
    });
    // still good after the preview
    await acceptAs(inv.code);
    const used = await api().get(`/api/invites/${inv.code}`);
    expect(used.status).toBe(409);
    expect(used.body.message).toContain('已被使用');
    expect((await api().get('/api/invites/2345-6789')).status).toBe(404);
    expect((await api().get('/api/invites/not-a-code')).status).toBe(404);

    const orgInvite = await invite(root.token, 'orgs', city.id);
    const orgPreview = await api().get(`/api/invites/${orgInvite.code}`);
    expect(orgPreview.body).toMatchObject({ role: 'federation_admin', org: { id: city.id, name: cityName, type: 'org' } });
  });

  it('keeps only a keyed hash of the code', async () => {
    const root = await admin();
    const city = await createOrg(root.token, root.provinceId, 'city', uniq('哈希市'));
    const inv = await invite(root.token, 'orgs', city.id);
    const { createHash } = await import('node:crypto');
    const rows = await queryDb<{ code_hash: string }>('SELECT code_hash FROM invites WHERE org_id = ?', [city.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].code_hash).not.toBe(createHash('sha256').update(inv.code).digest('hex'));
    expect(rows[0].code_hash).not.toContain(inv.code);
  });
});

describe('passwords', () => {
  it('lets staff change their own password: the old one and old sessions stop working', async () => {
    const root = await admin();
    const city = await createOrg(root.token, root.provinceId, 'city', uniq('密码市'));
    const home = await createHome(root.token, city.id, 20);
    const chair = await chairOf(root.token, home.id);
    const wrong = await api().put('/api/me/password', {
      token: chair.token,
      body: { currentPassword: 'not-my-password', newPassword: 'a-new-password-1' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.fields).toEqual({ currentPassword: '当前密码不正确' });
    const changed = await api().put('/api/me/password', {
      token: chair.token,
      body: { currentPassword: 'chair-password-123', newPassword: 'a-new-password-1' },
    });
    expect(changed.status).toBe(200);
    expect((await api().get(`/api/homes/${home.id}/dashboard`, { token: chair.token })).status).toBe(401);
    expect((await api().get(`/api/homes/${home.id}/dashboard`, { token: changed.body.token })).status).toBe(200);
    expect((await api().post('/api/auth/password', { body: { username: chair.username, password: 'chair-password-123' } })).status).toBe(
      401,
    );
    expect((await api().post('/api/auth/password', { body: { username: chair.username, password: 'a-new-password-1' } })).status).toBe(200);
    // a WeChat account has no password
    const m = await member();
    expect(
      (await api().put('/api/me/password', { token: m.token, body: { currentPassword: 'x', newPassword: 'a-new-password-1' } })).status,
    ).toBe(409);
  });

  it('lets the level above make a one-time reset link: used once, ending old sessions; never by the holder or a peer', async () => {
    const root = await admin();
    const city = await createOrg(root.token, root.provinceId, 'city', uniq('重置市'));
    const cityAdmin = await acceptAs((await invite(root.token, 'orgs', city.id)).code);
    const peer = await acceptAs((await invite(root.token, 'orgs', city.id)).code);
    const home = await createHome(root.token, city.id, 20);
    const chair = await chairOf(root.token, home.id);
    const chairGrant = (await api().get(`/api/homes/${home.id}/grants`, { token: cityAdmin.token })).body.items.find(
      (g: any) => g.user.id === chair.userId,
    );
    const adminGrant = (await api().get(`/api/orgs/${city.id}/grants`, { token: root.token })).body.items.find(
      (g: any) => g.user.id === cityAdmin.userId,
    );
    // the chair itself, and a peer admin of the same city, may not
    expect((await api().post(`/api/homes/${home.id}/grants/${chairGrant.id}/password-reset`, { token: chair.token })).status).toBe(403);
    expect((await api().post(`/api/orgs/${city.id}/grants/${adminGrant.id}/password-reset`, { token: peer.token })).status).toBe(403);

    const first = await api().post(`/api/homes/${home.id}/grants/${chairGrant.id}/password-reset`, { token: cityAdmin.token });
    expect(first.status).toBe(201);
    const link = await api().post(`/api/homes/${home.id}/grants/${chairGrant.id}/password-reset`, { token: cityAdmin.token });
    expect(link.body.link).toMatch(new RegExp(`/oversight/pages/reset/index\\?code=${link.body.code}$`));
    // a newer link replaces the older one
    expect((await api().get(`/api/password-resets/${first.body.code}`)).status).toBe(404);
    const preview = await api().get(`/api/password-resets/${link.body.code}`);
    expect(preview.body).toEqual({ username: chair.username, expiresAt: link.body.expiresAt });
    expect((await api().post(`/api/password-resets/${link.body.code}`, { body: { password: 'short' } })).status).toBe(400);

    const used = await api().post(`/api/password-resets/${link.body.code}`, { body: { password: 'reset-password-1' } });
    expect(used.status).toBe(200);
    expect(used.body.user.roles).toEqual([{ role: 'chair', orgId: home.id }]);
    expect((await api().get(`/api/homes/${home.id}/dashboard`, { token: chair.token })).status).toBe(401);
    expect((await api().post('/api/auth/password', { body: { username: chair.username, password: 'reset-password-1' } })).status).toBe(200);
    const again = await api().post(`/api/password-resets/${link.body.code}`, { body: { password: 'another-password-1' } });
    expect(again.status).toBe(409);
    expect((await api().post('/api/auth/password', { body: { username: chair.username, password: 'reset-password-1' } })).status).toBe(200);

    // the admin above resets a city admin; audited with the actor, twice for the chair
    expect((await api().post(`/api/orgs/${city.id}/grants/${adminGrant.id}/password-reset`, { token: root.token })).status).toBe(201);
    const audited = await auditRows(await orgPath(city.id), 'password.reset_link');
    expect(audited.map((r) => r.actor_user_id).sort()).toEqual([cityAdmin.userId, cityAdmin.userId, (await me(root.token)).id].sort());
  });
});

async function me(token: string) {
  return (await api().get('/api/me', { token })).body as { id: string };
}

describe('rosters kept from above', () => {
  it('gives the level above the template and refuses it to the chair', async () => {
    const { adminToken, home } = await rosterHome();
    const chair = await chairOf(adminToken, home.id);
    const base = `${process.env.PINGJIA_URL}/api/homes/${home.id}/roster`;
    const file = await fetch(`${base}/template`, { headers: { authorization: `Bearer ${adminToken}` } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('spreadsheetml');
    // the template, filled in, is what the upload reads
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await file.arrayBuffer()) as any);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, '姓名', '会员编号', '手机号']);
    sheet.addRow(['张三', '001', '13800000001']);
    const upload = await fetch(base, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${adminToken}`,
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      body: Buffer.from(await wb.xlsx.writeBuffer()),
    });
    expect(upload.status).toBe(201);
    expect(await upload.json()).toMatchObject({ entries: 1, added: 1 });
    expect((await api().get(`/api/homes/${home.id}/roster/template`, { token: chair.token })).status).toBe(403);
  });

  it('resets a binding only with a reason, kept in the audit log without the member', async () => {
    const { adminToken, home } = await rosterHome();
    await api().post(`/api/homes/${home.id}/roster`, {
      token: adminToken,
      raw: '姓名,会员编号\n张三,GH001\n',
      headers: { 'content-type': 'text/csv' },
    });
    const m = await member();
    expect(
      (await api().post(`/api/homes/${home.id}/membership`, { token: m.token, body: { name: '张三', memberNo: 'GH001' } })).status,
    ).toBe(204);
    const path = `/api/homes/${home.id}/roster/reset-binding`;
    const bare = await api().post(path, { token: adminToken, body: { name: '张三', memberNo: 'GH001' } });
    expect(bare.status).toBe(400);
    expect(Object.keys(bare.body.fields)).toEqual(['reason']);
    expect((await api().get(`/api/homes/${home.id}/roster`, { token: adminToken })).body.bound).toBe(1);
    const reset = await api().post(path, { token: adminToken, body: { name: '张三', memberNo: 'GH001', reason: '会员换了手机' } });
    expect(reset.status).toBe(204);
    expect((await api().get(`/api/homes/${home.id}/roster`, { token: adminToken })).body.bound).toBe(0);
    const rows = await queryDb<{ detail: string }>(
      "SELECT detail FROM audit_events WHERE action = 'roster.reset_binding' AND target_id = ?",
      [home.id],
    );
    expect(rows.map((r) => JSON.parse(r.detail))).toEqual([{ reason: '会员换了手机' }]);
    expect(rows[0].detail).not.toContain('张三');
  });
});

describe('invite and reset look-ups spend the login budget (a server of its own)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ ...testDatabaseEnv(), AUTH_DEV_LOGIN: 'true', RATE_LIMIT_LOGINS_PER_IP: '5' });
  });
  afterAll(async () => server?.stop());

  it('answers the sixth guess a minute from one address with 429, previews and accepts alike', async () => {
    const c = client(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await c.get(`/api/invites/2345-678${i + 2}`)).status);
    for (let i = 0; i < 2; i++) statuses.push((await c.post(`/api/invites/2345-679${i + 2}/accept`, { body: {} })).status);
    statuses.push((await c.get(`/api/password-resets/${'B'.repeat(32)}`)).status);
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429]);
  });
});
