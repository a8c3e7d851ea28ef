import { GOOD_SCORES, api, cityWithCampaign, member, ratingPath } from './fixtures';
import { scoresOf } from '../support/scores';

describe('input hygiene', () => {
  let ctx: Awaited<ReturnType<typeof cityWithCampaign>>;
  let m: { token: string };
  beforeAll(async () => {
    ctx = await cityWithCampaign();
    m = await member();
  });
  /** The member's rating of the first home, sent as this body (every refusal below goes to the same place). */
  const put = (o: { body?: unknown; raw?: string; headers?: Record<string, string> }) =>
    api().put(ratingPath(ctx.campaign.id, ctx.homeA.id), { token: m.token, ...o });

  it('refuses a body over the size limit with 413', async () => {
    const res = await put({ body: { scores: GOOD_SCORES, verdict: 'satisfied', comment: 'x'.repeat(200_000) } });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a non-JSON content type with 415', async () => {
    const res = await put({ raw: 'scores=5', headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses broken JSON with 400 and no parser details', async () => {
    const res = await put({ raw: '{"scores": {', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.text).not.toMatch(/Unexpected|position|SyntaxError/);
  });

  it('refuses a __proto__ key', async () => {
    const res = await put({
      raw: `{"scores":${JSON.stringify(scoresOf(5))},"verdict":"satisfied","__proto__":{"admin":true}}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
  });

  it('stored nothing from any of the refused requests', async () => {
    expect((await api().get(ratingPath(ctx.campaign.id, ctx.homeA.id), { token: m.token })).status).toBe(404);
  });
});
