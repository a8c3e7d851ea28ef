import { formatTrackingCode } from '@pingjia/shared';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { launchBrowser, Page, watchErrors } from '../support/browser';
import { api, expectAccessible, memberToken, staffToken, text, uniq } from './fixtures';

// Issue 19 (items 2-4) in the H5 app: a worker with nothing but the tracking code, in browsers that
// never saw the grievance, reads the conversation, answers the handler's question, adds a photo (its
// GPS position gone), withdraws another grievance, and rates the handling; a worker with no poster finds
// the home by region and name. The handler's side goes through the API.
const QUESTION = '请问拖欠的是哪几个月的工资？';
const ANSWER = '七月到九月，三个月';
const RESULT = '已协调单位补发七月至九月的工资';
const GPS = { IFD0: { Make: 'WorkerPhone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 2710/100' } };

const must = (what: string, res: { status: number; text: string; body: any }, status = 200) => {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${res.text}`);
  return res.body;
};

async function waitText(page: Page, selector: string, pattern: RegExp): Promise<string> {
  await page
    .waitForFunction(
      ([sel, src]) => new RegExp(src).test(document.querySelector(sel)?.textContent ?? ''),
      [selector, pattern.source] as const,
      {
        timeout: 20_000,
      },
    )
    .catch(() => undefined);
  return text(page, selector);
}

/** A browser that never saw the grievance: open the tracking page and look the code up. */
async function trackInNewBrowser(code: string): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const b = await launchBrowser();
  const page = await b.browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${process.env.PINGJIA_URL}/pages/grievance/track/index`);
  await page.locator('#track-code input').fill(formatTrackingCode(code));
  await page.locator('#track-submit').click();
  await page.locator('#track-status').waitFor();
  return { page, errors, close: b.close };
}

describe('the worker side of a grievance, by tracking code and without the poster', () => {
  let admin: { token: string; provinceId: string };
  let city: { id: string; name: string };
  let home: { id: string; name: string };
  let otherHome: { id: string };
  let chair: string;
  let otherChair: string;
  let worker: string;

  const chairFor = async (homeId: string) => {
    const invite = must('invite', await api().post(`/api/homes/${homeId}/invites`, { token: admin.token, body: { role: 'chair' } }), 201);
    const login = { username: uniq('thread_chair_'), password: 'thread-chair-password-123' };
    return must('accept', await api().post(`/api/invites/${invite.code}/accept`, { body: login })).token as string;
  };
  const file = async (over: Record<string, unknown> = {}) =>
    must(
      'file',
      await api().post('/api/grievances', {
        token: worker,
        body: {
          homeId: home.id,
          type: 'help',
          topic: 'wages',
          content: '单位从七月起拖欠工资，至今没有发放，请工会帮助。',
          anonymous: true,
          ...over,
        },
      }),
      201,
    ) as { id: string; trackingCode: string };
  const act = (id: string, body: Record<string, unknown>) => api().post(`/api/grievances/${id}/actions`, { token: chair, body });

  beforeAll(async () => {
    admin = await staffToken();
    city = must(
      'city',
      await api().post('/api/orgs', { token: admin.token, body: { parentId: admin.provinceId, name: uniq('线索市'), level: 'city' } }),
      201,
    );
    const newHome = async (name: string) =>
      must(
        'home',
        await api().post('/api/homes', {
          token: admin.token,
          body: { orgId: city.id, name: uniq(name), kind: 'enterprise', memberCount: 30, membershipMode: 'open' },
        }),
        201,
      );
    home = await newHome('线索机械厂工会');
    otherHome = await newHome('线索纺织厂工会');
    [chair, otherChair, worker] = await Promise.all([chairFor(home.id), chairFor(otherHome.id), memberToken()]);
  });

  it('shows the question and the reply to a new browser holding only the code, takes the answer there, and the feedback in another', async () => {
    const g = await file();
    must('accept', await act(g.id, { action: 'accept' }));
    must('ask', await act(g.id, { action: 'ask', message: QUESTION }));

    const first = await trackInNewBrowser(g.trackingCode);
    try {
      expect(await text(first.page, '#answer-question')).toBe(QUESTION);
      await expectAccessible(first.page);
      await first.page.locator('#answer-text textarea').fill(ANSWER);
      await first.page.locator('#answer-submit').click();
      expect(await waitText(first.page, '#track-done', /回答已发送/)).toContain('回答已发送');
      expect(await first.page.locator('#answer').count()).toBe(0);
      const steps = (await first.page.locator('[id^="timeline-step-"]').allInnerTexts()).map((s) => s.trim());
      expect(steps.slice(-2)).toEqual(['处理人提问', '职工回答']);
      expect(first.errors).toEqual([]);
    } finally {
      await first.close();
    }
    // The handler reads the answer, then extends with a reason and resolves.
    const seen = must('chair view', await api().get(`/api/grievances/${g.id}`, { token: chair }));
    expect(seen.timeline.at(-1)).toMatchObject({ kind: 'answered', message: ANSWER });
    must('extend', await act(g.id, { action: 'extend', days: 2, message: '需要核对工资表' }));
    must('resolve', await act(g.id, { action: 'resolve', message: RESULT }));

    const second = await trackInNewBrowser(g.trackingCode);
    try {
      expect(await text(second.page, '#track-status')).toBe('已办结');
      const messages = await second.page.locator('[id^="timeline-message-"]').allInnerTexts();
      expect(messages.map((m) => m.trim())).toEqual([QUESTION, ANSWER, '延期理由：需要核对工资表', RESULT]);
      await expectAccessible(second.page);
      await second.page.locator('#feedback-satisfied').click();
      await second.page.locator('#feedback-comment textarea').fill('工资已补发');
      await second.page.locator('#feedback-submit').click();
      expect(await waitText(second.page, '#track-status', /已关闭/)).toBe('已关闭');
      expect(await text(second.page, '#track-feedback')).toContain('满意：工资已补发');
      expect(await second.page.locator('#feedback-submit').count()).toBe(0);
      expect(second.errors).toEqual([]);
    } finally {
      await second.close();
    }
    expect(must('after', await api().get(`/api/grievances/${g.id}`, { token: chair })).feedback).toEqual({
      verdict: 'satisfied',
      comment: '工资已补发',
    });
  });

  it('uploads a photo by code with its GPS position gone, for the worker and this chair only, never in the export', async () => {
    const g = await file();
    const photo = await sharp({ create: { width: 80, height: 60, channels: 3, background: '#36c' } })
      .jpeg()
      .withExif(GPS)
      .toBuffer();
    const t = await trackInNewBrowser(g.trackingCode);
    try {
      await expectAccessible(t.page);
      const chooser = t.page.waitForEvent('filechooser');
      await t.page.locator('#attach-file').click();
      await (await chooser).setFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: photo });
      expect(await waitText(t.page, '#track-done', /附件已上传/)).toContain('位置等信息已去除');
      await t.page.locator('#attachment-0').waitFor();
      await t.page.locator('#attachment-open-0').click();
      await t.page.locator('#attachment-preview-0').waitFor();
      expect(t.errors).toEqual([]);
    } finally {
      await t.close();
    }
    const [attachment] = must('track', await api().get(`/api/grievances/track/${g.trackingCode}`)).attachments;
    const path = `${process.env.PINGJIA_URL}/api/grievances/${g.id}/attachments/${attachment.id}`;
    const asChair = await fetch(path, { headers: { authorization: `Bearer ${chair}` } });
    expect(asChair.status).toBe(200);
    const stored = Buffer.from(await asChair.arrayBuffer());
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
    expect(stored.includes(Buffer.from('WorkerPhone'))).toBe(false);
    expect((await fetch(path, { headers: { authorization: `Bearer ${otherChair}` } })).status).toBe(404);

    const x = await fetch(`${process.env.PINGJIA_URL}/api/homes/${home.id}/export.xlsx`, { headers: { authorization: `Bearer ${chair}` } });
    expect(x.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await x.arrayBuffer()) as any);
    const cells: string[] = [];
    book.eachSheet((s) => s.eachRow((r) => r.eachCell((c) => void cells.push(String(c.text)))));
    expect(cells.join('\n')).not.toContain(attachment.id);
  });

  it('withdraws after a confirmation, and the handler can do nothing more with it', async () => {
    const g = await file();
    const t = await trackInNewBrowser(g.trackingCode);
    try {
      await t.page.locator('#withdraw-start').click();
      expect(await text(t.page, '#withdraw-question')).toContain('不能恢复');
      await expectAccessible(t.page);
      await t.page.locator('#withdraw-confirm').click();
      expect(await waitText(t.page, '#track-status', /已撤回/)).toBe('已撤回');
      expect(await t.page.locator('#withdraw').count()).toBe(0);
      expect(await t.page.locator('#attach-file').count()).toBe(0);
      expect(t.errors).toEqual([]);
    } finally {
      await t.close();
    }
    expect((await act(g.id, { action: 'accept' })).status).toBe(409);
  });

  it('finds the home by region and name without the poster, and files to it', async () => {
    const b = await launchBrowser();
    const page = await b.browser.newPage();
    const errors = watchErrors(page);
    try {
      await page.goto(`${process.env.PINGJIA_URL}/pages/grievance/new/index`);
      await page.locator('#region-orgs').waitFor();
      // Region by region: the province, then the city.
      for (const name of [
        (await api().get(`/api/grievance-places/orgs`)).body.find((o: any) => o.id === admin.provinceId).name,
        city.name,
      ]) {
        await page.locator('[id^="region-org-"]', { hasText: name }).first().click();
        await page.locator(`#region-crumb-${name === city.name ? 1 : 0}`).waitFor();
      }
      await page.locator('#region-query input').fill(home.name.slice(0, 4));
      await page.locator('#region-search-submit').click();
      await page.locator('#region-homes').waitFor();
      expect(await page.locator('[id^="region-home-"]').allInnerTexts()).toEqual([`${home.name}（${city.name}）`]);
      expect(await text(page, '#region-file-to-org')).toContain(city.name);
      await expectAccessible(page);
      await page.locator('#region-home-0').click();
      expect(await text(page, '#grievance-home')).toBe(home.name);

      await page.locator('#grievance-type-help').click();
      await page.locator('#grievance-topic-wages').click();
      const marker = uniq('按地区找到');
      await page.locator('#grievance-content textarea').fill(`${marker}：单位拖欠加班工资两个月。`);
      await page.locator('#grievance-anonymous-yes').click();
      const answer = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/grievances');
      await page.locator('#grievance-submit').click();
      expect((await answer).status()).toBe(201);
      await page.locator('#grievance-code').waitFor();
      // It reached this home's chair, as from the poster.
      const queue = must('queue', await api().get('/api/grievances', { token: chair }));
      expect(queue.items.filter((i: any) => i.content.includes(marker))).toHaveLength(1);
      expect(errors).toEqual([]);
    } finally {
      await b.close();
    }
  });
});
