import { queryDb } from '../support/db';
import { fakeWechat } from '../support/wechat';
import { GOOD_SCORES, api, cityWithCampaign, ratingPath } from './fixtures';

async function wechatMember() {
  const { code } = await fakeWechat().code();
  return (await api().post('/api/auth/wechat', { body: { code } })).body.token as string;
}

async function commentStatus(campaignId: string, homeId: string): Promise<string[]> {
  return (
    await queryDb<{ comment_status: string }>(`SELECT comment_status FROM ratings WHERE campaign_id = ? AND home_id = ?`, [
      campaignId,
      homeId,
    ])
  ).map((r) => r.comment_status);
}

describe('comment moderation (msg_sec_check through the stand-in)', () => {
  it.each([
    ['publishes a comment WeChat passes', '工会活动丰富', 'approved'],
    ['holds a comment WeChat wants reviewed', '需要待人工复核的话', 'held'],
  ])('%s', async (_name, comment, status) => {
    const { homeA, campaign } = await cityWithCampaign();
    const res = await api().put(ratingPath(campaign.id, homeA.id), {
      token: await wechatMember(),
      body: { scores: GOOD_SCORES, verdict: 'satisfied', comment },
    });
    expect(res.status).toBe(201);
    expect(await commentStatus(campaign.id, homeA.id)).toEqual([status]);
  });

  it('refuses a risky comment with 422 and a neutral message, storing nothing', async () => {
    const { homeA, campaign } = await cityWithCampaign();
    const token = await wechatMember();
    const res = await api().put(ratingPath(campaign.id, homeA.id), {
      token,
      body: { scores: GOOD_SCORES, verdict: 'satisfied', comment: '这里有违禁内容' },
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('CONTENT_REFUSED');
    expect(res.text).not.toContain('违禁');
    expect(await commentStatus(campaign.id, homeA.id)).toEqual([]);
  });

  it('holds the comment, and still takes the rating, when moderation is down', async () => {
    const { homeA, campaign } = await cityWithCampaign();
    const token = await wechatMember();
    const comment = `普通意见${Math.random().toString(36).slice(2, 8)}`;
    await fakeWechat().fail('msg_sec_check', -1, 1, comment);
    const res = await api().put(ratingPath(campaign.id, homeA.id), { token, body: { scores: GOOD_SCORES, verdict: 'satisfied', comment } });
    expect(res.status).toBe(201);
    expect(await commentStatus(campaign.id, homeA.id)).toEqual(['held']);
  });
  // A replaced access token (one refresh, then the retry) is proven in wechat-failures.api.ts on that suite's own
  // stand-in: here other suites share this one, and their calls would count in its token fetches.
});
