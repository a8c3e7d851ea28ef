// Issue 19 item 7, states that read right: an error the server did not word (a framework's or a proxy's
// English 500) reaches the member in Chinese and in the error style; a staff action that went through is
// said in the success style; the staff pages' tabs are browser history entries, so Back returns to the
// previous tab instead of leaving the site.
import type { Page } from '../support/browser';
import { bannerUrl, browserPage, classOf, colourOf, ERROR_COLOUR, FRAMEWORK_500, staffToken, SUCCESS_COLOUR, text, uniq } from './fixtures';
import { STAFF } from './global-setup';

const url = (path: string) => `${process.env.PINGJIA_URL}${path}`;

describe('states that read right (H5)', () => {
  let close: () => Promise<void>;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors, close } = await browserPage([
      /\/my-rating$/,
      { status: 500, path: /^\/api\/grievances$/ },
      { status: 400, path: /^\/api\/homes$/ },
    ]));
  });
  afterAll(async () => {
    await close?.();
  });

  it('a 500 with an English body on grievance submit is shown in Chinese, in the error style, and the draft is kept', async () => {
    await page.route('**/api/grievances', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify(FRAMEWORK_500) })
        : route.continue(),
    );
    await page.goto(bannerUrl('Rate a demo home'));
    await page.locator('#grievance-start').click();
    await page.locator('#grievance-type-complaint').click();
    await page.locator('#grievance-topic-wages').click();
    await page.locator('#grievance-content textarea').fill(`${uniq('状态测试')}：本单位从三月起拖欠工资，至今未发放。`);
    await page.locator('#grievance-anonymous-yes').click();
    await page.locator('#grievance-submit').click();

    const shown = await text(page, '#grievance-saved');
    expect(shown).toContain('服务暂时不可用，请稍后再试');
    expect(shown).toContain('已保存在本机');
    expect(shown).not.toMatch(/[A-Za-z]/);
    expect(await classOf(page, '#grievance-saved')).toContain('callout--error');
    expect(await colourOf(page, '#grievance-saved')).toBe(ERROR_COLOUR);
    expect(await page.locator('#grievance-saved').getAttribute('role')).toBe('alert');
    expect(await text(page, '#grievance-submit')).toBe('重新提交');
    await page.unroute('**/api/grievances');
  });

  it('a staff action that went through is said in the success style; one refused, in the error style and next to its field', async () => {
    const { provinceId } = await staffToken();
    await page.goto(url(`/oversight/pages/manage/index?orgId=${provinceId}`));
    await page.locator('#login-username input').fill(STAFF.username);
    await page.locator('#login-password input').fill(STAFF.password);
    await page.locator('#login-submit').click();

    await page.locator('#org-create').click(); // no name yet: refused before anything is sent
    expect(await text(page, '#org-notice')).toContain('请填写下级工会名称');
    expect(await classOf(page, '#org-notice')).toContain('callout--error');
    expect(await colourOf(page, '#org-notice')).toBe(ERROR_COLOUR);
    // ...and next to the field it is about.
    expect(await text(page, '#error-org-name')).toContain('请填写下级工会名称');

    // The server's own field messages (`fields`) land next to their fields: a member count past its maximum.
    await page.locator('#home-name input').fill(uniq('状态测试职工之家'));
    await page.locator('#home-members input').fill('20000000');
    await page.locator('#home-create').click();
    expect(await text(page, '#error-home-members')).toBe('超出允许范围');
    expect(await classOf(page, '#home-notice')).toContain('callout--error');
    expect(await page.locator('#error-home-name').count()).toBe(0);

    const cityName = uniq('状态测试市总工会');
    await page.locator('#org-name input').fill(cityName);
    await page.locator('#org-level-city').click();
    await page.locator('#org-create').click();
    await page.waitForFunction((name) => document.querySelector('#org-notice')?.textContent?.includes(name), cityName);
    expect(await text(page, '#org-notice')).toBe(`已创建「${cityName}」`);
    expect(await classOf(page, '#org-notice')).toContain('callout--success');
    expect(await classOf(page, '#org-notice')).not.toContain('callout--error');
    expect(await colourOf(page, '#org-notice')).toBe(SUCCESS_COLOUR);
    expect(await page.locator('#org-notice').getAttribute('role')).toBe('status');
  });

  it('browser Back walks back through the staff tabs and stays on the site', async () => {
    // The page swap is asynchronous: wait for the title wanted, then read it (strictly: one title only).
    const title = async (want: string) => {
      await page
        .waitForFunction((w) => document.querySelector('#ov-title')?.textContent?.trim() === w, want, { timeout: 10_000 })
        .catch(() => undefined);
      return text(page, '#ov-title');
    };
    const origin = new URL(process.env.PINGJIA_URL!).origin;
    expect(await title('组织与职工之家')).toBe('组织与职工之家');

    await page.locator('#fed-nav-campaigns').click();
    await page.waitForURL(/\/oversight\/pages\/campaigns\/index/);
    expect(await title('评议周期')).toBe('评议周期');
    await page.locator('#fed-nav-audit').click();
    await page.waitForURL(/\/oversight\/pages\/audit\/index/);
    expect(await title('操作日志')).toBe('操作日志');

    await page.goBack();
    await page.waitForURL(/\/oversight\/pages\/campaigns\/index/);
    expect(await title('评议周期')).toBe('评议周期');
    // One copy of each page in the document: the tab ids stay unique.
    expect(await page.locator('#fed-nav-audit').count()).toBe(1);

    await page.goBack();
    await page.waitForURL(/\/oversight\/pages\/manage\/index/);
    expect(await title('组织与职工之家')).toBe('组织与职工之家');
    expect(new URL(page.url()).origin).toBe(origin);

    // Forward again works too.
    await page.goForward();
    await page.waitForURL(/\/oversight\/pages\/campaigns\/index/);
    expect(await title('评议周期')).toBe('评议周期');
  });

  it('logged no errors beyond the 500 the test itself answered', () => {
    expect(errors).toEqual([]);
  });
});
