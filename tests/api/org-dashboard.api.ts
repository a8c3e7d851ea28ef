import { api, createHome, createOrg, freshCity, moveCampaign, openCampaign, rateMany, uniq } from './oversight.fixtures';

const FIGURES = [
  'homes',
  'members',
  'ratings',
  'reportedHomes',
  'reportedRatings',
  'satisfied',
  'basicallySatisfied',
  'dissatisfied',
] as const;
const sumOf = (rows: any[], key: string) => rows.reduce((s, r) => s + r[key], 0);

/** A city: three homes of its own and a county with two more; one campaign over the city, rated and closed
 *  (final figures; an open cycle's participation-only answers are tested in differencing.api.ts). */
async function subtree() {
  const { adminToken, city } = await freshCity();
  const county = await createOrg(adminToken, city.id, 'county');
  const h1 = await createHome(adminToken, city.id, 10, uniq('一号之家'));
  const h2 = await createHome(adminToken, city.id, 20, uniq('二号之家'));
  const h3 = await createHome(adminToken, city.id, 10, uniq('三号之家'));
  const c1 = await createHome(adminToken, county.id, 30, uniq('县一之家'));
  const c2 = await createHome(adminToken, county.id, 5, uniq('县二之家'));
  const campaign = await openCampaign(adminToken, city.id, 1800e3);
  await rateMany(campaign.id, h1.id, 5, 'satisfied');
  await rateMany(campaign.id, h1.id, 1, 'dissatisfied');
  await rateMany(campaign.id, h2.id, 4, 'satisfied'); // withheld: 4 < 5
  await rateMany(campaign.id, h3.id, 7, 'satisfied', { score: 5 });
  await rateMany(campaign.id, h3.id, 3, 'basically_satisfied', { score: 3 });
  await rateMany(campaign.id, c1.id, 6, 'satisfied');
  await rateMany(campaign.id, c1.id, 2, 'dissatisfied');
  await moveCampaign(adminToken, campaign.id, 'close');
  return { adminToken, city, county, h1, h2, h3, c1, c2, campaign };
}

describe('federation dashboard', () => {
  let s: Awaited<ReturnType<typeof subtree>>;
  beforeAll(async () => {
    s = await subtree();
  });
  const dash = (query = '') => api().get(`/api/orgs/${s.city.id}/dashboard?campaignId=${s.campaign.id}${query}`, { token: s.adminToken });

  it('totals the subtree, counting scores only of homes with five or more ratings', async () => {
    const res = await dash();
    expect(res.status).toBe(200);
    // homes: 5; members 10+20+10+30+5 = 75; ratings 6+4+10+8 = 28 (28/75 = 0.3733)
    // scores from h1, h3, c1 (24 ratings): satisfied 5+7+6 = 18, basically 3, dissatisfied 1+2 = 3 → 21/24 = 0.875
    expect(res.body.totals).toMatchObject({
      homes: 5,
      members: 75,
      ratings: 28,
      participationRate: 0.3733,
      reportedHomes: 3,
      reportedRatings: 24,
      satisfied: 18,
      basicallySatisfied: 3,
      dissatisfied: 3,
      satisfactionRate: 0.875,
    });
    // organization: h1 6×4, h3 7×5 + 3×3, c1 8×4 → (24 + 44 + 32) / 24 = 4.17
    expect(res.body.totals.means.organization).toBe(4.17);
  });

  it('gives totals equal to the sum over its homes, and over its child orgs and own homes', async () => {
    const homes = await dash('&pageSize=100');
    const children = await dash('&level=children&pageSize=100');
    expect(homes.body.league.total).toBe(5);
    expect(children.body.league.items.map((r: any) => r.type).sort()).toEqual(['home', 'home', 'home', 'org']);
    for (const key of FIGURES) {
      expect([key, sumOf(homes.body.league.items, key)]).toEqual([key, homes.body.totals[key]]);
      expect([key, sumOf(children.body.league.items, key)]).toEqual([key, homes.body.totals[key]]);
    }
    const county = children.body.league.items.find((r: any) => r.type === 'org');
    // c1 8 ratings (6 satisfied, 2 dissatisfied) and c2 none
    expect(county).toMatchObject({
      id: s.county.id,
      homes: 2,
      members: 35,
      ratings: 8,
      satisfied: 6,
      dissatisfied: 2,
      satisfactionRate: 0.75,
    });
    const countyDash = await api().get(`/api/orgs/${s.county.id}/dashboard?campaignId=${s.campaign.id}`, { token: s.adminToken });
    expect(countyDash.body.totals).toMatchObject({ homes: 2, members: 35, ratings: 8, satisfied: 6, dissatisfied: 2 });
  });

  it('withholds a home below five ratings everywhere, sorting it last either way', async () => {
    const desc = await dash('&sort=satisfaction&order=desc&pageSize=100');
    expect(desc.body.league.items.map((r: any) => r.id).slice(0, 3)).toEqual([s.h3.id, s.h1.id, s.c1.id]);
    const asc = await dash('&sort=satisfaction&order=asc&pageSize=100');
    expect(asc.body.league.items.map((r: any) => r.id).slice(0, 3)).toEqual([s.c1.id, s.h1.id, s.h3.id]);
    for (const res of [desc, asc]) {
      const h2 = res.body.league.items.find((r: any) => r.id === s.h2.id);
      expect(h2).toMatchObject({ ratings: 4, satisfactionRate: null, satisfied: 0, title: null });
      expect(Object.values(h2.means)).toEqual([null, null, null, null, null]);
      expect(
        res.body.league.items
          .slice(3)
          .map((r: any) => r.id)
          .sort(),
      ).toEqual([s.h2.id, s.c2.id].sort());
    }
  });

  it('counts titles only for valid cycles, equal to the titles in the table', async () => {
    const res = await dash('&pageSize=100');
    // h1 5/6 = 83.3% with 60% participation → 先进; h3 100% → 模范; c1 75% but 26.7% took part → none
    expect(res.body.tiers).toEqual({ none: 3, qualified: 0, advanced: 1, model: 1, national_model: 0 });
    const titles = res.body.league.items.map((r: any) => r.title ?? 'none');
    for (const [tier, n] of Object.entries(res.body.tiers))
      expect([tier, titles.filter((t: string) => t === tier).length]).toEqual([tier, n]);
  });

  it('lists homes below 30% participation', async () => {
    const res = await dash();
    expect(res.body.lowParticipation.total).toBe(3);
    // c2 0/5, h2 4/20 = 20%, c1 8/30 = 26.7%
    expect(res.body.lowParticipation.items.map((r: any) => r.id)).toEqual([s.c2.id, s.h2.id, s.c1.id]);
  });

  it('sorts by allow-listed keys only and pages', async () => {
    const bad = await dash('&sort=name;DROP TABLE homes');
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toHaveProperty('sort');
    expect((await dash('&order=sideways')).status).toBe(400);
    expect((await dash('&pageSize=1000')).status).toBe(400);
    const byTrust = await dash('&sort=trust&order=desc&pageSize=100');
    const trusts = byTrust.body.league.items.map((r: any) => r.means.trust).filter((v: number | null) => v !== null);
    expect(trusts).toEqual([...trusts].sort((a: number, b: number) => b - a));
    const page2 = await dash('&sort=name&pageSize=2&page=2');
    const all = await dash('&sort=name&pageSize=100');
    expect(page2.body.league).toMatchObject({ page: 2, pageSize: 2, total: 5, sort: 'name', order: 'asc' });
    expect(page2.body.league.items.map((r: any) => r.id)).toEqual(all.body.league.items.slice(2, 4).map((r: any) => r.id));
    const byParticipation = await dash('&sort=participation&order=desc&pageSize=100');
    expect(byParticipation.body.league.items[0].id).toBe(s.h3.id); // 10 of 10
  });

  it("names homes that lost a title against the federation's previous cycle (动态管理)", async () => {
    const { adminToken, city } = await freshCity();
    const home = await createHome(adminToken, city.id, 5);
    const steady = await createHome(adminToken, city.id, 5);
    const first = await openCampaign(adminToken, city.id, 2 * 3600e3);
    await rateMany(first.id, home.id, 5, 'satisfied');
    await rateMany(first.id, steady.id, 5, 'satisfied');
    await moveCampaign(adminToken, first.id, 'close');
    const second = await openCampaign(adminToken, city.id, 1800e3);
    await rateMany(second.id, home.id, 2, 'satisfied');
    await rateMany(second.id, home.id, 3, 'dissatisfied');
    await rateMany(second.id, steady.id, 5, 'satisfied');
    await moveCampaign(adminToken, second.id, 'close');
    const res = await api().get(`/api/orgs/${city.id}/dashboard?campaignId=${second.id}`, { token: adminToken });
    expect(res.body.lostTitles).toEqual({
      previousCampaign: { id: first.id, name: first.name },
      total: 1,
      items: [{ id: home.id, name: home.name, previous: 'model', current: 'none' }],
    });
  });

  it('gives 全国模范 only with a 90% membership rate (入会率)', async () => {
    const { adminToken, city } = await freshCity();
    const full = await createHome(adminToken, city.id, 10, uniq('全员入会之家'), 11); // 10 of 11 workers = 90.9%
    const partial = await createHome(adminToken, city.id, 10, uniq('部分入会之家'), 12); // 10 of 12 = 83.3%
    expect(full).toMatchObject({ memberCount: 10, workerCount: 11 });
    const c = await openCampaign(adminToken, city.id, 1800e3);
    for (const h of [full, partial]) {
      await rateMany(c.id, h.id, 9, 'satisfied');
      await rateMany(c.id, h.id, 1, 'dissatisfied');
    }
    await moveCampaign(adminToken, c.id, 'close');
    // 9 of 10 = 90% satisfied
    const d = async (id: string) => (await api().get(`/api/homes/${id}/dashboard?campaignId=${c.id}`, { token: adminToken })).body.title;
    expect(await d(full.id)).toBe('national_model');
    expect(await d(partial.id)).toBe('model');
    const org = await api().get(`/api/orgs/${city.id}/dashboard?campaignId=${c.id}`, { token: adminToken });
    expect(org.body.tiers).toMatchObject({ national_model: 1, model: 1 });
  });

  it('gives 合格 at exactly 70% through the API', async () => {
    const { adminToken, city } = await freshCity();
    const home = await createHome(adminToken, city.id, 10);
    const c = await openCampaign(adminToken, city.id, 1800e3);
    await rateMany(c.id, home.id, 7, 'satisfied');
    await rateMany(c.id, home.id, 3, 'dissatisfied');
    await moveCampaign(adminToken, c.id, 'close');
    const d = await api().get(`/api/homes/${home.id}/dashboard?campaignId=${c.id}`, { token: adminToken });
    expect(d.body.satisfaction.rate).toBe(0.7);
    expect(d.body.title).toBe('qualified');
    expect(d.body.tier).toEqual({ current: 'qualified', next: 'advanced', gap: 0.1 });
    const org = await api().get(`/api/orgs/${city.id}/dashboard?campaignId=${c.id}`, { token: adminToken });
    expect(org.body.tiers.qualified).toBe(1);
  });
});
