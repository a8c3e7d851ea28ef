import { api, createHome, createOrg, freshCity, openCampaign, openCityWithChair, uniq } from './oversight.fixtures';

describe('oversight scope', () => {
  it('answers 404 to a chair for everything of another home and of the federation', async () => {
    const { city, campaign: c, chair, homes } = await openCityWithChair([10, 10]);
    const [a, b] = homes;
    const t = { token: chair.token };
    // their own home works
    for (const path of [`/api/homes/${a.id}/dashboard`, `/api/homes/${a.id}/export.xlsx`, `/api/homes/${a.id}/poster`]) {
      expect([path, (await api().get(path, t)).status]).toEqual([path, 200]);
    }
    const gets = [
      `/api/homes/${b.id}/dashboard`,
      `/api/homes/${b.id}/dashboard?campaignId=${c.id}`,
      `/api/homes/${b.id}/export.xlsx`,
      `/api/homes/${b.id}/poster`,
      `/api/homes/${b.id}/grants`,
      `/api/campaigns/${c.id}/homes/${b.id}/rectification`,
      `/api/orgs/${city.id}/dashboard`,
      `/api/orgs/${city.id}/audit`,
      `/api/orgs/${city.id}/export.xlsx`,
      `/api/orgs/${city.id}/held-comments`,
      `/api/orgs/${city.id}/grants`,
    ];
    for (const path of gets) expect([path, (await api().get(path, t)).status]).toEqual([path, 404]);
    const posts: Array<[string, unknown]> = [
      [`/api/homes/${b.id}/invites`, { role: 'chair' }],
      [`/api/orgs/${city.id}/invites`, { role: 'federation_admin' }],
      [`/api/campaigns/${c.id}/homes/${b.id}/rectification`, { plan: '整改方案' }],
      [`/api/campaigns/${c.id}/homes/${b.id}/rectification/sign-off`, {}],
    ];
    for (const [path, body] of posts) expect([path, (await api().post(path, { ...t, body })).status]).toEqual([path, 404]);
  });

  it('answers 404 to a federation admin outside its subtree', async () => {
    const { adminToken, city } = await freshCity();
    const countyA = await createOrg(adminToken, city.id, 'county');
    const countyB = await createOrg(adminToken, city.id, 'county');
    const homeB = await createHome(adminToken, countyB.id, 10);
    const c = await openCampaign(adminToken, city.id);
    const invite = await api().post(`/api/orgs/${countyA.id}/invites`, { token: adminToken, body: { role: 'federation_admin' } });
    const a = await api().post(`/api/invites/${invite.body.code}/accept`, {
      body: { username: uniq('ca_'), password: 'county-password-1' },
    });
    const t = { token: a.body.token };
    expect((await api().get(`/api/orgs/${countyA.id}/dashboard`, t)).status).toBe(200);
    for (const path of [
      `/api/orgs/${countyB.id}/dashboard`,
      `/api/orgs/${city.id}/dashboard`,
      `/api/orgs/${countyB.id}/audit`,
      `/api/orgs/${countyB.id}/export.xlsx`,
      `/api/homes/${homeB.id}/dashboard`,
      `/api/homes/${homeB.id}/poster`,
      `/api/homes/${homeB.id}/export.xlsx`,
      `/api/campaigns/${c.id}/homes/${homeB.id}/rectification`,
    ]) {
      expect([path, (await api().get(path, t)).status]).toEqual([path, 404]);
    }
    expect((await api().post(`/api/homes/${homeB.id}/invites`, { ...t, body: { role: 'chair' } })).status).toBe(404);
  });

  it('answers 404 for a campaign that does not cover the place asked about', async () => {
    const { adminToken, city } = await freshCity();
    const other = await freshCity();
    const home = await createHome(adminToken, city.id, 10);
    const elsewhere = await openCampaign(other.adminToken, other.city.id);
    expect((await api().get(`/api/homes/${home.id}/dashboard?campaignId=${elsewhere.id}`, { token: adminToken })).status).toBe(404);
    expect((await api().get(`/api/orgs/${city.id}/dashboard?campaignId=${elsewhere.id}`, { token: adminToken })).status).toBe(404);
    expect((await api().get(`/api/orgs/${city.id}/dashboard?campaignId=not-a-uuid`, { token: adminToken })).status).toBe(404);
  });
});
