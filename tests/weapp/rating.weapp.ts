// A member scans a home's QR code in WeChat, logs in silently through wx.login, rates the home, and
// the server holds the rating; all through the built weapp in WeChat's simulator.
import { CRITERION_KEYS, SCORE_MAX } from '@pingjia/shared';
import { weapp } from './harness';
import { fillAndSubmit, openRatingForm, scanHomeCode, type Answers } from './scenarios';
import { adminLogin, demoHomes, homeDashboard, myRating, otherMemberToken, type DemoHome } from './server-api';
import { allCriteria } from '../support/scores';

const MEMBER_TOKEN_KEY = 'pingjia.token';

describe('a member rates a home from its QR code (weapp build, WeChat simulator)', () => {
  const h = weapp();
  let home: DemoHome;
  let campaign: { id: string; name: string };
  const answers: Answers = {
    scores: allCriteria({ organization: 5, rights: 4, work: 3, role: 4, trust: 2 }),
    verdict: 'basically_satisfied',
    comment: '希望多组织技能培训，食堂饭菜再实惠些',
  };

  beforeAll(async () => {
    const { token } = await adminLogin();
    // Each suite file rates its own demo home: they share one server.
    home = demoHomes()[0];
    campaign = (await homeDashboard(token, home.id)).campaign;
    expect(campaign?.id).toBeTruthy();
  });

  it('opens the landing page from the QR scene and shows the home, its union and the open campaign', async () => {
    await scanHomeCode(h, home);
    expect(h.current.query.scene).toBe(encodeURIComponent(home.sceneToken));
    expect(h.text('home-org')).toBe(home.orgName);
    await h.waitForId('campaign-name');
    expect(h.text('campaign-name')).toBe(campaign.name);
    expect(h.text('start-rating')).toBe('开始评议');
    expect(h.find('already-rated')).toBeNull();
  });

  it('logged in silently with a wx.login code the (stand-in) WeChat server accepted', async () => {
    await h.idle();
    const login = h.env.requests.find((r) => r.path === '/api/auth/wechat');
    expect(login).toMatchObject({ method: 'POST', status: 200 });
    expect(h.env.requests.some((r) => r.path === '/api/auth/dev')).toBe(false);
    expect(typeof h.storageGet(MEMBER_TOKEN_KEY)).toBe('string');
  });

  it('starts the rating: the form opens for this home and campaign, submit disabled until complete', async () => {
    await openRatingForm(h);
    const nav = h.navigations.at(-1)!;
    expect(nav.api).toBe('navigateTo');
    expect(nav.url).toContain(`homeId=${home.id}`);
    expect(nav.url).toContain(`campaignId=${campaign.id}`);
    expect(h.pages.map((p) => p.route)).toEqual(['pages/home/index', 'pages/rate/index']);
    expect(h.attr('submit-rating', 'disabled')).toBe(true);
    expect(h.text('submit-hint')).toContain('请为');
    for (const key of CRITERION_KEYS) expect(h.text(`star-${key}-${SCORE_MAX}`)).toBe('☆');
  });

  it('rates all five criteria, picks a verdict, types a comment and submits; the thanks page replaces the form', async () => {
    await fillAndSubmit(h, answers);
    expect(h.navigations.at(-1)!.api).toBe('redirectTo');
    expect(h.pages.map((p) => p.route)).toEqual(['pages/home/index', 'pages/thanks/index']);
    expect(h.text('thanks')).toBe('感谢您的评议！');
    const put = h.env.requests.filter((r) => r.method === 'PUT' && r.path.endsWith('/my-rating'));
    expect(put.map((r) => r.status)).toEqual([201]);
  });

  it('the server holds exactly that rating, for the member WeChat logged in', async () => {
    const token = h.storageGet(MEMBER_TOKEN_KEY) as string;
    const rating = await myRating(token, campaign.id, home.id);
    expect(rating).toMatchObject({ scores: answers.scores, verdict: answers.verdict, comment: answers.comment });
    // Another WeChat user has no rating there: it is this member's own.
    expect(await myRating(await otherMemberToken(), campaign.id, home.id)).toBeNull();
  });

  it('back on the landing page it says the member has rated, and the form reopens with their answers to change', async () => {
    await h.tap('back-home');
    await h.waitForRoute('pages/home/index');
    expect(h.navigations.at(-1)!.api).toBe('reLaunch');
    await h.waitForId('already-rated');
    expect(h.text('start-rating')).toBe('修改评议');

    await openRatingForm(h);
    await h.waitFor(() => h.find('score-organization')?.textContent?.includes('5 分'), { message: 'the saved scores' });
    for (const key of CRITERION_KEYS) expect(h.attr(`star-${key}-${answers.scores[key]}`, 'aria-checked')).toBe(true);
    expect(h.attr(`verdict-${answers.verdict}`, 'aria-checked')).toBe(true);

    const changed: Answers = { ...answers, scores: { ...answers.scores, trust: 5 }, verdict: 'satisfied', comment: '改为满意' };
    await fillAndSubmit(h, changed);
    const token = h.storageGet(MEMBER_TOKEN_KEY) as string;
    expect(await myRating(token, campaign.id, home.id)).toMatchObject({
      scores: changed.scores,
      verdict: 'satisfied',
      comment: '改为满意',
    });
    // A change replaces the member's rating (200), it does not add one (201).
    expect(h.env.requests.filter((r) => r.method === 'PUT').map((r) => r.status)).toEqual([201, 200]);
  });
});
