// The federations' rectification overview (issue 18 item 6): where each home's plan stands after a
// cycle, with 退回 (send-back, with a reason, audited) and sign-off.
import { api, chairOf, createHome, createOrg, freshCity, moveCampaign, openCampaign, openCityWithChair } from './oversight.fixtures';

const rectPath = (cid: string, hid: string) => `/api/campaigns/${cid}/homes/${hid}/rectification`;

describe('rectification overview (整改情况)', () => {
  it('lists every home of a closed cycle by state, sends a plan back with a reason and signs another off', async () => {
    const { adminToken, city } = await freshCity();
    const county = await createOrg(adminToken, city.id, 'county');
    const [a, b, c, d] = await Promise.all(
      ['甲', '乙', '丙', '丁'].map((n) => createHome(adminToken, county.id, 10, `${n}厂工会职工之家`)),
    );
    const e = await createHome(adminToken, city.id, 10, '戊厂工会职工之家');
    const campaign = await openCampaign(adminToken, city.id);
    const chairs = await Promise.all([a, b, c, d].map((h) => chairOf(adminToken, h.id)));
    const overview = (org: string, query = '', token = adminToken) =>
      api().get(`/api/orgs/${org}/rectifications?campaignId=${campaign.id}${query}`, { token });

    // Before the close there is nothing to follow up.
    expect((await overview(city.id)).status).toBe(409);
    await moveCampaign(adminToken, campaign.id, 'close');

    const post = (i: number, body: object) => api().post(rectPath(campaign.id, [a, b, c, d][i].id), { token: chairs[i].token, body });
    expect((await post(0, { plan: '甲：完善职代会' })).status).toBe(200);
    expect((await post(1, { plan: '乙：厂务公开' })).status).toBe(200);
    expect((await post(1, { progress: '乙：已公开' })).status).toBe(200);
    expect((await post(2, { plan: '丙：职工书屋' })).status).toBe(200);
    expect((await post(2, { progress: '丙：书屋已开放' })).status).toBe(200);
    expect((await api().post(`${rectPath(campaign.id, c.id)}/sign-off`, { token: adminToken })).status).toBe(200);
    expect((await post(3, { plan: '丁：以后再说' })).status).toBe(200);

    // 退回: a reason is required; the chair may not send its own plan back; a home without a plan has nothing to return.
    const sendBack = (hid: string, body: object, token = adminToken) =>
      api().post(`${rectPath(campaign.id, hid)}/send-back`, { token, body });
    const blank = await sendBack(d.id, { reason: '  ' });
    expect([blank.status, Object.keys(blank.body.fields ?? {})]).toEqual([400, ['reason']]);
    expect((await sendBack(d.id, {})).status).toBe(400);
    expect((await sendBack(d.id, { reason: '自己退回' }, chairs[3].token)).status).toBe(403);
    expect((await sendBack(e.id, { reason: '没有方案' })).status).toBe(409);
    expect((await sendBack(c.id, { reason: '已验收' })).status).toBe(409);
    const returned = await sendBack(d.id, { reason: '方案没有具体措施和完成时间' });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ status: 'sent_back', sentBack: { reason: '方案没有具体措施和完成时间' } });
    expect((await sendBack(d.id, { reason: '再退一次' })).status).toBe(409);
    // A returned plan is not signed off until it is revised.
    expect((await post(3, { progress: '丁：开了一次会' })).status).toBe(200);
    const early = await api().post(`${rectPath(campaign.id, d.id)}/sign-off`, { token: adminToken });
    expect([early.status, early.body.message]).toEqual([409, '整改方案已退回，待修改后再验收']);
    // The chair sees why.
    const seen = await api().get(rectPath(campaign.id, d.id), { token: chairs[3].token });
    expect(seen.body.sentBack).toEqual({ reason: '方案没有具体措施和完成时间', on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });

    const all = await overview(city.id);
    expect(all.status).toBe(200);
    expect(all.body.campaign).toMatchObject({ id: campaign.id, planDue: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(all.body.counts).toEqual({ overdue: 0, sent_back: 1, awaiting_sign_off: 1, missing: 1, in_progress: 1, signed_off: 1 });
    // What needs the federation first comes first.
    expect(all.body.items.map((i: any) => [i.home.name, i.state])).toEqual([
      ['丁厂工会职工之家', 'sent_back'],
      ['乙厂工会职工之家', 'awaiting_sign_off'],
      ['戊厂工会职工之家', 'missing'],
      ['甲厂工会职工之家', 'in_progress'],
      ['丙厂工会职工之家', 'signed_off'],
    ]);
    expect(all.body.items[0]).toMatchObject({ updates: 1, sentBack: { reason: '方案没有具体措施和完成时间' }, planOn: expect.any(String) });
    expect(all.body.items[4]).toMatchObject({ updates: 1, signedOffOn: expect.any(String), sentBack: null });
    expect(all.body.items[2]).toMatchObject({ planOn: null, updates: 0, lastUpdateOn: null });

    // The county sees its four homes only; filters and pages.
    expect((await overview(county.id)).body.total).toBe(4);
    const returnedOnly = await overview(city.id, '&state=sent_back');
    expect(returnedOnly.body.items.map((i: any) => i.home.id)).toEqual([d.id]);
    expect(returnedOnly.body.counts.missing).toBe(1); // counts cover the whole scope, not the filter
    const page2 = await overview(city.id, '&pageSize=2&page=2');
    expect(page2.body.items.map((i: any) => i.home.name)).toEqual(['戊厂工会职工之家', '甲厂工会职工之家']);
    expect((await overview(city.id, '&state=lost')).status).toBe(400);
    expect((await api().get(`/api/orgs/${city.id}/rectifications`, { token: adminToken })).status).toBe(400);
    // A chair is not a federation: 404.
    expect((await overview(city.id, '', chairs[0].token)).status).toBe(404);

    // The chair revises: back with the level above, the reason cleared; then it can be signed off.
    const revised = await post(3, { plan: '丁：每季度召开职代会，年底前完成' });
    expect(revised.body).toMatchObject({ status: 'planned', sentBack: null });
    expect((await overview(city.id, '&state=awaiting_sign_off')).body.items.map((i: any) => i.home.id).sort()).toEqual([b.id, d.id].sort());
    expect((await api().post(`${rectPath(campaign.id, d.id)}/sign-off`, { token: adminToken })).status).toBe(200);

    // Audited with the reason.
    const log = await api().get(`/api/orgs/${city.id}/audit?pageSize=200`, { token: adminToken });
    const sentBackEvent = log.body.items.find((i: any) => i.action === 'rectification.send_back');
    expect(sentBackEvent).toMatchObject({
      target: { type: 'rectification' },
      detail: { campaignId: campaign.id, reason: '方案没有具体措施和完成时间' },
    });
  });

  it('keeps a send-back reason out of the public results', async () => {
    const { adminToken, campaign, chair, homes } = await openCityWithChair([10]);
    const [home] = homes;
    await moveCampaign(adminToken, campaign.id, 'close');
    await api().post(rectPath(campaign.id, home.id), { token: chair.token, body: { plan: '加强建设' } });
    expect(
      (await api().post(`${rectPath(campaign.id, home.id)}/send-back`, { token: adminToken, body: { reason: '内部意见' } })).status,
    ).toBe(200);
    await moveCampaign(adminToken, campaign.id, 'publish');
    const results = await api().get(`/api/homes/${home.id}/results`);
    expect(results.body.rectification).toMatchObject({ plan: '加强建设', sentBack: null });
    expect(JSON.stringify(results.body)).not.toContain('内部意见');
  });
});
