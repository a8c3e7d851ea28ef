// 认可/不认可 in the weapp build (issue 19 item 1): a member who scans the home's code after 公布结果 says
// whether the rectification plan answers their concerns; the answer is theirs (wx.login through the
// stand-in WeChat), changeable, and counted by the server once.
import { weapp } from './harness';
import { adminLogin, api, closeCampaign, otherMemberToken, ownCityWithCampaign } from './server-api';
import { confirmedMove } from '../support/campaigns';
import { must } from '../support/must';

describe('a member gives 认可 to the rectification plan (weapp build, WeChat simulator)', () => {
  const h = weapp();
  let home: { id: string; name: string; sceneToken: string };
  let endorsements: string;

  beforeAll(async () => {
    const { token, provinceId } = await adminLogin();
    const own = await ownCityWithCampaign(token, provinceId, 10);
    home = own.home;
    await closeCampaign(token, own.campaign.id);
    const invite = await must('invite', api().post(`/api/homes/${home.id}/invites`, { token, body: { role: 'chair' } }), 201);
    const chair = { username: `endorse_chair_${Date.now().toString(36)}`, password: 'endorse-chair-password-1' };
    await must('accept', api().post(`/api/invites/${invite.code}/accept`, { body: chair }));
    const chairToken = (await must('chair login', api().post('/api/auth/password', { body: chair }))).token;
    const rect = `/api/campaigns/${own.campaign.id}/homes/${home.id}/rectification`;
    await must('plan', api().post(rect, { token: chairToken, body: { plan: '每月公开工会经费收支' } }));
    await must('publish', confirmedMove(api(), token, own.campaign.id, 'publish'));
    endorsements = `/api/campaigns/${own.campaign.id}/homes/${home.id}/endorsements`;
    for (let i = 0; i < 4; i++)
      await must('endorse', api().put(`${endorsements}/mine`, { token: await otherMemberToken(), body: { verdict: 'agree' } }));
  });

  it("records the member's 认可, shows it as theirs and counts it once", async () => {
    await h.launch({ path: 'pages/home/index', query: { scene: encodeURIComponent(home.sceneToken) }, scene: 1047 });
    await h.waitForId('endorse-agree');
    expect(h.text('endorsement-figures')).toContain('表态满 5 人后显示人数');
    await h.tap('endorse-agree');
    await h.waitForId('endorsement-saved');
    expect(h.text('endorsement-saved')).toContain('认可');
    expect(String(h.attr('endorsement-saved', 'class'))).toContain('callout--success');
    // The member's own token (logged in through wx.login): the server holds their answer.
    const token = h.storageGet('pingjia.token') as string;
    expect((await api().get(`${endorsements}/mine`, { token })).body).toEqual({ verdict: 'agree' });
    await h.waitFor(() => h.find('endorsement-figures')?.textContent?.includes('已有 5 余位'), { message: 'count of 5 shown' });

    await h.tap('endorse-disagree');
    await h.waitFor(() => h.find('endorsement-saved')?.textContent?.includes('不认可'), { message: 'changed to 不认可' });
    expect((await api().get(`${endorsements}/mine`, { token })).body).toEqual({ verdict: 'disagree' });
    expect((await api().get(endorsements)).body).toMatchObject({ open: true, responded: 5 });
  });
});
