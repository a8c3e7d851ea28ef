// Province settings (issue 18 item 3). This suite changes its province's settings, which would move
// every other suite's figures: it runs its own server and database.
import { DEFAULT_PROVINCE_SETTINGS, ProvinceSettings } from '@pingjia/shared';
import { randomBytes } from 'node:crypto';
import { scores } from './oversight.fixtures';
import { ADMIN } from './global-setup';
import { createHomeOn, OwnServer, openCampaignOn, startOwnServer } from './own-server';
import { confirmedMove } from '../support/campaigns';

let own: OwnServer;
let token = '';
let provinceId = '';

beforeAll(async () => {
  own = await startOwnServer('settings');
  const login = await own.api.post('/api/auth/password', { body: ADMIN });
  token = login.body.token;
  provinceId = login.body.user.roles.find((r: any) => r.role === 'federation_admin').orgId;
}, 120_000);
afterAll(() => own?.close());

const copy = (): ProvinceSettings => JSON.parse(JSON.stringify(DEFAULT_PROVINCE_SETTINGS));
const uniq = (label: string) => `${label}${randomBytes(3).toString('hex')}`;
const settingsOf = async (orgId = provinceId, as = token) => own.api.get(`/api/orgs/${orgId}/settings`, { token: as });
const put = (settings: unknown, orgId = provinceId) => own.api.put(`/api/orgs/${orgId}/settings`, { token, body: { settings } });

async function createOrg(parentId: string, level: string) {
  const res = await own.api.post('/api/orgs', { token, body: { parentId, name: uniq('设置测试'), level } });
  expect(res.status).toBe(201);
  return res.body;
}

const createHome = (orgId: string, memberCount: number) => createHomeOn(own.api, token, orgId, uniq('设置测试职工之家'), memberCount);

async function rate(campaignId: string, homeId: string, n: number, verdict: string) {
  for (let i = 0; i < n; i++) {
    const m = await own.api.post('/api/auth/dev', { body: { openid: `m_${randomBytes(8).toString('hex')}` } });
    const res = await own.api.put(`/api/campaigns/${campaignId}/homes/${homeId}/my-rating`, {
      token: m.body.token,
      body: { scores: scores(4), verdict },
    });
    expect(res.status).toBe(201);
  }
}

const move = async (id: string, step: 'close' | 'publish') => expect((await confirmedMove(own.api, token, id, step)).status).toBe(200);

describe('province settings', () => {
  it('reads the defaults until the province sets its own, from any org of the province', async () => {
    const city = await createOrg(provinceId, 'city');
    const view = await settingsOf(city.id);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ provinceId, editable: true, defaults: DEFAULT_PROVINCE_SETTINGS });
    expect(view.body.settings.thresholds).toEqual((await settingsOf()).body.settings.thresholds);
  });

  it('refuses suppression sizes below 5 ratings and 10 comments with field errors, and changes nothing', async () => {
    const before = (await settingsOf()).body.settings;
    const s = copy();
    s.thresholds.minSlice = 4;
    s.thresholds.minComments = 9;
    s.thresholds.qualifiedBp = 7100;
    const res = await put(s);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.body.fields).sort()).toEqual(['thresholds.minComments', 'thresholds.minSlice']);
    expect((await settingsOf()).body.settings).toEqual(before);
  });

  it('refuses a change made below the province (settings are per province)', async () => {
    const city = await createOrg(provinceId, 'city');
    const res = await put(copy(), city.id);
    expect(res.status).toBe(403);
  });

  it('keeps a change and audits it with what changed', async () => {
    const s = (await settingsOf()).body.settings as ProvinceSettings;
    s.grievances.levels.city.handleDays = s.grievances.levels.city.handleDays + 1;
    const res = await put(s);
    expect(res.status).toBe(200);
    expect(res.body.settings.grievances.levels.city.handleDays).toBe(s.grievances.levels.city.handleDays);
    expect(res.body.updatedAt).toEqual(expect.any(String));
    const log = await own.api.get(`/api/orgs/${provinceId}/audit?pageSize=50`, { token });
    const entry = log.body.items.find((e: any) => e.action === 'settings.update');
    expect(entry).toBeDefined();
    expect(JSON.stringify(entry)).toContain('grievances.levels.city.handleDays');
  });

  it('freezes the settings into a campaign when it opens: a later change moves neither its result nor its published title', async () => {
    const city = await createOrg(provinceId, 'city');
    const home = await createHome(city.id, 10);
    const cycle = await openCampaignOn(own.api, token, city.id);
    // 6 of 8 satisfied: 75%, a valid cycle (8 of 10 members) → 合格 at 70%, nothing at 80%
    await rate(cycle.id, home.id, 6, 'satisfied');
    await rate(cycle.id, home.id, 2, 'dissatisfied');

    const raised = (await settingsOf()).body.settings as ProvinceSettings;
    raised.thresholds.qualifiedBp = 8000;
    raised.thresholds.minSlice = 9;
    expect((await put(raised)).status).toBe(200);

    await move(cycle.id, 'close');
    await move(cycle.id, 'publish');
    const dash = await own.api.get(`/api/homes/${home.id}/dashboard?campaignId=${cycle.id}`, { token });
    expect(dash.status).toBe(200);
    expect(dash.body).toMatchObject({ title: 'qualified', satisfaction: { rate: 0.75 }, thresholds: DEFAULT_PROVINCE_SETTINGS.thresholds });
    const league = await own.api.get(`/api/orgs/${city.id}/dashboard?campaignId=${cycle.id}`, { token });
    expect(league.body.tiers.qualified).toBe(1);
    expect(league.body.league.items[0]).toMatchObject({ id: home.id, title: 'qualified', satisfactionRate: 0.75 });
    const published = await own.api.get(`/api/homes/${home.id}/results`);
    expect(published.body.results).toMatchObject({ title: 'qualified', satisfactionRate: 0.75 });

    // A cycle opened after the change uses it: the same answers earn nothing, and 8 ratings are too few to show.
    const later = await openCampaignOn(own.api, token, (await createOrg(provinceId, 'city')).id);
    const city2 = (await own.api.get(`/api/campaigns/${later.id}`, { token })).body.orgId;
    const home2 = await createHome(city2, 10);
    await rate(later.id, home2.id, 6, 'satisfied');
    await rate(later.id, home2.id, 2, 'dissatisfied');
    await move(later.id, 'close');
    const after = await own.api.get(`/api/homes/${home2.id}/dashboard?campaignId=${later.id}`, { token });
    expect(after.body).toMatchObject({ title: null, satisfaction: null, withheld: true, thresholds: { qualifiedBp: 8000, minSlice: 9 } });

    // and the first cycle still reads as it did
    const again = await own.api.get(`/api/homes/${home.id}/dashboard?campaignId=${cycle.id}`, { token });
    expect(again.body).toMatchObject({ title: 'qualified', satisfaction: { rate: 0.75 } });
  });

  it("counts a plan's 认可/不认可 with the campaign's frozen suppression size, not the defaults or today's", async () => {
    const seven = copy();
    seven.thresholds.minSlice = 7;
    expect((await put(seven)).status).toBe(200);
    const city = await createOrg(provinceId, 'city');
    const home = await createHome(city.id, 40);
    const cycle = await openCampaignOn(own.api, token, city.id);
    expect((await put(copy())).status).toBe(200); // back to 5 today: the cycle keeps 7
    await rate(cycle.id, home.id, 8, 'satisfied');
    await move(cycle.id, 'close');

    const invite = await own.api.post(`/api/homes/${home.id}/invites`, { token, body: { role: 'chair' } });
    expect(invite.status).toBe(201);
    const chair = await own.api.post(`/api/invites/${invite.body.code}/accept`, {
      body: { username: uniq('chair_'), password: 'chair-password-123' },
    });
    expect(chair.status).toBe(200);
    const planPath = `/api/campaigns/${cycle.id}/homes/${home.id}/rectification`;
    expect((await own.api.post(planPath, { token: chair.body.token, body: { plan: '一、按月公开工会经费' } })).status).toBe(200);
    await move(cycle.id, 'publish');

    const base = `/api/campaigns/${cycle.id}/homes/${home.id}/endorsements`;
    const endorse = async (n: number, verdict: 'agree' | 'disagree') => {
      for (let i = 0; i < n; i++) {
        const m = await own.api.post('/api/auth/dev', { body: { openid: `e_${randomBytes(8).toString('hex')}` } });
        expect((await own.api.put(`${base}/mine`, { token: m.body.token, body: { verdict } })).status).toBe(200);
      }
    };
    await endorse(6, 'agree');
    // 6 answered: 5 under the defaults, 0 under the cycle's 7
    expect((await own.api.get(base)).body).toEqual({ open: true, responded: 0, agree: null, disagree: null });
    await endorse(1, 'agree');
    expect((await own.api.get(base)).body.responded).toBe(7);
    await endorse(5, 'disagree');
    expect((await own.api.get(base)).body.responded).toBe(7);

    expect((await own.api.post(planPath, { token: chair.body.token, body: { progress: '经费已公开' } })).status).toBe(200);
    expect((await own.api.post(`${planPath}/sign-off`, { token })).status).toBe(200);
    // 7 认可 and 5 不认可: the defaults would release the split; the cycle's 7 withholds it
    expect((await own.api.get(base)).body).toEqual({ open: false, responded: 12, agree: null, disagree: null });
  });

  it("gives a cycle's homes the rectification plan's due day the province set when it opened", async () => {
    const zero = copy();
    zero.rectification.planDays = 0;
    const refused = await put(zero);
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.fields)).toEqual(['rectification.planDays']);

    const fortnight = copy();
    fortnight.rectification.planDays = 14;
    expect((await put(fortnight)).status).toBe(200);
    const city = await createOrg(provinceId, 'city');
    await createHome(city.id, 10);
    const cycle = await openCampaignOn(own.api, token, city.id);
    expect((await put(copy())).status).toBe(200); // 30 days today: the cycle keeps 14
    await move(cycle.id, 'close');
    const overview = await own.api.get(`/api/orgs/${city.id}/rectifications?campaignId=${cycle.id}`, { token });
    expect(overview.status).toBe(200);
    const closingDay = new Date(Date.parse((cycle as any).closesAt) + 8 * 3600e3);
    closingDay.setUTCDate(closingDay.getUTCDate() + 14);
    expect(overview.body.campaign.planDue).toBe(closingDay.toISOString().slice(0, 10));
  });
});
