import { admin } from './fixtures';
import { api, chairOf, createHome, createOrg, freshCity, openCampaign, uniq } from './oversight.fixtures';

// GET /api/campaigns?orgId=: what a federation picks a cycle from (dashboards, the campaigns page).
describe('listing the campaigns of an org', () => {
  it('lists the cycles covering the org and those below it, newest first, and marks which the caller may move', async () => {
    const { adminToken, provinceId, city } = await freshCity();
    const district = await createOrg(adminToken, city.id, 'county', uniq('测试区'));
    const cityCycle = await openCampaign(adminToken, city.id, 2 * 86400e3);
    const districtCycle = await openCampaign(adminToken, district.id, 3600e3);
    const res = await api().get(`/api/campaigns?orgId=${city.id}`, { token: adminToken });
    expect(res.status).toBe(200);
    const ids = res.body.map((c: { id: string }) => c.id);
    expect(ids).toEqual(expect.arrayContaining([cityCycle.id, districtCycle.id]));
    // newest first: the district's cycle opened after the city's
    expect(ids.indexOf(districtCycle.id)).toBeLessThan(ids.indexOf(cityCycle.id));
    expect(res.body.find((c: { id: string }) => c.id === cityCycle.id)).toMatchObject({ orgId: city.id, status: 'open', manageable: true });

    // From the district: its own cycle and the city's above it, never a sibling's.
    const sibling = await createOrg(adminToken, provinceId, 'city', uniq('邻市'));
    const siblingCycle = await openCampaign(adminToken, sibling.id);
    const fromDistrict = await api().get(`/api/campaigns?orgId=${district.id}`, { token: adminToken });
    const districtIds = fromDistrict.body.map((c: { id: string }) => c.id);
    expect(districtIds).toEqual(expect.arrayContaining([cityCycle.id, districtCycle.id]));
    expect(districtIds).not.toContain(siblingCycle.id);
  });

  it('marks a cycle of an org above as not manageable for an admin below it', async () => {
    const { adminToken, city } = await freshCity();
    const cityCycle = await openCampaign(adminToken, city.id);
    const district = await createOrg(adminToken, city.id, 'county', uniq('测试区'));
    const invite = await api().post(`/api/orgs/${district.id}/invites`, { token: adminToken, body: { role: 'federation_admin' } });
    expect(invite.status).toBe(201);
    const accepted = await api().post(`/api/invites/${invite.body.code}/accept`, {
      body: { username: uniq('district_'), password: 'district-password-1' },
    });
    expect(accepted.status).toBe(200);
    const res = await api().get(`/api/campaigns?orgId=${district.id}`, { token: accepted.body.token });
    expect(res.status).toBe(200);
    expect(res.body.find((c: { id: string }) => c.id === cityCycle.id)).toMatchObject({ manageable: false });
    // …and the district admin cannot list the city's campaigns at all.
    expect((await api().get(`/api/campaigns?orgId=${city.id}`, { token: accepted.body.token })).status).toBe(404);
  });

  it('refuses a chair, a missing orgId (400) and a malformed one (404)', async () => {
    const { token, provinceId } = await admin();
    const home = await createHome(token, provinceId, 10);
    const chair = await chairOf(token, home.id);
    expect((await api().get(`/api/campaigns?orgId=${provinceId}`, { token: chair.token })).status).toBe(404);
    const missing = await api().get('/api/campaigns', { token });
    expect(missing.status).toBe(400);
    expect(missing.body.fields).toHaveProperty('orgId');
    expect((await api().get('/api/campaigns?orgId=not-a-uuid', { token })).status).toBe(404);
  });
});
