// Error paths of the member's pages in the weapp build: what the server (or the network) answers
// badly must show as a state on the page, with a way out, and never as a crash (console.error).
import { weapp } from './harness';
import { fillForm, openRatingForm, scanHomeCode, type Answers } from './scenarios';
import { adminLogin, demoHomes, homeDashboard, myRating, type DemoHome } from './server-api';
import { allCriteria } from '../support/scores';

const SCENE_PATH = /^\/api\/homes\/scene\//;

describe('error paths on the landing page and the rating form (weapp build, WeChat simulator)', () => {
  const h = weapp();
  let home: DemoHome;
  let campaignId: string;
  const answers: Answers = {
    scores: allCriteria({ organization: 3, rights: 3, work: 2, role: 3, trust: 3 }),
    verdict: 'dissatisfied',
    comment: '活动室开放时间太短',
  };
  const puts = () => h.env.requests.filter((r) => r.method === 'PUT');
  const memberToken = () => h.storageGet('pingjia.token') as string;

  beforeAll(async () => {
    const { token } = await adminLogin();
    home = demoHomes()[3];
    campaignId = (await homeDashboard(token, home.id)).campaign.id;
  });

  it('a well-formed scene the server does not know: "not found", no rating button', async () => {
    const unknown = home.sceneToken.split('').reverse().join('');
    await h.launch({ path: 'pages/home/index', query: { scene: encodeURIComponent(unknown) }, scene: 1047 });
    await h.waitFor(() => h.find('home-status')?.textContent?.includes('未找到该职工之家'), { message: 'the not-found state' });
    expect(h.env.requests.find((r) => SCENE_PATH.test(r.path))?.status).toBe(404);
    expect(h.find('start-rating')).toBeNull();
  });

  it('a mangled scene is not sent to the server: the page asks to scan a code', async () => {
    const asked = h.env.requests.length;
    await h.reLaunch('/pages/home/index?scene=%E0%A4%A');
    // The page tells the member to scan a code (the wording is the page's own).
    await h.waitFor(() => h.find('home-status')?.textContent?.includes('二维码'), { message: 'the no-scene state' });
    expect(h.find('home-name')).toBeNull();
    expect(h.env.requests.slice(asked).some((r) => SCENE_PATH.test(r.path))).toBe(false);
  });

  it('the server answering 503: the error state with its message; retry recovers', async () => {
    h.failRequests({ match: SCENE_PATH, reply: { statusCode: 503, data: { code: 'UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } } });
    await h.reLaunch(`/pages/home/index?scene=${encodeURIComponent(home.sceneToken)}`);
    await h.waitForId('retry');
    expect(h.text('home-status')).toContain('服务暂时不可用，请稍后再试');
    await h.tap('retry');
    await h.waitForId('home-name');
    expect(h.text('home-name')).toBe(home.name);
  });

  it('no network: the error state says so', async () => {
    h.failRequests({ match: SCENE_PATH, reply: { fail: 'request:fail net::ERR_INTERNET_DISCONNECTED' } });
    await h.reLaunch(`/pages/home/index?scene=${encodeURIComponent(home.sceneToken)}`);
    await h.waitForId('retry');
    expect(h.text('home-status')).toContain('网络连接失败，请检查网络后重试');
  });

  it('a comment the moderation refuses (422 from the server): the form says why, stays open, stores nothing', async () => {
    await scanHomeCode(h, home);
    await openRatingForm(h);
    await fillForm(h, { ...answers, comment: '这里有违禁内容' });
    await h.tap('submit-rating');
    await h.waitForId('error-comment');
    expect(puts().map((r) => r.status)).toEqual([422]);
    expect(h.current.route).toBe('pages/rate/index');
    expect(await myRating(memberToken(), campaignId, home.id)).toBeNull();
  });

  it('privacy consent declined in WeChat (requirePrivacyAuthorize fails): nothing is sent; agreeing then sends it', async () => {
    await h.type('comment', answers.comment);
    h.env.privacy.agree = false;
    const sent = puts().length;
    await h.tap('submit-rating');
    await h.waitForId('submit-error');
    expect(puts().length).toBe(sent);
    expect(h.current.route).toBe('pages/rate/index');

    h.env.privacy.agree = true;
    await h.tap('submit-rating');
    await h.waitForRoute('pages/thanks/index');
    expect(await myRating(memberToken(), campaignId, home.id)).toMatchObject({ scores: answers.scores, comment: answers.comment });
  });

  it('offline at submit: the rating waits on the device and goes out when the network is back', async () => {
    h.newDevice();
    await scanHomeCode(h, home);
    await openRatingForm(h);
    await fillForm(h, answers);
    h.setOnline(false);
    await h.tap('submit-rating');
    await h.waitForId('draft-saved');
    expect(h.env.requests.at(-1)).toMatchObject({ method: 'PUT', failed: 'network not connected' });
    expect(await myRating(memberToken(), campaignId, home.id)).toBeNull();

    h.setOnline(true);
    await h.waitForRoute('pages/thanks/index');
    expect(puts().at(-1)!.status).toBe(201);
    expect(await myRating(memberToken(), campaignId, home.id)).toMatchObject({ scores: answers.scores, verdict: answers.verdict });
  });
});
