// The campaign lifecycle (issue 18 items 1-2) and the member count frozen per cycle (issue 17) on the
// shared server (SQLite, or MariaDB with TEST_DATABASE_URL): draft → scheduled → open → closed →
// published, edits only before opening, cancel a draft, extend while open, field errors that say what is
// wrong, the owner-naming confirmation, a city admin refused on the province's cycle, the overlap rule.
// The timed moves across restarts and instances are in campaign-schedule.api.ts.
import { admin, api, uniq } from './fixtures';
import { grievanceFixtures } from './grievances.fixtures';
import { createHome, createOrg, rateMany } from './oversight.fixtures';
import { confirmedMove } from '../support/campaigns';

const DAY = 86400e3;
const iso = (ms: number) => new Date(ms).toISOString();
const target = { dataDir: process.env.PINGJIA_DATA_DIR, url: process.env.TEST_DATABASE_URL };
const fx = grievanceFixtures(api(), target);

async function createCampaign(token: string, orgId: string, opensAt: number, closesAt: number, name = uniq('周期')) {
  return api().post('/api/campaigns', { token, body: { orgId, name, opensAt: iso(opensAt), closesAt: iso(closesAt) } });
}

async function cityWithHomes(token: string, provinceId: string, n = 2, memberCount = 40) {
  const city = await createOrg(token, provinceId, 'city', uniq('周期市'));
  const homes = [];
  for (let i = 0; i < n; i++) homes.push(await createHome(token, city.id, memberCount, uniq(`周期之家${i}`)));
  return { city, homes };
}

describe('campaign lifecycle', () => {
  it('says which field is wrong and why: end before start, end already past, a schedule starting in the past', async () => {
    const { token, provinceId } = await admin();
    const { city } = await cityWithHomes(token, provinceId, 1);
    const now = Date.now();
    const reversed = await createCampaign(token, city.id, now + 10 * DAY, now + 5 * DAY);
    expect([reversed.status, reversed.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(reversed.body.fields).toEqual({ closesAt: '结束时间必须晚于开始时间' });
    const past = await createCampaign(token, city.id, now - 10 * DAY, now - 5 * DAY);
    expect(past.body.fields).toEqual({ closesAt: '结束时间已过，请选择以后的日期' });
    const garbled = await api().post('/api/campaigns', {
      token,
      body: { orgId: city.id, name: '乱写日期', opensAt: '2026-13-45', closesAt: iso(now + DAY) },
    });
    expect(garbled.status).toBe(400);
    expect(garbled.body.fields.opensAt).toMatch(/不是有效的时间/);

    // A draft may start in the past (opening it starts it now); scheduling needs a start still ahead.
    const draft = await createCampaign(token, city.id, now - DAY, now + 5 * DAY);
    expect(draft.status).toBe(201);
    const schedule = await api().post(`/api/campaigns/${draft.body.id}/schedule`, { token });
    expect([schedule.status, schedule.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(schedule.body.fields.opensAt).toMatch(/开始时间已过/);
    expect((await api().get(`/api/campaigns/${draft.body.id}`, { token })).body.status).toBe('draft');
  });

  it('edits name, dates and scope while draft or scheduled, cancels a draft, and refuses both once open', async () => {
    const { token, provinceId } = await admin();
    const { city } = await cityWithHomes(token, provinceId, 1);
    const county = await createOrg(token, city.id, 'county', uniq('周期县'));
    const now = Date.now();
    const c = await createCampaign(token, city.id, now + 10 * DAY, now + 20 * DAY, uniq('改前'));
    expect(c.status).toBe(201);
    const renamed = await api().put(`/api/campaigns/${c.body.id}`, {
      token,
      body: { name: '改后的名称', orgId: county.id, closesAt: iso(now + 25 * DAY) },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: '改后的名称', orgId: county.id, status: 'draft', closesAt: iso(now + 25 * DAY) });
    expect((await api().post(`/api/campaigns/${c.body.id}/schedule`, { token })).body.status).toBe('scheduled');
    const moved = await api().put(`/api/campaigns/${c.body.id}`, { token, body: { opensAt: iso(now + 12 * DAY) } });
    expect([moved.status, moved.body.status, moved.body.opensAt]).toEqual([200, 'scheduled', iso(now + 12 * DAY)]);
    // a scheduled cycle may not be moved to a start already past
    const backwards = await api().put(`/api/campaigns/${c.body.id}`, { token, body: { opensAt: iso(now - DAY) } });
    expect(backwards.body.fields?.opensAt).toMatch(/开始时间已过/);

    // Opened early by hand: it starts now and can no longer be edited or cancelled.
    const opened = await api().post(`/api/campaigns/${c.body.id}/open`, { token });
    expect(opened.status).toBe(200);
    expect(Date.parse(opened.body.opensAt)).toBeLessThanOrEqual(Date.now());
    const late = await api().put(`/api/campaigns/${c.body.id}`, { token, body: { name: '开始后再改' } });
    expect([late.status, late.body.code]).toEqual([409, 'STATE_CONFLICT']);
    expect((await api().post(`/api/campaigns/${c.body.id}/cancel`, { token })).status).toBe(409);
    expect((await api().get(`/api/campaigns/${c.body.id}`, { token })).body.name).toBe('改后的名称');

    const spare = await createCampaign(token, county.id, now + 40 * DAY, now + 50 * DAY);
    const cancelled = await api().post(`/api/campaigns/${spare.body.id}/cancel`, { token });
    expect([cancelled.status, cancelled.body.status]).toEqual([200, 'cancelled']);
    expect((await api().post(`/api/campaigns/${spare.body.id}/open`, { token })).status).toBe(409);
  });

  it('extends an open cycle only to a later close', async () => {
    const { token, provinceId } = await admin();
    const { city } = await cityWithHomes(token, provinceId, 1);
    const now = Date.now();
    const c = await createCampaign(token, city.id, now - 3600e3, now + 10 * DAY);
    await api().post(`/api/campaigns/${c.body.id}/open`, { token });
    const earlier = await api().post(`/api/campaigns/${c.body.id}/extend`, { token, body: { closesAt: iso(now + 5 * DAY) } });
    expect([earlier.status, earlier.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(earlier.body.fields.closesAt).toMatch(/必须晚于原结束时间/);
    const later = await api().post(`/api/campaigns/${c.body.id}/extend`, { token, body: { closesAt: iso(now + 15 * DAY) } });
    expect([later.status, later.body.status, later.body.closesAt]).toEqual([200, 'open', iso(now + 15 * DAY)]);
  });

  it('names the campaign, its owner and how many homes it covers before closing and publishing', async () => {
    const { token, provinceId } = await admin();
    const { city, homes } = await cityWithHomes(token, provinceId, 3);
    const now = Date.now();
    const c = await createCampaign(token, city.id, now - 3600e3, now + 10 * DAY, uniq('确认周期'));
    await api().post(`/api/campaigns/${c.body.id}/open`, { token });
    const confirm = await api().get(`/api/campaigns/${c.body.id}/confirmation`, { token });
    expect(confirm.status).toBe(200);
    expect(confirm.body).toEqual({
      campaign: expect.objectContaining({ id: c.body.id, name: c.body.name, status: 'open' }),
      owner: { id: city.id, name: city.name },
      homes: homes.length,
    });
    // A home added while the cycle runs joins it: the close counts and freezes it too.
    await createHome(token, city.id, 10);
    // The server holds the admin to what was confirmed: a close confirmed before the home came names the
    // old count and is refused; one without a confirmation, or naming another cycle, too; nothing changes.
    const path = `/api/campaigns/${c.body.id}/close`;
    const stale = await api().post(path, { token, body: { name: c.body.name, homes: homes.length } });
    expect([stale.status, stale.body.code]).toEqual([409, 'CONFIRMATION_MISMATCH']);
    expect(stale.body.fields).toEqual({ homes: `评议周期现在覆盖 ${homes.length + 1} 个职工之家` });
    const bare = await api().post(path, { token });
    expect([bare.status, bare.body.code, Object.keys(bare.body.fields).sort()]).toEqual([400, 'VALIDATION_FAILED', ['homes', 'name']]);
    const other = await api().post(path, { token, body: { name: '另一个评议周期', homes: homes.length + 1 } });
    expect([other.status, other.body.fields]).toEqual([409, { name: `评议周期现在的名称是“${c.body.name}”` }]);
    expect((await api().get(`/api/campaigns/${c.body.id}`, { token })).body.status).toBe('open');

    expect((await confirmedMove(api(), token, c.body.id, 'close')).status).toBe(200);
    expect((await api().get(`/api/campaigns/${c.body.id}/confirmation`, { token })).body.homes).toBe(homes.length + 1);
    const publish = `/api/campaigns/${c.body.id}/publish`;
    const unconfirmed = await api().post(publish, { token, body: { name: c.body.name } });
    expect([unconfirmed.status, Object.keys(unconfirmed.body.fields)]).toEqual([400, ['homes']]);
    expect((await api().get(`/api/campaigns/${c.body.id}`, { token })).body.status).toBe('closed');
    expect((await api().post(publish, { token, body: { name: c.body.name, homes: homes.length + 1 } })).body.status).toBe('published');
  });

  it("refuses a city admin on the province's campaign with a 403 naming the owner, and lists who owns each campaign", async () => {
    const { token: rootToken, provinceId } = await admin();
    const w = await fx.world();
    const demo = (await api().get(`/api/campaigns?orgId=${provinceId}`, { token: rootToken })).body.find(
      (c: { orgId: string; status: string }) => c.orgId === provinceId && c.status === 'open',
    );
    expect(demo).toBeDefined();
    const province = (await api().get(`/api/orgs/${provinceId}`, { token: rootToken })).body;

    const list = await api().get(`/api/campaigns?orgId=${w.city.id}`, { token: w.cityAdmin.token });
    const seen = list.body.find((c: { id: string }) => c.id === demo.id);
    expect(seen).toMatchObject({ owner: { id: provinceId, name: province.name }, manageable: false });

    for (const move of ['close', 'publish', 'cancel', 'schedule']) {
      const refused = await api().post(`/api/campaigns/${demo.id}/${move}`, { token: w.cityAdmin.token });
      expect([move, refused.status, refused.body.code]).toEqual([move, 403, 'FORBIDDEN']);
      expect(refused.body.message).toContain(province.name);
    }
    const edit = await api().put(`/api/campaigns/${demo.id}`, { token: w.cityAdmin.token, body: { name: '市里改名' } });
    expect(edit.status).toBe(403);
    expect((await api().get(`/api/campaigns/${demo.id}/confirmation`, { token: w.cityAdmin.token })).status).toBe(403);
    // ...and nothing changed
    expect((await api().get(`/api/campaigns/${demo.id}`, { token: rootToken })).body).toMatchObject({ status: 'open', name: demo.name });
    // A member or a chair learns nothing of it.
    expect((await api().post(`/api/campaigns/${demo.id}/close`, { token: w.chairA.token })).status).toBe(404);
  });

  it('refuses a second campaign over the same homes at the same time, naming the campaign and homes', async () => {
    const { token, provinceId } = await admin();
    const { city, homes } = await cityWithHomes(token, provinceId, 2);
    const county = await createOrg(token, city.id, 'county', uniq('重叠县'));
    const countyHome = await createHome(token, county.id, 30, uniq('县里之家'));
    const now = Date.now();
    const first = await createCampaign(token, city.id, now + 10 * DAY, now + 20 * DAY, uniq('先排的周期'));
    await api().post(`/api/campaigns/${first.body.id}/schedule`, { token });

    // the county's home is in the city's cycle: a county cycle in the same days clashes with it
    const clash = await createCampaign(token, county.id, now + 15 * DAY, now + 25 * DAY);
    expect([clash.status, clash.body.code]).toEqual([409, 'CAMPAIGN_OVERLAP']);
    expect(clash.body.message).toContain(first.body.name);
    expect(clash.body.message).toContain(countyHome.name);
    expect(clash.body.fields.opensAt).toContain(first.body.name);
    // the city over the same days from above: the clash names the city's homes
    const twin = await createCampaign(token, city.id, now + 12 * DAY, now + 14 * DAY);
    expect(twin.status).toBe(409);
    expect([...homes, countyHome].some((h) => twin.body.message.includes(h.name))).toBe(true);

    // back to back is no overlap (the window ends before the next starts)
    const after = await createCampaign(token, county.id, now + 20 * DAY, now + 30 * DAY);
    expect(after.status).toBe(201);
    // a draft planned in the same days is allowed; scheduling or opening it is not, and moving the
    // first cycle's dates onto the later one is refused too
    await api().post(`/api/campaigns/${after.body.id}/schedule`, { token });
    const stretch = await api().put(`/api/campaigns/${first.body.id}`, { token, body: { closesAt: iso(now + 22 * DAY) } });
    expect([stretch.status, stretch.body.code]).toEqual([409, 'CAMPAIGN_OVERLAP']);
    expect(stretch.body.message).toContain(after.body.name);

    // an org whose homes are in no cycle is free
    const otherCity = await cityWithHomes(token, provinceId, 1);
    expect((await createCampaign(token, otherCity.city.id, now + 12 * DAY, now + 14 * DAY)).status).toBe(201);
  });

  it('lets only one of two overlapping schedules sent at the same moment through (the check takes turns per province)', async () => {
    const { token, provinceId } = await admin();
    const now = Date.now();
    // Several rounds: on MariaDB, without the turn-taking, both schedules of a round see no clash and pass.
    for (let round = 0; round < 4; round++) {
      const { city } = await cityWithHomes(token, provinceId, 1);
      const pair = [
        await createCampaign(token, city.id, now + 2 * DAY, now + 10 * DAY, uniq('同时甲')),
        await createCampaign(token, city.id, now + 5 * DAY, now + 12 * DAY, uniq('同时乙')),
      ];
      const answers = await Promise.all(pair.map((c) => api().post(`/api/campaigns/${c.body.id}/schedule`, { token })));
      expect(answers.map((r) => [r.status, r.body.code ?? null]).sort()).toEqual([
        [200, null],
        [409, 'CAMPAIGN_OVERLAP'],
      ]);
      // The refused one stays a draft, and its owner sees why in the answer (the other cycle's name).
      const refused = pair[answers.findIndex((r) => r.status === 409)].body;
      const passed = pair[answers.findIndex((r) => r.status === 200)].body;
      expect(answers.find((r) => r.status === 409)!.body.message).toContain(passed.name);
      expect((await api().get(`/api/campaigns/${refused.id}`, { token })).body.status).toBe('draft');
      expect((await api().get(`/api/campaigns/${passed.id}`, { token })).body.status).toBe('scheduled');
    }
  });

  it('refuses opening over a home that is in an open cycle, and refuses extending an open cycle onto a scheduled one', async () => {
    const { token, provinceId } = await admin();
    const { city, homes } = await cityWithHomes(token, provinceId, 1);
    const now = Date.now();
    const open = await createCampaign(token, city.id, now - 3600e3, now + 10 * DAY, uniq('进行中'));
    await api().post(`/api/campaigns/${open.body.id}/open`, { token });
    const next = await createCampaign(token, city.id, now + 11 * DAY, now + 20 * DAY, uniq('下一轮'));
    expect(next.status).toBe(201);
    expect((await api().post(`/api/campaigns/${next.body.id}/schedule`, { token })).status).toBe(200);
    // opening the next one now would run two cycles at once over the home
    const early = await api().post(`/api/campaigns/${next.body.id}/open`, { token });
    expect([early.status, early.body.code]).toEqual([409, 'CAMPAIGN_OVERLAP']);
    expect(early.body.message).toContain(open.body.name);
    expect(early.body.message).toContain(homes[0].name);
    expect((await api().get(`/api/campaigns/${next.body.id}`, { token })).body.status).toBe('scheduled');
    const extend = await api().post(`/api/campaigns/${open.body.id}/extend`, { token, body: { closesAt: iso(now + 12 * DAY) } });
    expect([extend.status, extend.body.code]).toEqual([409, 'CAMPAIGN_OVERLAP']);
    expect(extend.body.message).toContain(next.body.name);
  });
});

describe('member count frozen into each cycle (issue 17)', () => {
  it("keeps a cycle's participation, roll-up and member limit on the count it opened with when the home's count changes", async () => {
    const { token, provinceId } = await admin();
    const { city, homes } = await cityWithHomes(token, provinceId, 1, 10);
    const home = homes[0];
    const now = Date.now();
    const first = await createCampaign(token, city.id, now - 3600e3, now + 10 * DAY, uniq('第一轮'));
    await api().post(`/api/campaigns/${first.body.id}/open`, { token });
    await rateMany(first.body.id, home.id, 5, 'satisfied');

    // The home's member count is corrected afterwards.
    expect((await api().put(`/api/homes/${home.id}`, { token, body: { memberCount: 1000 } })).status).toBe(200);
    const homeDashboard = async (campaignId: string) =>
      (await api().get(`/api/homes/${home.id}/dashboard?campaignId=${campaignId}`, { token })).body;
    const leagueRow = async (campaignId: string) =>
      (await api().get(`/api/orgs/${city.id}/dashboard?campaignId=${campaignId}`, { token })).body;

    expect((await homeDashboard(first.body.id)).participation.members).toBe(10);
    expect((await leagueRow(first.body.id)).totals.members).toBe(10);
    expect((await confirmedMove(api(), token, first.body.id, 'close')).status).toBe(200);
    const closed = await homeDashboard(first.body.id);
    // 5 of 10 took part: 50%, valid, a title earned on the count it opened with
    expect(closed.participation).toMatchObject({ ratings: 5, members: 10, rate: 0.5, valid: true });
    expect(closed.title).not.toBeNull();
    const league = await leagueRow(first.body.id);
    expect(league.totals).toMatchObject({ members: 10, participationRate: 0.5 });
    expect(league.league.items.find((r: { id: string }) => r.id === home.id)).toMatchObject({ members: 10, valid: true });

    // The next cycle opens with the new count.
    const second = await createCampaign(token, city.id, now - 1800e3, now + 20 * DAY, uniq('第二轮'));
    await api().post(`/api/campaigns/${second.body.id}/open`, { token });
    expect((await homeDashboard(second.body.id)).participation.members).toBe(1000);
    const trend = (await homeDashboard(second.body.id)).trend;
    expect(trend.find((p: { campaign: { id: string } }) => p.campaign.id === first.body.id).participationRate).toBe(0.5);
  });

  it('refuses ratings past the member count the open cycle froze, however the count is edited meanwhile', async () => {
    const { token, provinceId } = await admin();
    const { city, homes } = await cityWithHomes(token, provinceId, 1, 2);
    const now = Date.now();
    const c = await createCampaign(token, city.id, now - 3600e3, now + 10 * DAY);
    await api().post(`/api/campaigns/${c.body.id}/open`, { token });
    expect((await api().put(`/api/homes/${homes[0].id}`, { token, body: { memberCount: 100 } })).status).toBe(200);
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const m = await fx.person();
      const r = await api().put(`/api/campaigns/${c.body.id}/homes/${homes[0].id}/my-rating`, {
        token: m.token,
        body: { scores: { organization: 4, rights: 4, work: 4, role: 4, trust: 4 }, verdict: 'satisfied' },
      });
      statuses.push(r.body.code ?? r.status);
    }
    expect(statuses).toEqual([201, 201, 'RATINGS_EXCEED_MEMBERS']);
  });
});
