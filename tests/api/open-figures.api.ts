import { CRITERION_KEYS } from '@pingjia/shared';
import { openDb } from '../support/db';
import { api, createHome, freshCity, member, moveCampaign, openCampaign, ratingPath, scores } from './oversight.fixtures';

// Differencing: while a cycle is open, figures move only in whole windows of 5 new ratings and are
// shown one window late, so no refresh — nor the final figures after the close — isolates one rating.

type Member = { token: string; id: string };
const put = async (m: Member, campaignId: string, homeId: string, score: number, verdict = 'satisfied') => {
  const res = await api().put(ratingPath(campaignId, homeId), { token: m.token, body: { scores: scores(score), verdict } });
  expect([200, 201]).toContain(res.status);
};
/** Everything a dashboard answer says about the cycle's ratings (not the grievances). */
const figures = (d: any) => ({ participation: d.participation, satisfaction: d.satisfaction, criteria: d.criteria, tier: d.tier, title: d.title, groups: d.groups, withheld: d.withheld, trend: d.trend });

async function setup(memberCount = 40) {
  const { adminToken, city } = await freshCity();
  const home = await createHome(adminToken, city.id, memberCount);
  const other = await createHome(adminToken, city.id, memberCount);
  const c = await openCampaign(adminToken, city.id);
  const dash = async (homeId = home.id) => {
    const res = await api().get(`/api/homes/${homeId}/dashboard?campaignId=${c.id}`, { token: adminToken });
    expect(res.status).toBe(200);
    return res.body;
  };
  const org = async (query = '') => {
    const res = await api().get(`/api/orgs/${city.id}/dashboard?campaignId=${c.id}&pageSize=100${query}`, { token: adminToken });
    expect(res.status).toBe(200);
    return res.body;
  };
  return { adminToken, city, home, other, c, dash, org };
}

describe('figures of an open cycle', () => {
  it('move only in windows of five new ratings, shown one window late; one new rating or any number of changes moves nothing', async () => {
    const s = await setup();
    const raters: Member[] = [];
    const rate = async (n: number, score: number, verdict = 'satisfied') => {
      for (let i = 0; i < n; i++) {
        const m = await member();
        raters.push(m);
        await put(m, s.c.id, s.home.id, score, verdict);
      }
    };

    await rate(5, 4); // window 1 complete: staged, not shown yet
    const five = await s.dash();
    expect(five).toMatchObject({ participation: { ratings: 0 }, withheld: true, satisfaction: null, comments: null, commentsWithheld: 'campaign_open' });

    await rate(4, 2, 'dissatisfied');
    expect(figures(await s.dash())).toEqual(figures(five));
    await rate(1, 2, 'dissatisfied'); // 10th: window 2 complete → window 1 (the first five) shown
    const ten = await s.dash();
    expect(ten.participation).toMatchObject({ ratings: 5, members: 40 });
    expect(ten.satisfaction).toEqual({ rate: 1, satisfied: 5, basicallySatisfied: 0, dissatisfied: 0 });
    expect(ten.criteria.trust).toEqual({ mean: 4, distribution: [0, 0, 0, 5, 0] });
    expect(ten.trend.find((p: any) => p.campaign.id === s.c.id)).toMatchObject({ ratings: 5, satisfactionRate: 1 });

    // an 11th rating, then a change of the first rating: nothing moves
    await rate(1, 1, 'dissatisfied');
    expect(figures(await s.dash())).toEqual(figures(ten));
    await put(raters[0], s.c.id, s.home.id, 1, 'dissatisfied');
    expect(figures(await s.dash())).toEqual(figures(ten));

    // one rater changing again and again fills no window: changes never count, only new ratings
    for (const score of [2, 3, 5, 1, 2, 3]) await put(raters[0], s.c.id, s.home.id, score, 'dissatisfied');
    expect(figures(await s.dash())).toEqual(figures(ten));

    // the 11th and four more new ratings make window 3 → window 2 shown: the first ten as they were then
    await rate(4, 5);
    const fifteen = await s.dash();
    expect(fifteen.participation.ratings).toBe(10);
    expect(fifteen.satisfaction).toEqual({ rate: 0.5, satisfied: 5, basicallySatisfied: 0, dissatisfied: 5 });
    // trust: five 4s and five 2s → 3
    expect(fifteen.criteria.trust).toEqual({ mean: 3, distribution: [0, 5, 0, 5, 0] });
    expect(fifteen.commentsWithheld).toBe('campaign_open');

    // the other home of the city was never rated: its answer never moved
    expect((await s.dash(s.other.id)).participation.ratings).toBe(0);

    // after the close: the final figures, every write included
    await moveCampaign(s.adminToken, s.c.id, 'close');
    const final = await s.dash();
    // 15 ratings: raters 1-4 and the last four satisfied (8); raters[0] after its changes, five 2s and the 1 not (7)
    expect(final.participation.ratings).toBe(15);
    expect(final.satisfaction).toEqual({ rate: 0.5333, satisfied: 8, basicallySatisfied: 0, dissatisfied: 7 });
    // trust: raters[0] 3, four 4s, five 2s, one 1, four 5s → 3 + 16 + 10 + 1 + 20 = 50 / 15
    expect(final.criteria.trust).toEqual({ mean: 3.33, distribution: [1, 5, 1, 4, 4] });
    expect(final).toMatchObject({ comments: [], commentsWithheld: null });
  });

  it('keeps the live totals exact and the snapshots consistent (counter columns copied in one piece)', async () => {
    const s = await setup();
    for (let i = 0; i < 12; i++) await put(await member(), s.c.id, s.home.id, (i % 5) + 1, i % 2 ? 'dissatisfied' : 'satisfied');
    const db = await openDb();
    try {
      const one = async (table: string) => (await db.query<Record<string, any>>(`SELECT * FROM ${table} WHERE campaign_id = ? AND home_id = ?`, [s.c.id, s.home.id]))[0];
      const [totals, staged, shown] = [await one('rating_totals'), await one('rating_totals_staged'), await one('rating_totals_shown')];
      // 12 counted writes: windows closed at 5 and 10; staged = totals at 10, shown = totals at 5
      expect([Number(totals.ratings), Number(totals.writes), Number(totals.window_start)]).toEqual([12, 12, 10]);
      expect([Number(staged.ratings), Number(staged.writes)]).toEqual([10, 10]);
      expect([Number(shown.ratings), Number(shown.writes)]).toEqual([5, 5]);
      for (const row of [staged, shown]) {
        expect(Number(row.satisfied) + Number(row.basically_satisfied) + Number(row.dissatisfied)).toBe(Number(row.ratings));
        for (const k of CRITERION_KEYS) expect([1, 2, 3, 4, 5].reduce((a, v) => a + Number(row[`d_${k}_${v}`]), 0)).toBe(Number(row.ratings));
      }
      // scores 1..5 then 1..5: the first five sum to 15 in each criterion, the first ten to 30
      expect(Number(shown.sum_trust)).toBe(15);
      expect(Number(staged.sum_trust)).toBe(30);
    } finally {
      await db.close();
    }
  });

  it('gives the federation the same snapshot: subtree totals equal the sum over its homes, and move with them', async () => {
    const s = await setup(20);
    const third = await createHome(s.adminToken, s.city.id, 20);
    const rateHome = async (homeId: string, n: number, score: number) => {
      for (let i = 0; i < n; i++) await put(await member(), s.c.id, homeId, score, score >= 3 ? 'satisfied' : 'dissatisfied');
    };
    await rateHome(s.home.id, 12, 4); // shows 5
    await rateHome(s.other.id, 9, 2); // shows 0: one window staged
    await rateHome(third.id, 15, 5); // shows 10
    const sum = (rows: any[], key: string) => rows.reduce((a, r) => a + r[key], 0);
    const check = async (expected: Record<string, number>) => {
      const o = await s.org();
      expect(o.campaign.status).toBe('open');
      const homes = o.league.items;
      expect(Object.fromEntries(homes.map((h: any) => [h.id, h.ratings]))).toEqual(expected);
      for (const key of ['ratings', 'reportedHomes', 'reportedRatings', 'satisfied', 'basicallySatisfied', 'dissatisfied']) {
        expect([key, sum(homes, key)]).toEqual([key, o.totals[key]]);
      }
      // every home's row is what its own dashboard shows
      for (const h of homes) expect([h.id, (await s.dash(h.id)).participation.ratings]).toEqual([h.id, h.ratings]);
      return o;
    };
    const before = await check({ [s.home.id]: 5, [s.other.id]: 0, [third.id]: 10 });
    expect(before.totals).toMatchObject({ ratings: 15, reportedHomes: 2, satisfied: 15, dissatisfied: 0 });
    // one more rating of the second home (10th): its first window appears, 5 dissatisfied
    await rateHome(s.other.id, 1, 2);
    const after = await check({ [s.home.id]: 5, [s.other.id]: 5, [third.id]: 10 });
    expect(after.totals).toMatchObject({ ratings: 20, reportedHomes: 3, satisfied: 15, dissatisfied: 5 });

    await moveCampaign(s.adminToken, s.c.id, 'close');
    const final = await s.org();
    expect(Object.fromEntries(final.league.items.map((h: any) => [h.id, h.ratings]))).toEqual({ [s.home.id]: 12, [s.other.id]: 10, [third.id]: 15 });
    expect(final.totals).toMatchObject({ ratings: 37, satisfied: 27, dissatisfied: 10 });
  });
});
