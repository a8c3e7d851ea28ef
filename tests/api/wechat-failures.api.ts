// WeChat failing in each documented way, on this suite's own server and stand-in WeChat: injected
// failures and token counts are then this suite's alone.
import { openDb } from '../support/db';
import { GOOD_CONTENT, grievanceFixtures } from './grievances.fixtures';
import { openCampaignOn, OwnServer, startOwnServer } from './own-server';
import { allCriteria } from '../support/scores';

const SCORES = allCriteria({ organization: 5, rights: 4, work: 4, role: 3, trust: 5 });
let own: OwnServer;
let fx: ReturnType<typeof grievanceFixtures>;

beforeAll(async () => {
  own = await startOwnServer('wxfail');
  fx = grievanceFixtures(own.api, own.target);
});
afterAll(() => own?.close());

async function ratingWorld() {
  const w = await fx.world();
  const campaign = await openCampaignOn(own.api, w.root.token, w.city.id);
  const path = `/api/campaigns/${campaign.id}/homes/${w.homeA.id}/my-rating`;
  return { ...w, campaign, path };
}

async function commentStatuses(homeId: string): Promise<string[]> {
  const db = await openDb(own.target.url, own.target.dataDir);
  try {
    return (await db.query<{ comment_status: string }>('SELECT comment_status FROM ratings WHERE home_id = ?', [homeId]))
      .map((r) => r.comment_status)
      .sort();
  } finally {
    await db.close();
  }
}

describe('WeChat failures', () => {
  it.each([
    ['busy (-1)', -1 as const],
    ['rate limited (45011)', 45011 as const],
    ['timing out', 'timeout' as const],
  ])('takes the rating and holds its comment when msg_sec_check is %s', async (_label, failure) => {
    const { path, homeA } = await ratingWorld();
    const m = await fx.person();
    // Warm the token first, so the injected failure meets msg_sec_check itself.
    await own.api.put(path, { token: (await fx.person()).token, body: { scores: SCORES, verdict: 'satisfied', comment: '预热评语' } });
    await own.wx.fail('msg_sec_check', failure);
    const started = Date.now();
    const res = await own.api.put(path, { token: m.token, body: { scores: SCORES, verdict: 'satisfied', comment: '食堂饭菜有改善' } });
    expect(res.status).toBe(201);
    expect(res.body.rating.comment).toBe('食堂饭菜有改善');
    expect(await commentStatuses(homeA.id)).toEqual(['approved', 'held']);
    // A hang is cut off by the client's timeout (5 s), not left to the stand-in's 8 s.
    if (failure === 'timeout') expect(Date.now() - started).toBeLessThan(7500);
  });

  it('refreshes an expired token (42001) once and publishes the comment', async () => {
    const { path, homeA } = await ratingWorld();
    await own.api.put(path, { token: (await fx.person()).token, body: { scores: SCORES, verdict: 'satisfied', comment: '预热' } });
    await own.wx.fail('msg_sec_check', 42001);
    const before = await own.wx.stats();
    const res = await own.api.put(path, {
      token: (await fx.person()).token,
      body: { scores: SCORES, verdict: 'satisfied', comment: '过期令牌后的评语' },
    });
    expect(res.status).toBe(201);
    const after = await own.wx.stats();
    expect(after.tokenFetches - before.tokenFetches).toBe(1);
    expect(after.calls['/wxa/msg_sec_check'] - before.calls['/wxa/msg_sec_check']).toBe(2);
    expect(await commentStatuses(homeA.id)).toEqual(['approved', 'approved']);
  });

  it('fetches exactly one new token for twelve concurrent moderation calls after the token was replaced', async () => {
    const { path, homeA } = await ratingWorld();
    const members = await Promise.all(Array.from({ length: 12 }, () => fx.person()));
    await own.api.put(path, { token: members[0].token, body: { scores: SCORES, verdict: 'satisfied', comment: '预热' } });
    await own.wx.invalidateToken();
    const before = await own.wx.stats();
    const answers = await Promise.all(
      members.map((m, i) =>
        own.api.put(path, {
          token: m.token,
          body: { scores: SCORES, verdict: 'satisfied', comment: `并发评语${String(i).padStart(2, '0')}` },
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, ...Array(11).fill(201)]);
    const after = await own.wx.stats();
    expect(after.tokenFetches - before.tokenFetches).toBe(1);
    // Each call: one refused with the old token, one retried with the new: no storm of retries either.
    expect(after.calls['/wxa/msg_sec_check'] - before.calls['/wxa/msg_sec_check']).toBeLessThanOrEqual(24);
    expect(await commentStatuses(homeA.id)).toEqual(Array(12).fill('approved'));
  });

  it('holds the comment when the access token itself cannot be fetched', async () => {
    const { path, homeA } = await ratingWorld();
    await own.wx.invalidateToken();
    await own.api.put(path, { token: (await fx.person()).token, body: { scores: SCORES, verdict: 'satisfied', comment: '预热' } }); // refetches
    await own.wx.invalidateToken();
    await own.wx.fail('stable_token', -1);
    const res = await own.api.put(path, {
      token: (await fx.person()).token,
      body: { scores: SCORES, verdict: 'dissatisfied', comment: '令牌取不到时' },
    });
    expect(res.status).toBe(201);
    expect(await commentStatuses(homeA.id)).toEqual(['approved', 'held']);
  });

  it('takes a grievance and holds its text for care when moderation is down', async () => {
    const w = await fx.world();
    await own.wx.fail('msg_sec_check', -1);
    const filed = await fx.file(w.worker, {
      homeId: w.homeA.id,
      type: 'complaint',
      topic: 'wages',
      content: GOOD_CONTENT,
      anonymous: false,
    });
    expect(filed.status).toBe(201);
    const seen = await own.api.get(`/api/grievances/${filed.body.id}`, { token: w.chairA.token });
    expect(seen.status).toBe(200);
    expect(seen.body.contentHeld).toBe(true);
  });

  it('refuses a grievance WeChat calls risky with 422, storing nothing', async () => {
    const w = await fx.world();
    const res = await fx.file(w.worker, {
      homeId: w.homeA.id,
      type: 'complaint',
      topic: 'wages',
      content: `${GOOD_CONTENT}违禁内容`,
      anonymous: true,
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('CONTENT_REFUSED');
    expect((await own.api.get('/api/grievances/mine', { token: w.worker.token })).body.items).toEqual([]);
  });

  it('answers a jscode2session timeout with 503 and retry advice, and the code still works after', async () => {
    const { code } = await own.wx.code();
    await own.wx.fail('jscode2session', 'timeout');
    const res = await own.api.post('/api/auth/wechat', { body: { code } });
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('WECHAT_UNAVAILABLE');
    expect(res.headers.get('retry-after')).toBeTruthy();
    expect((await own.api.post('/api/auth/wechat', { body: { code } })).status).toBe(200);
  });
});
