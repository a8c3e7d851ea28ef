import { openDb } from '../support/db';
import { fakeWechat } from '../support/wechat';
import { GOOD_SCORES, api, cityWithCampaign, ratingPath } from './fixtures';
import { CRITERION_KEYS } from '@pingjia/shared';

describe('rater anonymity', () => {
  it('stores ratings with no user id or openid, times only to the day, and no answer shows a rater', async () => {
    const { homeA, campaign, adminToken, city } = await cityWithCampaign(10);
    const wx = fakeWechat();
    const raters: Array<{ id: string; openid: string; token: string }> = [];
    for (let i = 0; i < 6; i++) {
      const { code, openid } = await wx.code();
      const login = await api().post('/api/auth/wechat', { body: { code } });
      raters.push({ id: login.body.user.id, openid, token: login.body.token });
      const res = await api().put(ratingPath(campaign.id, homeA.id), {
        token: login.body.token,
        body: { scores: GOOD_SCORES, verdict: 'satisfied', comment: `意见${i}` },
      });
      expect(res.status).toBe(201);
    }

    const db = await openDb();
    let keys: string[];
    try {
      const rows = await db.query<Record<string, any>>(`SELECT * FROM ratings WHERE campaign_id = ? AND home_id = ?`, [
        campaign.id,
        homeA.id,
      ]);
      expect(rows).toHaveLength(6);
      expect(Object.keys(rows[0]).sort()).toEqual(
        [
          'id',
          'campaign_id',
          'home_id',
          'rater_key',
          ...CRITERION_KEYS.map((k) => `s_${k}`),
          'verdict',
          'comment',
          'comment_status',
          'member_groups',
          'updated_on',
        ].sort(),
      );
      for (const r of rows) expect(r.updated_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const dump = JSON.stringify(rows);
      for (const r of raters) {
        expect(dump).not.toContain(r.id);
        expect(dump).not.toContain(r.openid);
      }
      keys = rows.map((r) => r.rater_key);
    } finally {
      await db.close();
    }

    // Every answer a staff member can get about this home and campaign.
    const answers = [
      await api().get(`/api/homes/${homeA.id}/dashboard`, { token: adminToken }),
      await api().get(`/api/homes/${homeA.id}/dashboard?campaignId=${campaign.id}`, { token: adminToken }),
      await api().get(`/api/homes/${homeA.id}`, { token: adminToken }),
      await api().get(`/api/orgs/${city.id}/children`, { token: adminToken }),
      await api().get(`/api/campaigns/${campaign.id}`, { token: adminToken }),
      // and what the raters themselves get back
      ...(await Promise.all(raters.map((r) => api().get(ratingPath(campaign.id, homeA.id), { token: r.token })))),
    ];
    for (const a of answers) {
      expect(a.status).toBe(200);
      for (const r of raters) {
        expect(a.text).not.toContain(r.openid);
        if (!a.text.includes('"rating"')) expect(a.text).not.toContain(r.id);
      }
      for (const k of keys) expect(a.text).not.toContain(k);
    }
  });
});
