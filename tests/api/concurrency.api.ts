import { CRITERION_KEYS } from '@pingjia/shared';
import { openDb } from '../support/db';
import { api, cityWithCampaign, member, ratingPath } from './fixtures';

const scores = (n: number) => Object.fromEntries(CRITERION_KEYS.map((k, i) => [k, ((n + i) % 5) + 1]));
const VERDICTS = ['satisfied', 'basically_satisfied', 'dissatisfied'];

/** The home's rating rows and its totals row, read from the database. */
async function ratingsAndTotals(campaignId: string, homeId: string) {
  const db = await openDb();
  try {
    const rows = await db.query<Record<string, any>>(`SELECT * FROM ratings WHERE campaign_id = ? AND home_id = ?`, [campaignId, homeId]);
    const [totals] = await db.query<Record<string, any>>(`SELECT * FROM rating_totals WHERE campaign_id = ? AND home_id = ?`, [
      campaignId,
      homeId,
    ]);
    return { rows, totals };
  } finally {
    await db.close();
  }
}

describe('concurrent ratings', () => {
  it('turns 50 concurrent PUTs from one member into one rating and exact totals', async () => {
    const { homeA, campaign } = await cityWithCampaign();
    const m = await member();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        api().put(ratingPath(campaign.id, homeA.id), { token: m.token, body: { scores: scores(n), verdict: VERDICTS[n % 3] } }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(49);

    const { rows, totals } = await ratingsAndTotals(campaign.id, homeA.id);
    expect(rows).toHaveLength(1);
    const r = rows[0];
    expect(Number(totals.ratings)).toBe(1);
    expect(Number(totals[r.verdict])).toBe(1);
    for (const k of CRITERION_KEYS) {
      expect(Number(totals[`sum_${k}`])).toBe(Number(r[`s_${k}`]));
      for (let s = 1; s <= 5; s++) expect(Number(totals[`d_${k}_${s}`])).toBe(Number(r[`s_${k}`]) === s ? 1 : 0);
    }
  });

  it('keeps totals equal to a recount after many members rate and change at once', async () => {
    const { homeA, campaign } = await cityWithCampaign(200);
    const members = await Promise.all(Array.from({ length: 30 }, () => member()));
    const put = (token: string, n: number) =>
      api().put(ratingPath(campaign.id, homeA.id), { token, body: { scores: scores(n), verdict: VERDICTS[n % 3] } });
    const results = await Promise.all(members.flatMap((m, i) => [put(m.token, i), put(m.token, i + 7), put(m.token, i + 11)]));
    // Every request was acknowledged: 30 first ratings, 60 changes (a refusal is shown with its answer).
    expect(results.filter((r) => r.status !== 200 && r.status !== 201).map((r) => [r.status, r.body])).toEqual([]);
    expect(results.map((r) => r.status).sort()).toEqual([...Array(60).fill(200), ...Array(30).fill(201)]);

    const { rows, totals } = await ratingsAndTotals(campaign.id, homeA.id);
    expect(rows).toHaveLength(30);
    expect(Number(totals.ratings)).toBe(30);
    for (const v of VERDICTS) expect(Number(totals[v])).toBe(rows.filter((r) => r.verdict === v).length);
    for (const k of CRITERION_KEYS) {
      expect(Number(totals[`sum_${k}`])).toBe(rows.reduce((a, r) => a + Number(r[`s_${k}`]), 0));
      for (let s = 1; s <= 5; s++) expect(Number(totals[`d_${k}_${s}`])).toBe(rows.filter((r) => Number(r[`s_${k}`]) === s).length);
    }
  });
});
