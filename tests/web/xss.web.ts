// Members' comments holding markup, in the real H5 build: the federation's review list (held comments)
// and the chair's comments page show the text literally and run nothing. Grievance text is checked the
// same way in grievance.web.ts.
import { launchBrowser, Page, watchErrors } from '../support/browser';
import { api, memberToken, staffToken, text, uniq } from './fixtures';
import { STAFF } from './global-setup';
import { scoresOf } from '../support/scores';
import { confirmedMove } from '../support/campaigns';

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  '<svg onload="window.__xss=3"></svg>',
  '<b>粗体</b>&amp;',
];
const url = (path: string) => `${process.env.PINGJIA_URL}${path}`;

async function expectNothingRan(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  // No element came from the comment's markup.
  expect(await page.locator('.taro_page_show img[src="x"], .taro_page_show svg[onload], .taro_page_show b').count()).toBe(0);
}

describe('comments holding markup are shown as text', () => {
  let page: Page;
  let errors: string[];
  let close: () => Promise<void>;
  let cityId = '';
  let homeId = '';
  let campaignId = '';

  beforeAll(async () => {
    const { token, provinceId } = await staffToken();
    const city = await api().post('/api/orgs', { token, body: { parentId: provinceId, name: uniq('留言市'), level: 'city' } });
    cityId = city.body.id;
    const home = await api().post('/api/homes', {
      token,
      body: { orgId: cityId, name: uniq('留言厂工会'), kind: 'enterprise', memberCount: 20, membershipMode: 'open' },
    });
    homeId = home.body.id;
    const now = Date.now();
    const c = await api().post('/api/campaigns', {
      token,
      body: {
        orgId: cityId,
        name: uniq('留言评家'),
        opensAt: new Date(now - 3600e3).toISOString(),
        closesAt: new Date(now + 86400e3).toISOString(),
      },
    });
    campaignId = c.body.id;
    expect((await api().post(`/api/campaigns/${campaignId}/open`, { token })).status).toBe(200);
    // Ten comments (the least that is shown), four of them markup.
    for (let i = 0; i < 10; i++) {
      const comment = PAYLOADS[i] ?? `普通留言${i}`;
      const res = await api().put(`/api/campaigns/${campaignId}/homes/${homeId}/my-rating`, {
        token: await memberToken(),
        body: { scores: scoresOf(4), verdict: 'satisfied', comment },
      });
      expect(res.status).toBe(201);
    }
    // Comments, held ones included, are shown once the cycle is closed (while open, a new one could be matched to its rating).
    expect((await confirmedMove(api(), token, campaignId, 'close')).status).toBe(200);
    const b = await launchBrowser();
    page = await b.browser.newPage();
    close = b.close;
    errors = watchErrors(page);
  });
  afterAll(() => close?.());

  it('shows the federation the held comments literally, and nothing runs', async () => {
    await page.goto(url(`/oversight/pages/held/index?orgId=${cityId}`));
    await page.locator('#login-username input').fill(STAFF.username);
    await page.locator('#login-password input').fill(STAFF.password);
    await page.locator('#login-submit').click();
    await page.locator('[id^="held-text-"]').first().waitFor({ state: 'visible', timeout: 20_000 });
    const shown = await page.locator('[id^="held-text-"]').allInnerTexts();
    for (const p of PAYLOADS) expect(shown).toContain(p);
    await expectNothingRan(page);
  });

  it("shows the home's comments page (what its chair reads) literally, and nothing runs", async () => {
    const { token } = await staffToken();
    const held = await api().get(`/api/orgs/${cityId}/held-comments?pageSize=100`, { token });
    for (const h of held.body.items) expect((await api().post(`/api/comments/${h.id}/approve`, { token })).status).toBe(204);
    await page.goto(url(`/oversight/pages/comments/index?homeId=${homeId}&campaignId=${campaignId}`));
    await text(page, '#comments-list');
    const shown = await page.locator('[id^="comment-"]:not([id^="comments"])').allInnerTexts();
    for (const p of PAYLOADS) expect(shown.map((s) => s.trim())).toContain(p);
    await expectNothingRan(page);
  });

  it('logged no errors', () => {
    expect(errors).toEqual([]);
  });
});
