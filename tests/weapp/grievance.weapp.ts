// A worker scans a home's QR code in WeChat, reports a grievance about the union itself anonymously (it goes
// to the federation above, not to the chair), allows one WeChat progress message in the subscribe popup, and
// is shown the tracking code; when the federation accepts it, the server
// sends that one message through the (stand-in) WeChat API to this worker. All through the built weapp in
// WeChat's simulator, against the real server.
import { FAKE_TEMPLATE_ID } from '../fakes/wechat-server';
import { weapp } from './harness';
import { jsonClient } from './node-http';
import { scanHomeCode } from './scenarios';
import { adminLogin, api, demoHomes, type DemoHome } from './server-api';

const MEMBER_TOKEN_KEY = 'pingjia.token';
const CONTENT = `模拟器诉求${Date.now().toString(36)}：工会从不召开会员大会，经费使用也从不公开。`;

interface Sent {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
}

async function messagesTo(openid: string): Promise<Sent[]> {
  const res = await jsonClient(process.env.FAKE_WECHAT_URL!).get(`/__control/messages?touser=${encodeURIComponent(openid)}`);
  if (res.status !== 200) throw new Error(`stand-in WeChat: ${res.status}`);
  return (res.body as { items: Sent[] }).items;
}

describe('a worker reports a grievance in WeChat and is told of its progress (weapp build, WeChat simulator)', () => {
  const h = weapp();
  let home: DemoHome;
  let adminToken: string;
  let created: { id: string; trackingCode: string };

  beforeAll(async () => {
    const admin = await adminLogin();
    adminToken = admin.token;
    // Not the home the other suites rate: the last demo home.
    home = demoHomes().at(-1)!;
  });

  it('opens 我要维权 from the home page: the form for this home, submit disabled until complete', async () => {
    await scanHomeCode(h, home);
    await h.tap('grievance-start');
    await h.waitForRoute('pages/grievance/new/index');
    await h.waitForId('grievance-home');
    expect(h.text('grievance-home')).toBe(home.name);
    // The server names a subscribe template: the opt-in is offered (it is not on H5).
    await h.waitForId('grievance-notify');
    expect(h.attr('grievance-submit', 'disabled')).toBe(true);
  });

  it('fills the form, allows one progress message in the WeChat popup, and files it (201); the code is shown once', async () => {
    await h.tap('grievance-type-complaint');
    await h.tap('grievance-topic-union');
    await h.type('grievance-content', CONTENT);
    await h.waitFor(() => h.text('grievance-content-count') === `${Array.from(CONTENT).length}/2000`, { message: 'the live count' });
    await h.tap('grievance-anonymous-yes');
    await h.tap('grievance-notify');
    await h.waitFor(() => h.text('grievance-notify').startsWith('☑'), { message: 'the opt-in to be ticked' });
    await h.waitFor(() => h.attr('grievance-submit', 'disabled') === false, { message: 'submit to be enabled' });
    await h.tap('grievance-submit');

    await h.waitForRoute('pages/grievance/done/index');
    await h.waitForId('grievance-code');
    const posts = h.env.requests.filter((r) => r.method === 'POST' && r.path === '/api/grievances');
    expect(posts.map((r) => r.status)).toEqual([201]);
    const code = h.text('grievance-code');
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    expect(h.text('grievance-done-follow')).toContain('匿名');

    const mine = await api().get('/api/grievances/mine', { token: h.storageGet(MEMBER_TOKEN_KEY) as string });
    expect(mine.status).toBe(200);
    const filed = mine.body.items.filter((g: { content: string }) => g.content === CONTENT);
    expect(filed).toHaveLength(1);
    expect(filed[0]).toMatchObject({ type: 'complaint', topic: 'union', anonymous: true, status: 'submitted' });
    created = { id: filed[0].id, trackingCode: code };
    // The code the page showed is the one that tracks this grievance.
    const tracked = await api().get(`/api/grievances/track/${encodeURIComponent(code)}`);
    expect(tracked.status).toBe(200);
    expect(tracked.body.status).toBe('submitted');
    // Nothing is sent before there is progress to tell.
    expect(await messagesTo(h.env.openid)).toEqual([]);
  });

  it('when the federation accepts it, WeChat delivers exactly one progress message to this worker, without the content', async () => {
    const accepted = await api().post(`/api/grievances/${created.id}/actions`, { token: adminToken, body: { action: 'accept' } });
    expect(accepted.status).toBe(200);
    let sent: Sent[] = [];
    for (let i = 0; i < 100 && sent.length === 0; i++) {
      sent = await messagesTo(h.env.openid);
      if (!sent.length) await new Promise((r) => setTimeout(r, 100));
    }
    expect(sent).toHaveLength(1);
    expect(sent[0].template_id).toBe(FAKE_TEMPLATE_ID);
    expect(sent[0].page).toContain(created.id);
    expect(JSON.stringify(sent[0].data)).not.toContain('会员大会');

    // One allowance, one message: a second change sends nothing more.
    const replied = await api().post(`/api/grievances/${created.id}/actions`, {
      token: adminToken,
      body: { action: 'resolve', message: '已督促该工会召开会员大会并公开经费。' },
    });
    expect(replied.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await messagesTo(h.env.openid)).toHaveLength(1);
  });
});
