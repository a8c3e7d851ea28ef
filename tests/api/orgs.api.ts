import { api, admin, cityWithCampaign, member, uniq } from './fixtures';
import { confirmedMove } from '../support/campaigns';

describe('orgs, homes and campaigns', () => {
  it('builds a city, homes and an open campaign under the province', async () => {
    const { city, homeA, campaign, adminToken } = await cityWithCampaign();
    expect(city).toMatchObject({ level: 'city', name: expect.stringMatching(/^测试市/) });
    expect(homeA.sceneToken).toMatch(/^[0-9A-Za-z]{22}$/);
    expect(homeA.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(campaign.status).toBe('open');

    const children = await api().get(`/api/orgs/${city.id}/children`, { token: adminToken });
    expect(children.status).toBe(200);
    expect(children.body.items.filter((i: any) => i.type === 'home')).toHaveLength(2);
  });

  it('refuses a province under a city', async () => {
    const { city, adminToken } = await cityWithCampaign();
    const res = await api().post('/api/orgs', { token: adminToken, body: { parentId: city.id, name: uniq('省'), level: 'province' } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.fields).toHaveProperty('level');
  });

  it('looks up a home and its open campaign by QR scene, without a token', async () => {
    const { city, homeA, campaign } = await cityWithCampaign();
    const res = await api().get(`/api/homes/scene/${homeA.sceneToken}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      home: { id: homeA.id, name: homeA.name, orgName: city.name, membershipMode: 'open' },
      campaign: { id: campaign.id, name: campaign.name, closesAt: campaign.closesAt, status: 'open' },
    });
  });

  it('answers 404 for an unknown scene', async () => {
    const res = await api().get('/api/homes/scene/doesNotExist123');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('moves a campaign only along draft → open → closed → published', async () => {
    const { campaign, adminToken } = await cityWithCampaign();
    const again = await api().post(`/api/campaigns/${campaign.id}/open`, { token: adminToken });
    expect(again.status).toBe(409);
    expect((await confirmedMove(api(), adminToken, campaign.id, 'publish')).status).toBe(409);
    expect((await confirmedMove(api(), adminToken, campaign.id, 'close')).body.status).toBe('closed');
    expect((await confirmedMove(api(), adminToken, campaign.id, 'publish')).body.status).toBe('published');
  });

  it('refuses a campaign that closes before it opens', async () => {
    const { provinceId, token } = await admin();
    const res = await api().post('/api/campaigns', {
      token,
      body: { orgId: provinceId, name: '倒序周期', opensAt: '2026-12-31T00:00:00Z', closesAt: '2026-12-01T00:00:00Z' },
    });
    expect(res.status).toBe(400);
    expect(res.body.fields).toHaveProperty('closesAt');
  });

  it('hides orgs and homes from a member with 404, not 403', async () => {
    const { city, homeA } = await cityWithCampaign();
    const m = await member();
    expect((await api().get(`/api/orgs/${city.id}`, { token: m.token })).status).toBe(404);
    expect((await api().get(`/api/homes/${homeA.id}`, { token: m.token })).status).toBe(404);
    expect((await api().get(`/api/homes/${homeA.id}/dashboard`, { token: m.token })).status).toBe(404);
    const create = await api().post('/api/homes', {
      token: m.token,
      body: { orgId: city.id, name: '冒名之家', kind: 'enterprise', memberCount: 10, membershipMode: 'open' },
    });
    expect(create.status).toBe(404);
  });

  it('answers 404 for a malformed id', async () => {
    const { token } = await admin();
    expect((await api().get('/api/homes/not-a-uuid', { token })).status).toBe(404);
  });

  it('requires a token for staff paths', async () => {
    const res = await api().post('/api/orgs', { body: { parentId: '00000000-0000-4000-8000-000000000000', name: '无名', level: 'city' } });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHORIZED');
  });
});
