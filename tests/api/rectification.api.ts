import { api, moveCampaign, openCityWithChair, rateMany } from './oversight.fixtures';

describe('rectification (整改)', () => {
  it('runs plan → progress → sign-off after the cycle closes, with 409 on every out-of-order step', async () => {
    const { adminToken, campaign: c, chair, homes } = await openCityWithChair([10]);
    const [home] = homes;
    const base = `/api/campaigns/${c.id}/homes/${home.id}/rectification`;
    await rateMany(c.id, home.id, 6, 'satisfied');

    expect((await api().post(base, { token: chair.token, body: { plan: '太早了' } })).status).toBe(409);
    await moveCampaign(adminToken, c.id, 'close');
    expect((await api().post(base, { token: chair.token, body: { progress: '还没有方案' } })).status).toBe(409);
    expect((await api().post(base, { token: chair.token, body: { plan: '方案', progress: '两样都给' } })).status).toBe(400);
    expect((await api().post(base, { token: chair.token, body: { plan: '   ' } })).status).toBe(400);
    const plan = await api().post(base, { token: chair.token, body: { plan: '一、完善职代会制度' } });
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({ status: 'planned', plan: '一、完善职代会制度', updates: [], signedOffOn: null });
    expect((await api().post(base, { token: chair.token, body: { plan: '一、完善职代会制度；二、厂务公开' } })).body.plan).toBe(
      '一、完善职代会制度；二、厂务公开',
    );
    // sign-off: the federation only, and only after progress was reported
    expect((await api().post(`${base}/sign-off`, { token: chair.token })).status).toBe(403);
    expect((await api().post(`${base}/sign-off`, { token: adminToken })).status).toBe(409);
    const progress = await api().post(base, { token: chair.token, body: { progress: '职代会已召开' } });
    expect(progress.body.updates).toEqual([{ text: '职代会已召开', day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }]);
    const signed = await api().post(`${base}/sign-off`, { token: adminToken });
    expect(signed.status).toBe(200);
    expect(signed.body.status).toBe('signed_off');
    expect((await api().post(`${base}/sign-off`, { token: adminToken })).status).toBe(409);
    expect((await api().post(base, { token: chair.token, body: { progress: '验收后' } })).status).toBe(409);
    expect((await api().post(base, { token: chair.token, body: { plan: '验收后改方案' } })).status).toBe(409);
  });

  it('shows members the published results and the plan, with the privacy rules, on a public page', async () => {
    const { adminToken, campaign: c, chair, homes } = await openCityWithChair([10, 10]);
    const [home, small] = homes;
    await rateMany(c.id, home.id, 4, 'satisfied', { score: 5 });
    await rateMany(c.id, home.id, 1, 'dissatisfied', { score: 1 });
    await rateMany(c.id, small.id, 3, 'satisfied');

    const before = await api().get(`/api/homes/${home.id}/results`);
    expect(before.status).toBe(200);
    // the demo province's own campaign is open, this one too: nothing published yet
    expect(before.body).toMatchObject({ home: { id: home.id }, campaign: null, results: null, rectification: null });

    await moveCampaign(adminToken, c.id, 'close');
    await api().post(`/api/campaigns/${c.id}/homes/${home.id}/rectification`, { token: chair.token, body: { plan: '加强职工之家建设' } });
    await moveCampaign(adminToken, c.id, 'publish');
    const res = await api().get(`/api/homes/${home.id}/results`);
    // 4 of 5 satisfied = 80%, 5 of 10 members; means (4×5 + 1) / 5 = 4.2
    expect(res.body).toMatchObject({
      campaign: { id: c.id },
      results: { ratings: 5, participationRate: 0.5, valid: true, satisfactionRate: 0.8, title: 'advanced' },
      rectification: { plan: '加强职工之家建设', status: 'planned' },
    });
    expect(res.body.results.means.trust).toBe(4.2);
    const smallRes = await api().get(`/api/homes/${small.id}/results`);
    expect(smallRes.body.results).toEqual({
      ratings: 3,
      participationRate: 0.3,
      valid: true,
      satisfactionRate: null,
      means: null,
      title: null,
    });
    expect((await api().get('/api/homes/00000000-0000-4000-8000-000000000000/results')).status).toBe(404);
  });
});
