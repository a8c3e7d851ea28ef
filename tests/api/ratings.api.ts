import { randomUUID } from 'node:crypto';
import { GOOD_SCORES, api, cityWithCampaign, member, ratingPath, rosterHome, uniq } from './fixtures';
import { confirmedMove } from '../support/campaigns';

describe('ratings', () => {
  it('stores a first rating with 201 and a change with 200, keeping one rating', async () => {
    const { homeA, campaign, adminToken } = await cityWithCampaign();
    const m = await member();
    const path = ratingPath(campaign.id, homeA.id);

    const first = await api().put(path, { token: m.token, body: { scores: GOOD_SCORES, verdict: 'satisfied', comment: '  活动很多 ' } });
    expect(first.status).toBe(201);
    expect(first.body.rating).toMatchObject({ scores: GOOD_SCORES, verdict: 'satisfied', comment: '活动很多' });
    expect(first.body.rating.updatedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const changed = await api().put(path, { token: m.token, body: { scores: { ...GOOD_SCORES, trust: 2 }, verdict: 'dissatisfied' } });
    expect(changed.status).toBe(200);
    expect(changed.body.rating).toMatchObject({ verdict: 'dissatisfied', comment: null });

    const mine = await api().get(path, { token: m.token });
    expect(mine.status).toBe(200);
    expect(mine.body.rating.scores.trust).toBe(2);

    // An open cycle shows participation rounded down to 5; the final figures count the rating once.
    const open = await api().get(`/api/homes/${homeA.id}/dashboard`, { token: adminToken });
    expect(open.body.participation.ratings).toBe(0);
    expect((await confirmedMove(api(), adminToken, campaign.id, 'close')).status).toBe(200);
    const closed = await api().get(`/api/homes/${homeA.id}/dashboard`, { token: adminToken });
    expect(closed.body.participation.ratings).toBe(1);
  });

  it('answers 404 for my rating before I rated', async () => {
    const { homeA, campaign } = await cityWithCampaign();
    const m = await member();
    expect((await api().get(ratingPath(campaign.id, homeA.id), { token: m.token })).status).toBe(404);
  });

  it('refuses ratings once the campaign is closed, with 409', async () => {
    const { homeA, campaign, adminToken } = await cityWithCampaign();
    expect((await confirmedMove(api(), adminToken, campaign.id, 'close')).status).toBe(200);
    const m = await member();
    const res = await api().put(ratingPath(campaign.id, homeA.id), { token: m.token, body: { scores: GOOD_SCORES, verdict: 'satisfied' } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('CAMPAIGN_NOT_OPEN');
  });

  it('answers 404 for a home outside the campaign', async () => {
    const one = await cityWithCampaign();
    const other = await cityWithCampaign();
    const m = await member();
    const res = await api().put(ratingPath(one.campaign.id, other.homeA.id), {
      token: m.token,
      body: { scores: GOOD_SCORES, verdict: 'satisfied' },
    });
    expect(res.status).toBe(404);
  });

  // The PUT reads the home, the cycle and the rater in one statement (a left join each): a missing cycle
  // or home must still be a 404, not a rating on a half-read row.
  it('answers 404 for an unknown campaign or home, and stores nothing', async () => {
    const { homeA, campaign } = await cityWithCampaign();
    const m = await member();
    const body = { scores: GOOD_SCORES, verdict: 'satisfied' };
    expect((await api().put(ratingPath(randomUUID(), homeA.id), { token: m.token, body })).status).toBe(404);
    expect((await api().put(ratingPath(campaign.id, randomUUID()), { token: m.token, body })).status).toBe(404);
    expect((await api().get(ratingPath(randomUUID(), homeA.id), { token: m.token })).status).toBe(404);
    expect((await api().get(ratingPath(campaign.id, homeA.id), { token: m.token })).status).toBe(404);
  });

  it("refuses a member bound in one roster home when they rate another (their binding is the home's own)", async () => {
    const { home, campaign, adminToken, city } = await rosterHome();
    const other = await api().post('/api/homes', {
      token: adminToken,
      body: { orgId: city.id, name: uniq('名册之家'), kind: 'enterprise', memberCount: 50, membershipMode: 'roster' },
    });
    expect(other.status).toBe(201);
    const csv = '姓名,会员编号,手机号\n李四,GH002,\n';
    for (const h of [home.id, other.body.id])
      expect(
        (await api().post(`/api/homes/${h}/roster`, { token: adminToken, raw: csv, headers: { 'content-type': 'text/csv' } })).status,
      ).toBeLessThan(300);
    const m = await member();
    expect(
      (await api().post(`/api/homes/${home.id}/membership`, { token: m.token, body: { name: '李四', memberNo: 'GH002' } })).status,
    ).toBe(204);
    const body = { scores: GOOD_SCORES, verdict: 'satisfied' };
    const refused = await api().put(ratingPath(campaign.id, other.body.id), { token: m.token, body });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('MEMBERSHIP_REQUIRED');
    expect((await api().put(ratingPath(campaign.id, home.id), { token: m.token, body })).status).toBe(201);
  });

  it('needs a logged-in member', async () => {
    const { homeA, campaign } = await cityWithCampaign();
    const res = await api().put(ratingPath(campaign.id, homeA.id), { body: { scores: GOOD_SCORES, verdict: 'satisfied' } });
    expect(res.status).toBe(401);
  });

  describe('refuses bad input with 400 VALIDATION_FAILED and stores nothing', () => {
    const cases: Array<[string, unknown, string]> = [
      ['a score of 0', { scores: { ...GOOD_SCORES, work: 0 }, verdict: 'satisfied' }, 'scores.work'],
      ['a score of 6', { scores: { ...GOOD_SCORES, work: 6 }, verdict: 'satisfied' }, 'scores.work'],
      ['a score of 3.5', { scores: { ...GOOD_SCORES, role: 3.5 }, verdict: 'satisfied' }, 'scores.role'],
      ['a score of "5"', { scores: { ...GOOD_SCORES, trust: '5' }, verdict: 'satisfied' }, 'scores.trust'],
      ['a score of null', { scores: { ...GOOD_SCORES, rights: null }, verdict: 'satisfied' }, 'scores.rights'],
      ['a missing criterion', { scores: { ...GOOD_SCORES, trust: undefined }, verdict: 'satisfied' }, 'scores.trust'],
      ['an unknown criterion', { scores: { ...GOOD_SCORES, beauty: 5 }, verdict: 'satisfied' }, 'scores.beauty'],
      ['an unknown verdict', { scores: GOOD_SCORES, verdict: 'delighted' }, 'verdict'],
      ['a 501-character comment', { scores: GOOD_SCORES, verdict: 'satisfied', comment: '好'.repeat(501) }, 'comment'],
      [
        'a comment of only zero-width characters',
        { scores: GOOD_SCORES, verdict: 'satisfied', comment: '\u200B\u200C\u200D\u2060' },
        'comment',
      ],
      ['an unknown field', { scores: GOOD_SCORES, verdict: 'satisfied', raterName: '张三' }, 'raterName'],
      ['scores that are not an object', { scores: 'all five', verdict: 'satisfied' }, 'scores'],
      ['an unknown group', { scores: GOOD_SCORES, verdict: 'satisfied', groups: ['vip'] }, 'groups'],
    ];
    let ctx: Awaited<ReturnType<typeof cityWithCampaign>>;
    let m: { token: string };
    beforeAll(async () => {
      ctx = await cityWithCampaign();
      m = await member();
    });

    it.each(cases)('%s', async (_label, body, field) => {
      const res = await api().put(ratingPath(ctx.campaign.id, ctx.homeA.id), { token: m.token, body });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.fields).toHaveProperty([field]);
      expect((await api().get(ratingPath(ctx.campaign.id, ctx.homeA.id), { token: m.token })).status).toBe(404);
    });

    afterAll(async () => {
      const dash = await api().get(`/api/homes/${ctx.homeA.id}/dashboard`, { token: ctx.adminToken });
      expect(dash.body.participation.ratings).toBe(0);
    });
  });

  it('accepts a comment of exactly 500 characters', async () => {
    const { homeA, campaign } = await cityWithCampaign();
    const m = await member();
    const res = await api().put(ratingPath(campaign.id, homeA.id), {
      token: m.token,
      body: { scores: GOOD_SCORES, verdict: 'satisfied', comment: '好'.repeat(500) },
    });
    expect(res.status).toBe(201);
  });
});
