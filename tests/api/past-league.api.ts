// A cycle's league keeps the tree it was run on (issue 17): a closed or published cycle's league and
// roll-ups come from the homes frozen into it (campaign_homes: member count and place then), so a move
// or a deactivation afterwards leaves them as they were, while today's tree and an open cycle's
// figures follow the move and leave deactivated homes out.
import { admin, api, uniq } from './fixtures';
import { createHome, createOrg, moveCampaign, openCampaign, rateMany } from './oversight.fixtures';

type League = {
  items: Array<{ type: string; id: string; homes: number; ratings: number; satisfactionRate: number | null }>;
  total: number;
};

async function dashboard(token: string, orgId: string, campaignId: string, level: 'homes' | 'children' = 'homes') {
  const res = await api().get(`/api/orgs/${orgId}/dashboard?campaignId=${campaignId}&level=${level}&pageSize=50`, { token });
  expect(res.status).toBe(200);
  // The cycle's figures (integrity flags are today's checks, by today's tree).
  const { totals, tiers, league, lowParticipation, lostTitles } = res.body;
  return { totals, tiers, league, lowParticipation, lostTitles } as {
    totals: { homes: number; members: number; ratings: number };
    league: League;
  };
}

const ids = (l: League) => l.items.map((i) => i.id).sort();

/** A cycle over the org in which five members rate the home, closed and published. */
async function publishedCycle(token: string, orgId: string, homeId: string, verdict: 'satisfied' | 'dissatisfied', agoMs?: number) {
  const cycle = await openCampaign(token, orgId, agoMs);
  await rateMany(cycle.id, homeId, 5, verdict);
  await moveCampaign(token, cycle.id, 'close');
  await moveCampaign(token, cycle.id, 'publish');
  return cycle;
}

describe('league tables over time', () => {
  let token: string;
  let provinceId: string;
  beforeAll(async () => ({ token, provinceId } = await admin()));

  it('keeps a published cycle’s league and roll-ups after its homes move; today’s tree shows the move', async () => {
    const a = await createOrg(token, provinceId, 'city', uniq('旧市'));
    const b = await createOrg(token, provinceId, 'city', uniq('新市'));
    const county = await createOrg(token, a.id, 'county', uniq('旧县'));
    const direct = await createHome(token, a.id, 20);
    const below = await createHome(token, county.id, 10);
    const cycle = await publishedCycle(token, a.id, below.id, 'satisfied');
    const before = await dashboard(token, a.id, cycle.id);
    const rollups = await dashboard(token, a.id, cycle.id, 'children');
    // The county's own cycle after that one: its path is rewritten by the move, its homes' frozen paths are not.
    const own = await publishedCycle(token, county.id, below.id, 'dissatisfied');
    const countyBefore = await dashboard(token, county.id, own.id);
    expect(countyBefore.totals).toMatchObject({ homes: 1, ratings: 5 });
    expect(before.totals).toMatchObject({ homes: 2, members: 30, ratings: 5 });
    expect(rollups.league.items.find((i) => i.id === county.id)).toMatchObject({ homes: 1, ratings: 5, satisfactionRate: 1 });

    // Both homes go to city b, and the county under city b too.
    for (const h of [direct, below])
      expect((await api().post(`/api/homes/${h.id}/move`, { token, body: { parentId: b.id } })).status).toBe(200);
    expect((await api().post(`/api/orgs/${county.id}/move`, { token, body: { parentId: b.id } })).status).toBe(200);

    expect(await dashboard(token, a.id, cycle.id)).toEqual(before);
    expect(await dashboard(token, a.id, cycle.id, 'children')).toEqual(rollups);
    expect(await dashboard(token, county.id, own.id)).toEqual(countyBefore);

    const now = await api().get(`/api/orgs/${b.id}/children`, { token });
    expect(now.body.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([direct.id, county.id]));
    const next = await openCampaign(token, b.id);
    const current = await dashboard(token, b.id, next.id);
    expect(current.totals.homes).toBe(2);
    expect(ids(current.league)).toEqual([direct.id, below.id].sort());
  });

  it('leaves a deactivated home out of an open cycle’s dashboard and league, not out of a published one', async () => {
    const city = await createOrg(token, provinceId, 'city', uniq('停用市'));
    const county = await createOrg(token, city.id, 'county', uniq('停用县'));
    const stays = await createHome(token, city.id, 20);
    const goes = await createHome(token, county.id, 10);
    const past = await publishedCycle(token, city.id, goes.id, 'satisfied', 2 * 3600e3);
    const published = await dashboard(token, city.id, past.id);
    const publishedRollups = await dashboard(token, city.id, past.id, 'children');

    const open = await openCampaign(token, city.id);
    // the control: both homes count while both are active
    expect((await dashboard(token, city.id, open.id)).totals.homes).toBe(2);
    expect((await api().post(`/api/homes/${goes.id}/deactivate`, { token })).status).toBe(200);

    const current = await dashboard(token, city.id, open.id);
    expect(current.totals).toMatchObject({ homes: 1, members: 20 });
    expect(ids(current.league)).toEqual([stays.id]);
    const rollups = await dashboard(token, city.id, open.id, 'children');
    expect(rollups.league.items.find((i) => i.id === county.id)).toMatchObject({ homes: 0 });
    const confirmation = await api().get(`/api/campaigns/${open.id}/confirmation`, { token });
    expect(confirmation.body.homes).toBe(1);

    expect(await dashboard(token, city.id, past.id)).toEqual(published);
    expect(await dashboard(token, city.id, past.id, 'children')).toEqual(publishedRollups);
    expect(ids(published.league)).toEqual([stays.id, goes.id].sort());
  });
  it('keeps a moved home’s past cycles on its own dashboard and results page', async () => {
    const a = await createOrg(token, provinceId, 'city', uniq('迁出市'));
    const b = await createOrg(token, provinceId, 'city', uniq('迁入市'));
    const home = await createHome(token, a.id, 10);
    const cycle = await publishedCycle(token, a.id, home.id, 'satisfied');
    const homeDashboard = (campaignId?: string) =>
      api().get(`/api/homes/${home.id}/dashboard${campaignId ? `?campaignId=${campaignId}` : ''}`, { token });
    const before = await homeDashboard(cycle.id);
    expect(before.status).toBe(200);
    expect(before.body.participation.ratings).toBe(5);

    expect((await api().post(`/api/homes/${home.id}/move`, { token, body: { parentId: b.id } })).status).toBe(200);

    // The cycle of its old parent is still the home's: asked for, in its trend, and on the members' page.
    const asked = await homeDashboard(cycle.id);
    expect(asked.status).toBe(200);
    expect(asked.body.participation).toEqual(before.body.participation);
    expect(asked.body.satisfaction).toEqual(before.body.satisfaction);
    const latest = await homeDashboard();
    expect(latest.body.campaign?.id).toBe(cycle.id);
    expect(latest.body.trend.map((p: { campaign: { id: string } }) => p.campaign.id)).toContain(cycle.id);
    const results = await api().get(`/api/homes/${home.id}/results`);
    expect(results.status).toBe(200);
    expect(results.body.campaign?.id).toBe(cycle.id);
    expect(results.body.results.ratings).toBe(5);

    // A cycle that never covered it stays another's (the check above can refuse).
    const other = await createOrg(token, provinceId, 'city', uniq('无关市'));
    const foreign = await openCampaign(token, other.id);
    expect((await homeDashboard(foreign.id)).status).toBe(404);
  });
});
