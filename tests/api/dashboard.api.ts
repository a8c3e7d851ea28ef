import { api, cityWithCampaign, member, ratingPath } from './fixtures';
import { moveCampaign, rateMany } from './oversight.fixtures';
import { allCriteria } from '../support/scores';

describe('home dashboard', () => {
  it('shows only participation (rounded down to 5) while the cycle is open, then the final figures: only the count below five ratings, else satisfaction, means and tier', async () => {
    const { homeA, homeB, campaign, adminToken } = await cityWithCampaign(20);
    const rate = async (homeId: string, scores: Record<string, number>, verdict: string) => {
      const m = await member();
      const res = await api().put(ratingPath(campaign.id, homeId), { token: m.token, body: { scores, verdict } });
      expect(res.status).toBe(201);
    };
    const s = (organization: number, rights: number, work: number, role: number, trust: number) =>
      allCriteria({ organization, rights, work, role, trust });
    await rate(homeA.id, s(5, 5, 5, 5, 5), 'satisfied');
    await rate(homeA.id, s(4, 4, 4, 4, 4), 'satisfied');
    await rate(homeA.id, s(3, 3, 3, 3, 3), 'basically_satisfied');
    await rate(homeA.id, s(2, 2, 2, 2, 2), 'dissatisfied');
    await rate(homeB.id, s(1, 1, 1, 1, 1), 'dissatisfied'); // another home: must not count

    /** An answer that shows the count (of what it may count) and nothing else. */
    const countOnly = (homeId: string, status: string, ratings: number, reason: string) => ({
      home: { id: homeId },
      campaign: { id: campaign.id, status },
      participation: { ratings, members: 20, rate: ratings / 20, valid: false },
      ...{ satisfaction: null, criteria: null, tier: null, withheld: true, comments: null, commentsWithheld: reason },
    });
    // Open: participation rounded down to 5 (4 → 0), the days left, nothing else.
    const open = await api().get(`/api/homes/${homeA.id}/dashboard`, { token: adminToken });
    expect(open.status).toBe(200);
    expect(open.body).toMatchObject(countOnly(homeA.id, 'open', 0, 'campaign_open'));
    expect(open.body.openCycle).toEqual({ closesAt: expect.any(String), daysLeft: expect.any(Number) });
    expect(open.body.openCycle.daysLeft).toBeGreaterThanOrEqual(29);

    await rate(homeA.id, s(5, 4, 3, 2, 1), 'satisfied');
    await moveCampaign(adminToken, campaign.id, 'close');
    // Closed: final figures; homeB has one rating, below five: only its count.
    const few = await api().get(`/api/homes/${homeB.id}/dashboard`, { token: adminToken });
    expect(few.body).toMatchObject(countOnly(homeB.id, 'closed', 1, 'too_few_ratings'));
    const dash = await api().get(`/api/homes/${homeA.id}/dashboard?campaignId=${campaign.id}`, { token: adminToken });
    // 5 of 20 members = 25%; satisfied 3 + basically 1 of 5 = 80% → 先进, 模范 needs 85%
    expect(dash.body.participation).toEqual({ ratings: 5, members: 20, rate: 0.25, valid: false });
    expect(dash.body.satisfaction).toEqual({ rate: 0.8, satisfied: 3, basicallySatisfied: 1, dissatisfied: 1 });
    expect(dash.body.tier).toEqual({ current: 'advanced', next: 'model', gap: 0.05 });
    // organization: (5+4+3+2+5)/5 = 3.8; trust: (5+4+3+2+1)/5 = 3
    expect(dash.body.criteria.organization).toEqual({ mean: 3.8, distribution: [0, 1, 1, 1, 2] });
    expect(dash.body.criteria.trust).toEqual({ mean: 3, distribution: [1, 1, 1, 1, 1] });
    expect(dash.body.withheld).toBe(false);
  });

  it('never shows a rater identity in the dashboard', async () => {
    const { homeA, campaign, adminToken } = await cityWithCampaign(10);
    const ids = await rateMany(campaign.id, homeA.id, 10, 'satisfied', { comment: '很好' });
    const open = await api().get(`/api/homes/${homeA.id}/dashboard`, { token: adminToken });
    await moveCampaign(adminToken, campaign.id, 'close');
    const closed = await api().get(`/api/homes/${homeA.id}/dashboard?campaignId=${campaign.id}`, { token: adminToken });
    // The views hold the ten ratings (so there was something to leak): counted while open, and with
    // figures and comments once closed.
    expect(open.body.participation.ratings).toBe(10);
    expect(closed.body.satisfaction.satisfied).toBe(10);
    expect(closed.body.comments).toHaveLength(10);
    for (const dash of [open, closed]) {
      for (const id of ids) expect(dash.text).not.toContain(id);
      expect(dash.text).not.toMatch(/rater|openid|userId/i);
    }
  });
});
