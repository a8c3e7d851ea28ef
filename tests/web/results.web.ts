// Issue 19 item 1, results to members: after 公布结果 anyone who scans the home's code sees the published
// figures and title, the rectification plan, its progress reports and the federation's sign-off, as the
// server's public results endpoint gives them (the page recomputes nothing).
import { CRITERION_KEYS, TIER_LABELS, type CriterionKey, type PublicResults, type Verdict } from '@pingjia/shared';
import type { Page } from '../support/browser';
import { api, browserPage, cityWithCampaign, expectAccessible, homeUrl, memberToken, text, uniq } from './fixtures';
import { confirmedMove } from '../support/campaigns';

// Five of the home's ten members, each giving every criterion the same score: 5, 4, 4, 3, 2 (mean 3.60), and
// 4 of 5 satisfied or basically satisfied (80.0%).
const VERDICTS: Verdict[] = ['satisfied', 'satisfied', 'basically_satisfied', 'basically_satisfied', 'dissatisfied'];
const RATINGS = [5, 4, 4, 3, 2].map((score, i) => ({
  scores: Object.fromEntries(CRITERION_KEYS.map((k) => [k, score])) as Record<CriterionKey, number>,
  verdict: VERDICTS[i],
}));
const PLAN = uniq('整改方案：每季度召开会员座谈会，公开会费收支');
const PROGRESS = uniq('第一季度座谈会已召开');

describe('a member scanning the poster after 公布结果 sees the results and the rectification plan (H5)', () => {
  let close: () => Promise<void>;
  let page: Page;
  let errors: string[];
  let home: { id: string; name: string; sceneToken: string };
  let published: PublicResults;

  beforeAll(async () => {
    const city = await cityWithCampaign();
    home = city.home;
    const { token: admin, campaign } = city;
    for (const r of RATINGS) {
      const res = await api().put(`/api/campaigns/${campaign.id}/homes/${home.id}/my-rating`, { token: await memberToken(), body: r });
      expect(res.status).toBe(201);
    }
    for (const move of ['close', 'publish'] as const) expect((await confirmedMove(api(), admin, campaign.id, move)).status).toBe(200);
    // The home's chair posts the plan and a progress report; the federation signs it off.
    const chair = { username: uniq('results_chair_'), password: 'results-chair-password-1' };
    const invite = await api().post(`/api/homes/${home.id}/invites`, { token: admin, body: { role: 'chair' } });
    expect(invite.status).toBe(201);
    expect((await api().post(`/api/invites/${invite.body.code}/accept`, { body: chair })).status).toBe(200);
    const chairToken = (await api().post('/api/auth/password', { body: chair })).body.token;
    const rect = `/api/campaigns/${campaign.id}/homes/${home.id}/rectification`;
    expect((await api().post(rect, { token: chairToken, body: { plan: PLAN } })).status).toBe(200);
    expect((await api().post(rect, { token: chairToken, body: { progress: PROGRESS } })).status).toBe(200);
    expect((await api().post(`${rect}/sign-off`, { token: admin })).status).toBe(200);
    published = (await api().get(`/api/homes/${home.id}/results`)).body;

    ({ page, errors, close } = await browserPage());
  });
  afterAll(async () => {
    await close?.();
  });

  it('shows the published figures and title as the public endpoint gives them', async () => {
    expect(published.results?.valid).toBe(true);
    await page.goto(homeUrl(home.sceneToken));
    expect(await text(page, '#home-name')).toBe(home.name);
    expect(await text(page, '#results-campaign')).toContain('评议结果');
    expect(await text(page, '#results-satisfaction')).toContain('80.0%');
    expect(await text(page, '#results-participation')).toContain('50.0%');
    for (const key of CRITERION_KEYS) expect(await text(page, `#results-mean-${key}`)).toContain('3.60');
    expect(await text(page, '#results-title')).toContain(TIER_LABELS[published.results!.title!]);
    expect(await page.locator('#results-withheld').count()).toBe(0);
  });

  it('shows the rectification plan, its progress report and the sign-off', async () => {
    expect(await text(page, '#results-plan')).toBe(PLAN);
    expect(await text(page, '#results-update-0')).toContain(PROGRESS);
    expect(await text(page, '#results-signed-off')).toContain('验收');
    await expectAccessible(page);
  });

  it('a home whose cycle is not published shows no results card', async () => {
    const other = await cityWithCampaign();
    await page.goto(homeUrl(other.home.sceneToken));
    expect(await text(page, '#home-name')).toBe(other.home.name);
    expect(await page.locator('#home-results').count()).toBe(0);
  });

  it('logged no errors', () => {
    expect(errors).toEqual([]);
  });
});

// 认可/不认可 (issue 19 item 1): a member says whether the plan answers their concerns, before sign-off.
describe('a member gives 认可 to the rectification plan (H5)', () => {
  let close: () => Promise<void>;
  let page: Page;
  let errors: string[];
  let home: { id: string; sceneToken: string };
  let endorsements: string;
  let signOff: () => Promise<void>;

  beforeAll(async () => {
    const city = await cityWithCampaign();
    home = city.home;
    const { token: admin, campaign } = city;
    expect((await confirmedMove(api(), admin, campaign.id, 'close')).status).toBe(200);
    const chair = { username: uniq('endorse_chair_'), password: 'endorse-chair-password-1' };
    const invite = await api().post(`/api/homes/${home.id}/invites`, { token: admin, body: { role: 'chair' } });
    expect((await api().post(`/api/invites/${invite.body.code}/accept`, { body: chair })).status).toBe(200);
    const chairToken = (await api().post('/api/auth/password', { body: chair })).body.token;
    expect(
      (await api().post(`/api/campaigns/${campaign.id}/homes/${home.id}/rectification`, { token: chairToken, body: { plan: PLAN } }))
        .status,
    ).toBe(200);
    expect((await confirmedMove(api(), admin, campaign.id, 'publish')).status).toBe(200);
    endorsements = `/api/campaigns/${campaign.id}/homes/${home.id}/endorsements`;
    signOff = async () => {
      const rect = `/api/campaigns/${campaign.id}/homes/${home.id}/rectification`;
      expect((await api().post(rect, { token: chairToken, body: { progress: PROGRESS } })).status).toBe(200);
      expect((await api().post(`${rect}/sign-off`, { token: admin })).status).toBe(200);
    };
    // Four other members answered already: the browser's answer makes five, the first count shown.
    for (let i = 0; i < 4; i++)
      expect((await api().put(`${endorsements}/mine`, { token: await memberToken(), body: { verdict: 'agree' } })).status).toBe(200);
    ({ page, errors, close } = await browserPage());
  });
  afterAll(async () => {
    await close?.();
  });

  it('shows no count below 5, records 认可 in a success style, and counts it', async () => {
    await page.goto(homeUrl(home.sceneToken));
    expect(await text(page, '#endorsement-figures')).toContain('表态满 5 人后显示人数');
    await page.locator('#endorse-agree').click();
    expect(await text(page, '#endorsement-saved')).toContain('已记录您的意见：认可');
    expect(await page.locator('#endorsement-saved').getAttribute('class')).toContain('callout--success');
    await page.locator('#endorsement-figures', { hasText: '已有 5 余位会员表态' }).waitFor();
    expect((await api().get(endorsements)).body).toMatchObject({ open: true, responded: 5 });
    await expectAccessible(page);
  });

  it('keeps the answer across a reload and lets the member change it, without counting them twice', async () => {
    await page.reload();
    await page.locator('#endorse-agree[aria-checked="true"]').waitFor();
    await page.locator('#endorse-disagree').click();
    expect(await text(page, '#endorsement-saved')).toContain('不认可');
    await page.reload();
    await page.locator('#endorse-disagree[aria-checked="true"]').waitFor();
    expect(await page.locator('#endorse-agree').getAttribute('aria-checked')).toBe('false');
  });

  it('after sign-off shows the exact number who answered (5, not 6: the change replaced the answer) and no choice', async () => {
    await signOff();
    expect((await api().get(endorsements)).body).toEqual({ open: false, responded: 5, agree: null, disagree: null });
    await page.reload();
    expect(await text(page, '#endorsement-figures')).toContain('共 5 位会员表态');
    expect(await page.locator('#endorse-agree').count()).toBe(0);
  });

  it('logged no errors', () => {
    expect(errors).toEqual([]);
  });
});
