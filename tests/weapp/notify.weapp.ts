// WeChat messages people ask for (issue 19), through the built weapp in WeChat's simulator, against the real
// server and the stand-in WeChat:
// - a member on a home's page asks to be told when the next cycle opens; when one opens for the home, the
//   server sends exactly one message, which opens that home's page;
// - a staff member binds this WeChat on 我的账号 (wx.login code), allows one reminder in WeChat's popup, and
//   a new grievance for them is that one message (no content); they can unbind.
import { FAKE_CYCLE_TEMPLATE_ID, FAKE_STAFF_TEMPLATE_ID } from '../fakes/wechat-server';
import { ADMIN } from './global-setup';
import { weapp } from './harness';
import { jsonClient } from './node-http';
import { adminLogin, api } from './server-api';

interface Sent {
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
}

/** Messages the stand-in WeChat accepted for this user, once there are `n` (polled, no fixed wait). */
async function messagesTo(openid: string, n: number): Promise<Sent[]> {
  for (let i = 0; ; i++) {
    const res = await jsonClient(process.env.FAKE_WECHAT_URL!).get(`/__control/messages?touser=${encodeURIComponent(openid)}`);
    const items = (res.body as { items: Sent[] }).items;
    if (items.length >= n || i > 200) return items;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('WeChat messages people ask for (weapp build, WeChat simulator)', () => {
  const h = weapp();
  let admin: { token: string; provinceId: string };

  beforeAll(async () => {
    admin = await adminLogin();
  });

  it('tells a member once when a cycle opens for the home they asked about', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const city = await api().post('/api/orgs', {
      token: admin.token,
      body: { parentId: admin.provinceId, name: `开评提醒市${tag}`, level: 'city' },
    });
    const home = await api().post('/api/homes', {
      token: admin.token,
      body: { orgId: city.body.id, name: `开评提醒厂工会${tag}`, kind: 'enterprise', memberCount: 30, membershipMode: 'open' },
    });
    expect(home.status).toBe(201);
    await h.reLaunch(`/pages/home/index?scene=${encodeURIComponent(home.body.sceneToken)}`);
    await h.waitForId('cycle-remind');
    await h.tap('cycle-remind');
    await h.waitFor(() => h.find('cycle-remind-result')?.textContent?.includes('已订阅'), { message: 'the opt-in confirmed' });
    const posts = h.env.requests.filter((r) => r.method === 'POST' && r.path === `/api/homes/${home.body.id}/cycle-messages`);
    expect(posts.map((r) => r.status)).toEqual([200]);

    const now = Date.now();
    const c = await api().post('/api/campaigns', {
      token: admin.token,
      body: {
        orgId: city.body.id,
        name: `开评提醒${tag}`,
        opensAt: new Date(now - 3600e3).toISOString(),
        closesAt: new Date(now + 30 * 86400e3).toISOString(),
      },
    });
    expect((await api().post(`/api/campaigns/${c.body.id}/open`, { token: admin.token })).status).toBe(200);
    const sent = (await messagesTo(h.env.openid, 1)).filter((m) => m.template_id === FAKE_CYCLE_TEMPLATE_ID);
    expect(sent).toHaveLength(1);
    expect(sent[0].page).toBe(`pages/home/index?scene=${encodeURIComponent(home.body.sceneToken)}`);
  });

  it('lets a staff member bind this WeChat, allow one reminder, get it for a new grievance, and unbind', async () => {
    h.newDevice();
    await h.reLaunch('/oversight/pages/account/index');
    await h.waitForId('login-submit');
    await h.type('login-username', ADMIN.username);
    await h.type('login-password', ADMIN.password);
    await h.tap('login-submit');
    await h.waitForId('wechat-bind');
    expect(h.text('wechat-messages-state')).toContain('未绑定');
    await h.tap('wechat-bind');
    await h.waitForId('wechat-subscribe');
    await h.tap('wechat-subscribe');
    await h.waitFor(() => h.find('wechat-notice')?.textContent?.includes('已订阅一条提醒'), { message: 'the reminder allowed' });
    expect(h.text('wechat-messages-state')).toContain('还可接收 1 条');

    // A worker files straight to the province (the demo admin handles it): the one message, no content.
    const worker = await api().post('/api/auth/dev', { body: { openid: `notify_worker_${Date.now()}` } });
    const filed = await api().post('/api/grievances', {
      token: worker.body.token,
      body: {
        orgId: admin.provinceId,
        type: 'complaint',
        topic: 'wages',
        content: '车间连续三个月拖欠加班工资，请工会帮助协调解决。',
        anonymous: true,
      },
    });
    expect(filed.status).toBe(201);
    const sent = (await messagesTo(h.env.openid, 1)).filter((m) => m.template_id === FAKE_STAFF_TEMPLATE_ID);
    expect(sent).toHaveLength(1);
    expect(sent[0].data.thing1.value).toBe('有新的诉求待受理');
    expect(JSON.stringify(sent[0])).not.toContain('加班工资');

    await h.tap('wechat-unbind');
    await h.waitForId('wechat-bind');
    expect(h.text('wechat-messages-state')).toContain('未绑定');
  });
});
