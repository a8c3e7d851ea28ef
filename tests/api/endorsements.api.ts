import { openDb } from '../support/db';
import { api, chairOf, createHome, freshCity, member, moveCampaign, openCampaign, rateMany, ratingPath } from './oversight.fixtures';
import { scoresOf } from '../support/scores';

// 认可/不认可 of a published rectification plan (issue 19 item 1).
async function publishedPlan(memberCount = 30) {
  const { adminToken, city } = await freshCity();
  const home = await createHome(adminToken, city.id, memberCount);
  const c = await openCampaign(adminToken, city.id);
  const chair = await chairOf(adminToken, home.id);
  const rater = await member();
  expect(
    (await api().put(ratingPath(c.id, home.id), { token: rater.token, body: { scores: scoresOf(4), verdict: 'satisfied' } })).status,
  ).toBe(201);
  await rateMany(c.id, home.id, 5, 'satisfied');
  await moveCampaign(adminToken, c.id, 'close');
  const planPath = `/api/campaigns/${c.id}/homes/${home.id}/rectification`;
  expect((await api().post(planPath, { token: chair.token, body: { plan: '一、按月公开工会经费' } })).status).toBe(200);
  const base = `/api/campaigns/${c.id}/homes/${home.id}/endorsements`;
  return { adminToken, home, campaign: c, chair, rater, base, planPath };
}

async function endorse(base: string, n: number, verdict: 'agree' | 'disagree') {
  for (let i = 0; i < n; i++) {
    const m = await member();
    const res = await api().put(`${base}/mine`, { token: m.token, body: { verdict } });
    if (res.status !== 200) throw new Error(`endorse: ${res.status} ${res.text}`);
  }
}

describe('认可/不认可 of a rectification plan', () => {
  it('takes one changeable answer per member, shows only a count rounded down to 5 until sign-off, then the split', async () => {
    const { adminToken, campaign, chair, rater, base, planPath } = await publishedPlan();
    // Not published yet: members cannot see the plan, so there is nothing to answer.
    expect((await api().get(base)).status).toBe(404);
    expect((await api().put(`${base}/mine`, { token: rater.token, body: { verdict: 'agree' } })).status).toBe(404);
    await moveCampaign(adminToken, campaign.id, 'publish');

    expect((await api().get(base)).body).toEqual({ open: true, responded: 0, agree: null, disagree: null });
    expect((await api().get(`${base}/mine`, { token: rater.token })).body).toEqual({ verdict: null });
    expect((await api().put(`${base}/mine`, { token: rater.token, body: { verdict: 'agree' } })).body).toEqual({ verdict: 'agree' });
    // changed, not added
    expect((await api().put(`${base}/mine`, { token: rater.token, body: { verdict: 'disagree' } })).body).toEqual({ verdict: 'disagree' });
    expect((await api().get(`${base}/mine`, { token: rater.token })).body).toEqual({ verdict: 'disagree' });

    const bad = await api().put(`${base}/mine`, { token: rater.token, body: { verdict: 'maybe' } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect((await api().get(`${base}/mine`, { token: rater.token })).body).toEqual({ verdict: 'disagree' });
    const staff = await api().put(`${base}/mine`, { token: chair.token, body: { verdict: 'agree' } });
    expect(staff.status).toBe(403);
    expect(staff.body.code).toBe('STAFF_CANNOT_RATE');
    expect((await api().put(`${base}/mine`, { body: { verdict: 'agree' } })).status).toBe(401);

    // 1 + 3 = 4 answered: still 0 shown; one more: 5.
    await endorse(base, 3, 'agree');
    expect((await api().get(base)).body.responded).toBe(0);
    await endorse(base, 1, 'agree');
    expect((await api().get(base)).body).toEqual({ open: true, responded: 5, agree: null, disagree: null });
    // 1 + 4 disagree, 6 agree = 11 → 10 while open
    await endorse(base, 2, 'agree');
    await endorse(base, 4, 'disagree');
    expect((await api().get(base)).body).toEqual({ open: true, responded: 10, agree: null, disagree: null });

    // sign-off closes the answers and releases the split: 6 认可, 5 不认可
    expect((await api().post(planPath, { token: chair.token, body: { progress: '经费已公开' } })).status).toBe(200);
    expect((await api().post(`${planPath}/sign-off`, { token: adminToken })).status).toBe(200);
    expect((await api().get(base)).body).toEqual({ open: false, responded: 11, agree: 6, disagree: 5 });
    const late = await api().put(`${base}/mine`, { token: rater.token, body: { verdict: 'agree' } });
    expect(late.status).toBe(409);
    expect((await api().get(base)).body.agree).toBe(6);
  });

  it('withholds the split after sign-off when one side is below 5', async () => {
    const { adminToken, campaign, chair, base, planPath } = await publishedPlan();
    await moveCampaign(adminToken, campaign.id, 'publish');
    await endorse(base, 7, 'agree');
    await endorse(base, 2, 'disagree');
    await api().post(planPath, { token: chair.token, body: { progress: '已整改' } });
    expect((await api().post(`${planPath}/sign-off`, { token: adminToken })).status).toBe(200);
    expect((await api().get(base)).body).toEqual({ open: false, responded: 9, agree: null, disagree: null });
  });

  it("stores no person: no user id, the day only, a key that matches none of the member's rating keys", async () => {
    const { adminToken, campaign, rater, base } = await publishedPlan();
    await moveCampaign(adminToken, campaign.id, 'publish');
    await api().put(`${base}/mine`, { token: rater.token, body: { verdict: 'agree' } });
    const db = await openDb();
    try {
      const rows = await db.query<Record<string, unknown>>('SELECT * FROM plan_endorsements');
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(Object.keys(row).sort()).toEqual(['id', 'rater_key', 'rectification_id', 'updated_on', 'verdict']);
        expect(String(row.updated_on)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(JSON.stringify(row)).not.toContain(rater.id);
      }
      const ratingKeys = new Set((await db.query<{ rater_key: string }>('SELECT rater_key FROM ratings')).map((r) => r.rater_key));
      expect(rows.filter((r) => ratingKeys.has(String(r.rater_key)))).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
