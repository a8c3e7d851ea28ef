// The PDF dossier (申报 / 验收 材料) of a home for a closed cycle: its text, read back with pdftotext,
// must carry the home dashboard's own figures, and withhold what the dashboard withholds.
import { CRITERIA, formatMean, formatPercent, TIER_LABELS } from '@pingjia/shared';
import { grievanceFixtures, GOOD_CONTENT } from './grievances.fixtures';
import { inkCoverage, keepShot, pdfInfo, pdfText, renderPage } from '../support/pdf';
import { api, chairOf, createHome, freshCity, moveCampaign, openCampaign, rateMany } from './oversight.fixtures';

async function download(path: string, token: string) {
  const res = await fetch(`${process.env.PINGJIA_URL}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}
/** pdftotext's text without its layout spaces and line breaks. */
const flat = (s: string) => s.replace(/\s+/g, '');

describe('home dossier (PDF)', () => {
  it("prints the dashboard's figures for a closed cycle: participation, satisfaction, title, scores, trend, grievances, rectification", async () => {
    const { adminToken, city } = await freshCity();
    const home = await createHome(adminToken, city.id, 20, '示范市精密仪器厂工会职工之家');
    const chair = await chairOf(adminToken, home.id);
    const f = grievanceFixtures(api(), { dataDir: process.env.PINGJIA_DATA_DIR, url: process.env.TEST_DATABASE_URL });
    const worker = await f.person();
    expect(
      (await f.file(worker, { homeId: home.id, type: 'complaint', topic: 'wages', content: GOOD_CONTENT, anonymous: true })).status,
    ).toBe(201);

    // An earlier cycle for the trend, then this one: 6 satisfied (5s), 3 basically satisfied (4s), 2 dissatisfied (2s).
    const earlier = await openCampaign(adminToken, city.id);
    await rateMany(earlier.id, home.id, 5, 'satisfied', { score: 4 });
    await moveCampaign(adminToken, earlier.id, 'close');
    const c = await openCampaign(adminToken, city.id);
    await rateMany(c.id, home.id, 6, 'satisfied', { score: 5 });
    await rateMany(c.id, home.id, 3, 'basically_satisfied', { score: 4 });
    await rateMany(c.id, home.id, 2, 'dissatisfied', { score: 2 });
    // Open: no dossier yet.
    const early = await download(`/api/homes/${home.id}/dossier.pdf?campaignId=${c.id}`, chair.token);
    expect([early.status, JSON.parse(early.bytes.toString()).code]).toEqual([409, 'STATE_CONFLICT']);
    await moveCampaign(adminToken, c.id, 'close');
    const rect = `/api/campaigns/${c.id}/homes/${home.id}/rectification`;
    expect((await api().post(rect, { token: chair.token, body: { plan: '每季度召开一次职代会，公开财务' } })).status).toBe(200);
    expect((await api().post(rect, { token: chair.token, body: { progress: '第一季度职代会已召开' } })).status).toBe(200);

    for (const token of [chair.token, adminToken]) {
      const dash = await api().get(`/api/homes/${home.id}/dashboard?campaignId=${c.id}`, { token });
      expect(dash.status).toBe(200);
      const d = dash.body;
      const pdf = await download(`/api/homes/${home.id}/dossier.pdf?campaignId=${c.id}`, token);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      // Properties: the title, the app and the day, never the library or the moment it was printed (who looked, when).
      const info = await pdfInfo(pdf.bytes);
      expect([info.Creator, info.Producer, info.ModDate]).toEqual(['评家', '评家', undefined]);
      expect(info.CreationDate).toMatch(/^\d{4}-\d{2}-\d{2}T16:00:00Z$/);
      const text = flat(await pdfText(pdf.bytes));
      const expected = [
        home.name,
        c.name,
        `评价人数：${d.participation.ratings}人；会员人数：${d.participation.members}人；参与率：${formatPercent(d.participation.rate)}`,
        `满意率：${formatPercent(d.satisfaction.rate)}`,
        `满意${d.satisfaction.satisfied}人；基本满意${d.satisfaction.basicallySatisfied}人；不满意${d.satisfaction.dissatisfied}人`,
        `本轮评定：${TIER_LABELS[d.title as keyof typeof TIER_LABELS]}`,
        ...CRITERIA.map((k) => `${k.label}${formatMean(d.criteria[k.key].mean)}`),
        ...d.trend.map(
          (p: any) =>
            `${p.campaign.name}满意率${formatPercent(p.satisfactionRate)}参与${p.ratings}人（${formatPercent(p.participationRate)}）`,
        ),
        `诉求总数：${d.grievances.total}件；办理中：${d.grievances.open}件；逾期：${d.grievances.overdue}件`,
        '每季度召开一次职代会，公开财务',
        '第一季度职代会已召开',
        '状态：待验收',
      ];
      for (const e of expected) expect(text).toContain(flat(e));
      // The figures written out by hand, so a dashboard and a dossier wrong alike would still fail:
      // 11 of 20 members; (6 + 3) / 11 satisfied; organization mean (6×5 + 3×4 + 2×2) / 11 = 46 / 11.
      expect(text).toContain(flat('评价人数：11 人；会员人数：20 人；参与率：55.0%'));
      expect(text).toContain(flat(`满意率：${formatPercent(9 / 11)}`));
      expect(text).toContain(flat(`组织健全 ${(46 / 11).toFixed(2)}`));
      // the demo province's own cycle (open) is in the trend too, with its participation only
      expect(d.trend.map((p: any) => p.campaign.id)).toEqual(expect.arrayContaining([earlier.id, c.id]));
      if (token === chair.token) {
        const page = await renderPage(pdf.bytes, 1, 80);
        keepShot('dossier-page-1.png', page);
        expect(inkCoverage(page)).toBeGreaterThan(0.02);
      }
    }
  });

  it('withholds below 5 ratings exactly as the dashboard does', async () => {
    const { adminToken, city } = await freshCity();
    const home = await createHome(adminToken, city.id, 10);
    const chair = await chairOf(adminToken, home.id);
    const c = await openCampaign(adminToken, city.id);
    await rateMany(c.id, home.id, 4, 'dissatisfied', { score: 1 });
    await moveCampaign(adminToken, c.id, 'close');
    const d = (await api().get(`/api/homes/${home.id}/dashboard?campaignId=${c.id}`, { token: chair.token })).body;
    expect([d.withheld, d.satisfaction, d.criteria, d.title]).toEqual([true, null, null, null]);
    const text = flat(await pdfText((await download(`/api/homes/${home.id}/dossier.pdf?campaignId=${c.id}`, chair.token)).bytes));
    expect(text).toContain(flat('评价人数：4 人；会员人数：10 人；参与率：40.0%'));
    expect(text).toContain(flat('评价不足 5 人，依照隐私规则不公布'));
    expect(text).toContain('尚未提交整改方案');
    // No satisfaction, verdict split, title or means (all four ratings were 1s and 不满意).
    for (const leak of ['满意率：', '不满意4', '本轮评定', '1.00']) expect(text).not.toContain(leak);
  });

  it('is for those who see the dashboard: the chair and the levels above; anyone else gets 404', async () => {
    const { adminToken, city } = await freshCity();
    const home = await createHome(adminToken, city.id, 10);
    const other = await createHome(adminToken, city.id, 10);
    const otherChair = await chairOf(adminToken, other.id);
    const c = await openCampaign(adminToken, city.id);
    await moveCampaign(adminToken, c.id, 'close');
    expect((await download(`/api/homes/${home.id}/dossier.pdf?campaignId=${c.id}`, otherChair.token)).status).toBe(404);
    expect((await download(`/api/homes/${home.id}/dossier.pdf?campaignId=not-a-uuid`, adminToken)).status).toBe(404);
    expect((await download(`/api/homes/${home.id}/dossier.pdf?campaignId=${c.id}`, adminToken)).status).toBe(200);
    const member = (await api().post('/api/auth/dev', { body: { openid: `dossier_${Date.now()}` } })).body.token;
    expect((await download(`/api/homes/${home.id}/dossier.pdf?campaignId=${c.id}`, member)).status).toBe(404);
  });
});
