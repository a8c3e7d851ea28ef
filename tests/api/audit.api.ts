import { api, chairOf, createHome, createOrg, freshCity, moveCampaign, openCampaign, rateMany, uniq } from './oversight.fixtures';

const actions = (res: any) => res.body.items.map((e: any) => e.action);

describe('audit log', () => {
  it("records every admin action, and the level above reads a chair's actions", async () => {
    const { adminToken, provinceId, city } = await freshCity();
    const county = await createOrg(adminToken, city.id, 'county');
    const home = await createHome(adminToken, county.id, 10);
    const other = await createHome(adminToken, city.id, 10);
    const c = await openCampaign(adminToken, city.id);
    const chair = await chairOf(adminToken, home.id);

    // roster import and binding reset: the level above (the chair may not, integrity.api.ts)
    const roster = await api().post(`/api/homes/${home.id}/roster`, {
      token: adminToken,
      raw: '姓名,会员编号\n张三,GH001\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(roster.status).toBe(201);
    expect(
      (
        await api().post(`/api/homes/${home.id}/roster/reset-binding`, {
          token: adminToken,
          body: { name: '张三', memberNo: 'GH001', reason: '会员更换了手机' },
        })
      ).status,
    ).toBe(204);
    // a held comment, decided above once the cycle is closed; rectification by the chair, sign-off above
    await rateMany(c.id, home.id, 5, 'satisfied');
    await rateMany(c.id, home.id, 1, 'dissatisfied', { comment: '待人工复核内容' });
    await moveCampaign(adminToken, c.id, 'close');
    const held = await api().get(`/api/orgs/${county.id}/held-comments`, { token: adminToken });
    expect((await api().post(`/api/comments/${held.body.items[0].id}/approve`, { token: adminToken })).status).toBe(204);
    await moveCampaign(adminToken, c.id, 'publish');
    const base = `/api/campaigns/${c.id}/homes/${home.id}/rectification`;
    expect((await api().post(base, { token: chair.token, body: { plan: '每月开放职工书屋' } })).status).toBe(200);
    expect((await api().post(base, { token: chair.token, body: { progress: '书屋已开放' } })).status).toBe(200);
    expect((await api().post(`${base}/sign-off`, { token: adminToken })).status).toBe(200);
    // removing a grant
    const grants = await api().get(`/api/homes/${home.id}/grants`, { token: adminToken });
    const second = await chairOf(adminToken, other.id);
    const otherGrant = (await api().get(`/api/homes/${other.id}/grants`, { token: adminToken })).body.items.find(
      (g: any) => g.user.id === second.userId,
    );
    expect((await api().del(`/api/homes/${other.id}/grants/${otherGrant.id}`, { token: adminToken })).status).toBe(204);

    const log = await api().get(`/api/orgs/${city.id}/audit?pageSize=200`, { token: adminToken });
    expect(log.status).toBe(200);
    const seen = actions(log);
    for (const a of [
      'org.create',
      'home.create',
      'campaign.create',
      'campaign.open',
      'campaign.close',
      'campaign.publish',
      'invite.create',
      'invite.accept',
      'roster.import',
      'roster.reset_binding',
      'comment.approve',
      'rectification.plan',
      'rectification.progress',
      'rectification.sign_off',
      'grant.remove',
    ]) {
      expect(seen).toContain(a);
    }
    const byChair = log.body.items.filter((e: any) => e.actor.userId === chair.userId).map((e: any) => [e.action, e.actor.role]);
    expect(byChair).toEqual(
      expect.arrayContaining([
        ['rectification.plan', 'chair'],
        ['rectification.progress', 'chair'],
        ['invite.accept', 'chair'],
      ]),
    );
    const imported = log.body.items.find((e: any) => e.action === 'roster.import');
    expect(imported).toMatchObject({ target: { type: 'home', id: home.id }, detail: { entries: 1, added: 1 } });
    // no personal data in the log
    expect(log.text).not.toMatch(/张三|GH001|待人工复核|chair-password/);
    // newest first
    const times = log.body.items.map((e: any) => e.at);
    expect(times).toEqual([...times].sort().reverse());

    // the county sees its own subtree only; the province sees it all; the chair sees nothing
    const countyLog = await api().get(`/api/orgs/${county.id}/audit?pageSize=200`, { token: adminToken });
    expect(countyLog.body.items.every((e: any) => e.target.id !== other.id)).toBe(true);
    expect(actions(countyLog)).toContain('rectification.sign_off');
    expect((await api().get(`/api/orgs/${provinceId}/audit?pageSize=5`, { token: adminToken })).body.items).toHaveLength(5);
    expect((await api().get(`/api/orgs/${county.id}/audit`, { token: chair.token })).status).toBe(404);
    expect(grants.status).toBe(200);
  });

  it('pages the log', async () => {
    const { adminToken, city } = await freshCity();
    for (let i = 0; i < 3; i++) await createHome(adminToken, city.id, 10, uniq('分页之家'));
    const p1 = await api().get(`/api/orgs/${city.id}/audit?pageSize=2&page=1`, { token: adminToken });
    const p2 = await api().get(`/api/orgs/${city.id}/audit?pageSize=2&page=2`, { token: adminToken });
    expect(p1.body).toMatchObject({ total: 4, page: 1, pageSize: 2 }); // the city itself and three homes
    expect(p1.body.items).toHaveLength(2);
    expect(p2.body.items).toHaveLength(2);
    expect(new Set([...p1.body.items, ...p2.body.items].map((e: any) => e.id)).size).toBe(4);
    expect((await api().get(`/api/orgs/${city.id}/audit?page=0`, { token: adminToken })).status).toBe(400);
  });
});
