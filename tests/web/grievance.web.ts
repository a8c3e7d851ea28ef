import { formatChinaDate, formatTrackingCode } from '@pingjia/shared';
import { launchBrowser, Page, watchErrors } from '../support/browser';
import { api, bannerUrl, expectAccessible, memberToken, nextToField, sceneLookup, text, uniq } from './fixtures';
import { STAFF } from './global-setup';

// A worker reports a grievance from the demo home's page, keeps the tracking code, the home's chair (invited
// for this suite) handles it in the queue, and the worker follows the timeline and rates the handling.
// Two browsers: the worker's phone and the chair's.
const XSS = '<img src=x onerror="window.__xss=1">';
const MARKER = uniq('浏览器诉求');
const CONTENT = `${MARKER}：本单位从三月起拖欠工资，至今未发放。${XSS}`;
const PHONE = '13800138000';
const EXTEND_REASON = '需要调取考勤记录核实';
const RESOLVE_MESSAGE = '已协调单位补发三月至今的工资';
const CHAIR = { username: uniq('web_chair_'), password: 'web-chair-password-123' };
const ACTIONS_PATH = /\/api\/grievances\/[^/]+\/actions$/;

const sceneOf = (url: string) => new URL(url).searchParams.get('scene')!;
const ariaDisabled = async (page: Page, selector: string) => (await page.locator(selector).getAttribute('aria-disabled')) === 'true';

/** Waits until the element reads exactly `want` (it may be on the page already with the old text). */
async function textBecomes(page: Page, selector: string, want: string): Promise<string> {
  await page
    .waitForFunction(([sel, w]) => document.querySelector(sel)?.textContent?.trim() === w, [selector, want] as const, { timeout: 20_000 })
    .catch(() => undefined);
  return text(page, selector);
}

/** The member token the H5 app keeps (Taro wraps stored values as {"data": …}). */
async function storedMemberToken(page: Page): Promise<string> {
  const raw = await page.evaluate(() => localStorage.getItem('pingjia.token'));
  return JSON.parse(raw ?? '{}').data;
}

async function chairToken(): Promise<string> {
  const res = await api().post('/api/auth/password', { body: CHAIR });
  if (res.status !== 200) throw new Error(`chair login: ${res.status} ${res.text}`);
  return res.body.token;
}

/** Checks that the grievance text is on the page as text: the payload neither became an element nor ran. */
async function expectLiteralContent(page: Page): Promise<void> {
  expect(await text(page, '#grievance-content')).toBe(CONTENT);
  expect(await page.locator('#grievance-content img').count()).toBe(0);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
}

describe('a worker reports a grievance, the chair handles it, the worker rates the handling', () => {
  let closeWorker: () => Promise<void>;
  let closeChair: () => Promise<void>;
  let worker: Page;
  let chair: Page;
  let workerErrors: string[];
  let chairErrors: string[];
  let homeId = '';
  let homeName = '';
  let created: { id: string; trackingCode: string; dueAt: string; acceptDueAt: string };
  let enquiryId = '';

  beforeAll(async () => {
    const { home } = await sceneLookup(sceneOf(bannerUrl('Rate a demo home')));
    homeId = home.id;
    homeName = (home as { id: string; name?: string }).name ?? '';
    expect(homeName).toContain('职工之家');
    // The demo admin (federation) invites a chair for the demo home, who sets up a password account.
    const admin = await api().post('/api/auth/password', { body: STAFF });
    const invite = await api().post(`/api/homes/${homeId}/invites`, { token: admin.body.token, body: { role: 'chair' } });
    expect(invite.status).toBe(201);
    const accepted = await api().post(`/api/invites/${invite.body.code}/accept`, { body: CHAIR });
    expect(accepted.status).toBe(200);

    const w = await launchBrowser();
    closeWorker = w.close;
    worker = await w.browser.newPage();
    workerErrors = watchErrors(worker);
    const c = await launchBrowser();
    closeChair = c.close;
    chair = await c.browser.newPage();
    chairErrors = watchErrors(chair, [{ status: 409, path: ACTIONS_PATH }]);
  });
  afterAll(async () => {
    await closeWorker?.();
    await closeChair?.();
  });

  it('opens "我要维权" from the demo home, with guidance on types, routing and anonymity, accessible', async () => {
    await worker.goto(bannerUrl('Rate a demo home'));
    await worker.locator('#grievance-start').click();
    expect(await text(worker, '#grievance-home')).toContain('职工之家');
    expect(await text(worker, '#grievance-type-complaint')).toContain('13 个工作日内办结');
    expect(await text(worker, '#grievance-type-enquiry')).toContain('3 个工作日内答复');
    expect(await text(worker, '#grievance-topic-note')).toContain('上级工会');
    expect(await text(worker, '#grievance-anonymous-yes')).toContain('查询码');
    expect(await text(worker, '#grievance-anonymous-no')).toContain('只有处理人');
    expect(await ariaDisabled(worker, '#grievance-submit')).toBe(true);
    await expectAccessible(worker);
  });

  it('counts the description live, and checks the phone with the shared rule', async () => {
    // The options work from the keyboard too (Taro's H5 controls are custom elements).
    await worker.locator('#grievance-type-enquiry').focus();
    await worker.keyboard.press('Enter');
    expect(await worker.locator('#grievance-type-enquiry').getAttribute('aria-checked')).toBe('true');
    await worker.locator('#grievance-type-complaint').click();
    expect(await worker.locator('#grievance-type-enquiry').getAttribute('aria-checked')).toBe('false');
    await worker.locator('#grievance-topic-wages').click();
    expect(await worker.locator('#grievance-topic-wages').getAttribute('aria-checked')).toBe('true');
    await worker.locator('#grievance-content textarea').fill('工资没发');
    expect(await text(worker, '#grievance-content-count')).toBe('4/2000');
    expect(await text(worker, '#error-grievance-content')).toContain('至少 10 个字');
    await worker.locator('#grievance-content textarea').fill(CONTENT);
    expect(await text(worker, '#grievance-content-count')).toBe(`${Array.from(CONTENT).length}/2000`);
    expect(await worker.locator('#error-grievance-content').count()).toBe(0);

    await worker.locator('#grievance-anonymous-no').click();
    await worker.locator('#grievance-contact input').fill('12345');
    expect(await text(worker, '#error-grievance-contact')).toContain('11 位手机号');
    expect(await ariaDisabled(worker, '#grievance-submit')).toBe(true);
    await worker.locator('#grievance-contact input').fill(PHONE);
    expect(await worker.locator('#error-grievance-contact').count()).toBe(0);
    expect(await ariaDisabled(worker, '#grievance-submit')).toBe(false);
    // The filled form: checked options, the phone field and an enabled button.
    await expectAccessible(worker);
  });

  it('keeps the draft when the answer is lost, and the retry (same Idempotency-Key) files only one grievance', async () => {
    const keys: string[] = [];
    let lost = 0;
    await worker.route('**/api/grievances', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push(route.request().headers()['idempotency-key']);
      if (lost++ > 0) return route.continue();
      // The server gets it and files it; the phone never hears back.
      await route.fetch();
      await route.abort('internetdisconnected');
    });
    await worker.locator('#grievance-submit').click();
    expect(await text(worker, '#grievance-saved')).toContain('网络连接失败');

    // Still there after the page is opened again (a restart of the mini-program).
    await worker.reload();
    expect(await worker.locator('#grievance-content textarea').inputValue()).toBe(CONTENT);
    expect(await worker.locator('#grievance-contact input').inputValue()).toBe(PHONE);
    expect(await text(worker, '#grievance-submit')).toBe('重新提交');

    const answer = worker.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/grievances');
    await worker.locator('#grievance-submit').click();
    const res = await answer;
    expect(res.status()).toBe(201);
    created = await res.json();
    await worker.unrouteAll({ behavior: 'ignoreErrors' });

    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[A-Za-z0-9_.:-]{8,128}$/);
    expect(keys[1]).toBe(keys[0]);
    const mine = await api().get('/api/grievances/mine', { token: await storedMemberToken(worker) });
    expect(mine.body.items.filter((g: { content: string }) => g.content.includes(MARKER))).toHaveLength(1);
  });

  it('shows the tracking code once, with a copy button, the due date and a warning to keep it', async () => {
    const code = formatTrackingCode(created.trackingCode);
    expect(await text(worker, '#grievance-code')).toBe(code);
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    expect(await text(worker, '#grievance-code-warning')).toContain('只显示这一次');
    // A limit ends at midnight: the last day is the one before.
    expect(await text(worker, '#grievance-due')).toBe(`办结期限：${formatChinaDate(Date.parse(created.dueAt) - 1)}（含当日）`);
    expect(await text(worker, '#grievance-accept-due')).toContain(formatChinaDate(Date.parse(created.acceptDueAt) - 1));
    await expectAccessible(worker);

    await worker.locator('#grievance-copy').click();
    expect(await text(worker, '#grievance-copy-result')).toContain('已复制');
    const copied = await worker.evaluate(() => localStorage.getItem('taro_clipboard'));
    expect(JSON.parse(copied ?? '{}').data).toBe(code);

    // Opened again, the code is gone: the server keeps only its hash, the device never stored it.
    await worker.reload();
    expect(await text(worker, '#grievance-done-gone')).toContain('只在提交成功时显示一次');
    expect(await worker.locator('#grievance-code').count()).toBe(0);
  });

  it('lets anyone holding the code see the status and public timeline, never the content', async () => {
    await chair.goto(`${process.env.PINGJIA_URL}/pages/grievance/track/index`);
    await chair.locator('#track-code input').fill('not-a-code');
    await chair.locator('#track-submit').click();
    expect(await text(chair, '#track-code-error')).toContain('20 位');
    // As people copy it down: lower case, with dashes.
    await chair.locator('#track-code input').fill(formatTrackingCode(created.trackingCode).toLowerCase());
    await chair.locator('#track-submit').click();
    expect(await text(chair, '#track-status')).toBe('待受理');
    expect(await text(chair, '#timeline-step-0')).toBe('提交诉求');
    expect(await chair.locator('body').innerText()).not.toContain(MARKER);
    expect(await chair.locator('body').innerText()).not.toContain(PHONE);
  });

  it('shows the chair the queue after logging in, soonest due first, with status filters', async () => {
    // An enquiry (3 working days) from another worker is due before the complaint (13).
    const other = await api().post('/api/grievances', {
      token: await memberToken(),
      body: { homeId, type: 'enquiry', topic: 'hours', content: `${MARKER}：加班费怎么计算？请工会解答。`, anonymous: true },
    });
    expect(other.status).toBe(201);
    enquiryId = other.body.id;

    await chair.goto(`${process.env.PINGJIA_URL}/pages/grievance/queue/index`);
    await chair.locator('#login-username input').fill(CHAIR.username);
    await chair.locator('#login-password input').fill(CHAIR.password);
    await chair.locator('#login-submit').click();
    await chair.locator('#queue-list').waitFor();
    const texts = await chair.locator('[id^="queue-item-text-"]').allInnerTexts();
    const enquiry = texts.findIndex((t) => t.includes('加班费'));
    const complaint = texts.findIndex((t) => t.includes('拖欠工资'));
    expect(enquiry).toBeGreaterThanOrEqual(0);
    expect(complaint).toBeGreaterThan(enquiry);
    expect(await text(chair, `#queue-item-status-${complaint}`)).toBe('待受理');
    expect(await chair.locator(`#queue-item-overdue-${complaint}`).count()).toBe(0);
    // The queue shows the text as text too.
    expect(await chair.locator('#queue-list img').count()).toBe(0);
    await expectAccessible(chair);

    await chair.locator('#queue-filter-status-closed').click();
    expect(await text(chair, '#queue-empty')).toContain('没有符合筛选条件');
    await chair.locator('#queue-filter-status-all').click();
    await chair.locator('#queue-filter-overdue-yes').click();
    expect(await text(chair, '#queue-empty')).toContain('没有符合筛选条件');
    await chair.locator('#queue-filter-overdue-all').click();
    await chair.locator('#queue-list').waitFor();
  });

  it('marks an overdue grievance with words as well as colour', async () => {
    // No grievance can be overdue on a fresh server: the list answer is the real one, marked overdue in flight.
    await chair.route(
      (url) => url.pathname === '/api/grievances',
      async (route) => {
        const res = await route.fetch();
        const body = await res.json();
        await route.fulfill({ response: res, json: { ...body, items: body.items.map((g: object) => ({ ...g, overdue: true })) } });
      },
    );
    await chair.locator('#queue-filter-status-submitted').click();
    expect(await text(chair, '#queue-item-overdue-0')).toBe('⚠ 已超期');
    expect(await chair.locator('#queue-item-open-0').getAttribute('aria-label')).toContain('已超期');
    await chair.unrouteAll({ behavior: 'ignoreErrors' });
    await chair.locator('#queue-filter-status-all').click();
    await chair.locator('#queue-list').waitFor();
  });

  it("opens the complaint: the text shown literally and run never, the named reporter's phone, accessible", async () => {
    const texts = await chair.locator('[id^="queue-item-text-"]').allInnerTexts();
    await chair.locator(`#queue-item-open-${texts.findIndex((t) => t.includes('拖欠工资'))}`).click();
    await expectLiteralContent(chair);
    expect(await text(chair, '#grievance-reporter')).toContain(PHONE);
    expect(await text(chair, '#grievance-status')).toBe('待受理');
    await expectAccessible(chair);
  });

  it('accepts, extends with a reason, and resolves, each after a confirmation', async () => {
    await chair.locator('#action-accept').click();
    expect(await text(chair, '#action-question')).toContain('确认受理');
    await chair.locator('#action-confirm').click();
    expect(await textBecomes(chair, '#grievance-status', '办理中')).toBe('办理中');
    expect(await text(chair, '#grievance-done')).toBe('已受理');

    await chair.locator('#action-extend').click();
    await chair.locator('#action-confirm').click();
    // Each message stands under the field it is about, not in one box below the form.
    expect(await text(chair, '#error-action-message')).toContain('请填写延期理由');
    expect(await nextToField(chair, '#action-message', '#error-action-message')).toBe(true);
    expect(await chair.locator('#action-error').count()).toBe(0);
    await chair.locator('#action-message textarea').fill(EXTEND_REASON);
    await chair.locator('#action-days input').fill('20');
    await chair.locator('#action-confirm').click();
    expect(await text(chair, '#error-action-days')).toContain('1～13');
    expect(await nextToField(chair, '#action-days', '#error-action-days')).toBe(true);
    expect(await chair.locator('#error-action-message').count()).toBe(0);
    await chair.locator('#action-days input').fill('5');
    await chair.locator('#action-confirm').click();
    expect(await text(chair, '#grievance-extension')).toBe(`已延期 5 个工作日。延期理由：${EXTEND_REASON}`);
    // Extended once per round: no second extension offered.
    expect(await chair.locator('#action-extend').count()).toBe(0);

    await chair.locator('#action-resolve').click();
    await chair.locator('#action-message textarea').fill(RESOLVE_MESSAGE);
    await chair.locator('#action-confirm').click();
    expect(await textBecomes(chair, '#grievance-status', '已办结')).toBe('已办结');
    expect(await chair.locator('#action-resolve').count()).toBe(0);
  });

  it('says "状态已变化" when someone else acted first, and shows the new state on refresh', async () => {
    await chair.goto(`${process.env.PINGJIA_URL}/pages/grievance/index?id=${enquiryId}&as=staff`);
    expect(await text(chair, '#grievance-status')).toBe('待受理');
    expect(await text(chair, '#grievance-reporter')).toContain('匿名');
    // Meanwhile, another handler accepts it.
    const res = await api().post(`/api/grievances/${enquiryId}/actions`, { token: await chairToken(), body: { action: 'accept' } });
    expect(res.status).toBe(200);
    const conflict = chair.waitForResponse((r) => ACTIONS_PATH.test(new URL(r.url()).pathname));
    await chair.locator('#action-accept').click();
    await chair.locator('#action-confirm').click();
    expect((await conflict).status()).toBe(409);
    expect(await text(chair, '#action-error')).toContain('状态已变化，请刷新');
    await chair.locator('#action-refresh').click();
    await chair.waitForFunction(() => document.querySelector('#grievance-status')?.textContent?.trim() === '办理中');
    expect(await chair.locator('#action-accept').count()).toBe(0);
    expect(await chair.locator('#action-reply').count()).toBe(1);
  });

  it('shows the worker the timeline with the extension reason, and takes a rating of the handling', async () => {
    await worker.goto(`${process.env.PINGJIA_URL}/pages/grievance/mine/index`);
    await worker.locator('#grievance-mine-list').waitFor();
    const texts = await worker.locator('[id^="mine-grievance-text-"]').allInnerTexts();
    const i = texts.findIndex((t) => t.includes(MARKER));
    expect(i).toBeGreaterThanOrEqual(0);
    expect(await text(worker, `#mine-grievance-status-${i}`)).toBe('已办结');
    expect(await text(worker, `#mine-grievance-todo-${i}`)).toContain('待您评价');
    await worker.locator(`#mine-grievance-open-${i}`).click();

    await expectLiteralContent(worker);
    expect(await text(worker, '#grievance-extension')).toContain(EXTEND_REASON);
    const steps = await worker.locator('[id^="timeline-step-"]').allInnerTexts();
    expect(steps.map((s) => s.trim())).toEqual(['提交诉求', '已受理', '延期办理（延长 5 个工作日）', '已办结']);
    expect(await text(worker, '#timeline-meta-0')).toContain('职工');
    expect(await text(worker, '#timeline-meta-1')).toContain('职工之家');
    expect(await text(worker, '#timeline-message-2')).toBe(`延期理由：${EXTEND_REASON}`);
    expect(await text(worker, '#timeline-message-3')).toBe(RESOLVE_MESSAGE);
    expect(await ariaDisabled(worker, '#feedback-submit')).toBe(true);
    await expectAccessible(worker);

    await worker.locator('#feedback-satisfied').click();
    await worker.locator('#feedback-comment textarea').fill('工资已经补发，谢谢工会');
    await worker.locator('#feedback-submit').click();
    expect(await textBecomes(worker, '#grievance-status', '已关闭')).toBe('已关闭');
    expect(await text(worker, '#grievance-feedback')).toContain('满意：工资已经补发，谢谢工会');
    const after = await worker.locator('[id^="timeline-step-"]').allInnerTexts();
    expect(after.slice(-2).map((s) => s.trim())).toEqual(['职工评价：满意', '已关闭']);
    expect(await worker.locator('#feedback-submit').count()).toBe(0);
  });

  it('offers "我要维权" again from 我的诉求, for the homes this device knows', async () => {
    await worker.goto(`${process.env.PINGJIA_URL}/pages/grievance/mine/index`);
    await worker.locator('#grievance-new').click();
    expect(await text(worker, '#grievance-home-0')).toBe(homeName);
    await worker.locator('#grievance-home-0').click();
    expect(await text(worker, '#grievance-home')).toBe(homeName);
    // The filed draft is gone: the form starts empty.
    expect(await worker.locator('#grievance-content textarea').inputValue()).toBe('');
    expect(await worker.locator('#grievance-draft-restored').count()).toBe(0);
  });

  it('logged no errors in either browser', () => {
    expect(workerErrors).toEqual([]);
    expect(chairErrors).toEqual([]);
  });
});
