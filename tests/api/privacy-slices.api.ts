import {
  api,
  createHome,
  freshCity,
  member,
  moveCampaign,
  openCampaign,
  openCityWithChair,
  PARTICIPATION_ONLY,
  rateMany,
  ratingPath,
} from './oversight.fixtures';
import { scoresOf } from '../support/scores';

describe('privacy of dashboard slices', () => {
  it('shows nothing but the count of a cycle below five ratings, to the chair as to the federation', async () => {
    const { adminToken, campaign: c, chair, homes } = await openCityWithChair([40]);
    const [home] = homes;
    await rateMany(c.id, home.id, 4, 'satisfied', { groups: ['migrant'] });
    await moveCampaign(adminToken, c.id, 'close');
    for (const token of [chair.token, adminToken]) {
      const d = await api().get(`/api/homes/${home.id}/dashboard?campaignId=${c.id}`, { token });
      expect(d.body).toMatchObject({ participation: { ratings: 4 }, ...PARTICIPATION_ONLY });
      expect(d.body.trend.find((p: any) => p.campaign.id === c.id)).toMatchObject({ ratings: 4, satisfactionRate: null, title: null });
    }
  });

  it('shows a group only when it and everyone else both reach five', async () => {
    const { adminToken, city } = await freshCity();
    const home = await createHome(adminToken, city.id, 40);
    const c = await openCampaign(adminToken, city.id);
    await rateMany(c.id, home.id, 5, 'satisfied', { groups: ['migrant', 'frontline'] });
    await rateMany(c.id, home.id, 4, 'dissatisfied', { groups: ['frontline'] });
    await rateMany(c.id, home.id, 1, 'basically_satisfied', { groups: ['frontline'] });
    await rateMany(c.id, home.id, 2, 'dissatisfied');
    await moveCampaign(adminToken, c.id, 'close');
    const d = await api().get(`/api/homes/${home.id}/dashboard?campaignId=${c.id}`, { token: adminToken });
    // 12 ratings: migrant 5 (others 7) → shown; frontline 10 (others 2) → withheld; women 0 → withheld
    expect(d.body.groups.migrant).toEqual({ ratings: 5, satisfactionRate: 1, satisfied: 5, basicallySatisfied: 0, dissatisfied: 0 });
    expect(d.body.groups.frontline).toBeNull();
    expect(d.body.groups.women).toBeNull();
    expect(d.body.satisfaction).toEqual({ rate: 0.5, satisfied: 5, basicallySatisfied: 1, dissatisfied: 6 });
  });

  it('shows approved comments (text only) of a closed cycle from ten ratings, and held ones to the federation for a decision', async () => {
    const { adminToken, city, campaign: c, chair, homes } = await openCityWithChair([40, 40]);
    const [home, nineHome] = homes;
    await rateMany(c.id, home.id, 8, 'satisfied', { comment: '食堂改善了' });
    await rateMany(c.id, nineHome.id, 9, 'satisfied', { comment: '还不错' });
    const held = await member();
    expect(
      (
        await api().put(ratingPath(c.id, home.id), {
          token: held.token,
          body: { scores: scoresOf(2), verdict: 'dissatisfied', comment: '主席待人工复核一事' },
        })
      ).status,
    ).toBe(201);
    await rateMany(c.id, home.id, 1, 'satisfied', { comment: '活动丰富' });
    // Open: nothing but participation until the close, comments included.
    const open = await api().get(`/api/homes/${home.id}/dashboard?campaignId=${c.id}`, { token: chair.token });
    expect(open.body).toMatchObject({ comments: null, commentsWithheld: 'campaign_open' });
    // Held comments too wait for the close, even for the federation that decides them: one appearing
    // between two views of an open cycle would point at whoever rated in between.
    expect((await api().get(`/api/orgs/${city.id}/held-comments`, { token: adminToken })).body).toMatchObject({ total: 0, items: [] });
    await moveCampaign(adminToken, c.id, 'close');
    const nine = await api().get(`/api/homes/${nineHome.id}/dashboard?campaignId=${c.id}`, { token: adminToken });
    expect(nine.body).toMatchObject({ participation: { ratings: 9 }, comments: null, commentsWithheld: 'too_few_ratings' });
    const ten = await api().get(`/api/homes/${home.id}/dashboard?campaignId=${c.id}`, { token: chair.token });
    expect(ten.body.commentsWithheld).toBeNull();
    expect(ten.body.comments).toHaveLength(9);
    for (const x of ten.body.comments) expect(Object.keys(x).sort()).toEqual(['text']);
    expect(ten.text).not.toContain('待人工复核');
    expect(ten.text).not.toContain(held.id);

    // the chair may not see or decide held comments; the federation above may
    expect((await api().get(`/api/orgs/${city.id}/held-comments`, { token: chair.token })).status).toBe(404);
    const list = await api().get(`/api/orgs/${city.id}/held-comments`, { token: adminToken });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    const item = list.body.items[0];
    expect(item).toEqual({
      id: expect.any(String),
      home: { id: home.id, name: home.name },
      campaign: { id: c.id, name: c.name },
      text: '主席待人工复核一事',
    });
    expect((await api().post(`/api/comments/${item.id}/approve`, { token: chair.token })).status).toBe(404);
    expect((await api().post(`/api/comments/${item.id}/approve`, { token: adminToken })).status).toBe(204);
    expect((await api().post(`/api/comments/${item.id}/reject`, { token: adminToken })).status).toBe(409);
    const after = await api().get(`/api/homes/${home.id}/dashboard?campaignId=${c.id}`, { token: chair.token });
    expect(after.body.comments.map((x: any) => x.text)).toContain('主席待人工复核一事');
    expect((await api().get(`/api/orgs/${city.id}/held-comments`, { token: adminToken })).body.total).toBe(0);
  });

  it('keeps a rejected comment out of the dashboard', async () => {
    const { adminToken, city } = await freshCity();
    const home = await createHome(adminToken, city.id, 40);
    const c = await openCampaign(adminToken, city.id);
    await rateMany(c.id, home.id, 10, 'satisfied');
    await rateMany(c.id, home.id, 1, 'dissatisfied', { comment: '待人工复核的话' });
    await moveCampaign(adminToken, c.id, 'close');
    const list = await api().get(`/api/orgs/${city.id}/held-comments`, { token: adminToken });
    expect((await api().post(`/api/comments/${list.body.items[0].id}/reject`, { token: adminToken })).status).toBe(204);
    const d = await api().get(`/api/homes/${home.id}/dashboard?campaignId=${c.id}`, { token: adminToken });
    expect(d.body.comments).toEqual([]);
  });

  it('never answers rating rows or rater identities in any oversight view', async () => {
    const { adminToken, city } = await freshCity();
    const home = await createHome(adminToken, city.id, 10);
    const c = await openCampaign(adminToken, city.id);
    const ids = await rateMany(c.id, home.id, 10, 'satisfied', { comment: '很好' });
    // Closed, so every view shows what it can of the ten ratings: figures and comments.
    await moveCampaign(adminToken, c.id, 'close');
    const home10 = await api().get(`/api/homes/${home.id}/dashboard?campaignId=${c.id}`, { token: adminToken });
    expect(home10.body.participation.ratings).toBe(10);
    expect(home10.body.comments).toHaveLength(10);
    const views = await Promise.all([
      api().get(`/api/homes/${home.id}/dashboard?campaignId=${c.id}`, { token: adminToken }),
      api().get(`/api/orgs/${city.id}/dashboard?campaignId=${c.id}`, { token: adminToken }),
      api().get(`/api/orgs/${city.id}/audit`, { token: adminToken }),
      api().get(`/api/homes/${home.id}/results`),
    ]);
    for (const v of views) {
      expect(v.status).toBe(200);
      for (const id of ids) expect(v.text).not.toContain(id);
      expect(v.text).not.toMatch(/rater|openid/i);
    }
  });
});
