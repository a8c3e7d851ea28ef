// Issue 19 (items 2-4) in the weapp build, in WeChat's simulator: a worker on a new device with only the
// tracking code answers the handler's question, rates the handling and withdraws another grievance; a
// worker with no poster finds the home by region and name and files to it. The handler acts through the API.
import { weapp } from './harness';
import { adminLogin, api, otherMemberToken } from './server-api';

const must = (what: string, res: { status: number; body: any }, status = 200) => {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};
const tag = Date.now().toString(36);

describe('the worker side of a grievance by tracking code, and filing by region (weapp build, WeChat simulator)', () => {
  const h = weapp();
  let admin: { token: string; provinceId: string };
  let city: { id: string; name: string };
  let home: { id: string; name: string };
  let worker: string;
  let chair: string;

  const file = async () =>
    must(
      'file',
      await api().post('/api/grievances', {
        token: worker,
        body: { homeId: home.id, type: 'help', topic: 'hours', content: '单位连续三个月安排周末加班却不给调休。', anonymous: true },
      }),
      201,
    ) as { id: string; trackingCode: string };
  const act = (id: string, body: Record<string, unknown>) => api().post(`/api/grievances/${id}/actions`, { token: chair, body });

  /** A phone that never saw the grievance: open the tracking page and look the code up. */
  const track = async (code: string) => {
    h.newDevice();
    await h.reLaunch('/pages/grievance/track/index');
    await h.waitForId('track-code');
    await h.type('track-code', code);
    await h.tap('track-submit');
    await h.waitForId('track-status');
  };

  beforeAll(async () => {
    admin = await adminLogin();
    city = must(
      'city',
      await api().post('/api/orgs', {
        token: admin.token,
        body: { parentId: admin.provinceId, name: `模拟器线索市${tag}`, level: 'city' },
      }),
      201,
    );
    home = must(
      'home',
      await api().post('/api/homes', {
        token: admin.token,
        body: { orgId: city.id, name: `模拟器线索厂工会${tag}`, kind: 'enterprise', memberCount: 30, membershipMode: 'open' },
      }),
      201,
    );
    worker = await otherMemberToken();
    // The home's chair, invited by the province's admin, handles its grievances.
    const invite = must('invite', await api().post(`/api/homes/${home.id}/invites`, { token: admin.token, body: { role: 'chair' } }), 201);
    const login = { username: `weapp_thread_${tag}`, password: 'weapp-thread-password-123' };
    chair = must('accept', await api().post(`/api/invites/${invite.code}/accept`, { body: login })).token;
    await h.launch({ path: 'pages/grievance/track/index' });
  });

  it('answers the question on a new device holding only the code, then rates the handling there', async () => {
    const g = await file();
    must('accept', await act(g.id, { action: 'accept' }));
    must('ask', await act(g.id, { action: 'ask', message: '请问每次加班大约几个小时？' }));

    await track(g.trackingCode);
    await h.waitForId('answer-question');
    expect(h.text('answer-question')).toBe('请问每次加班大约几个小时？');
    await h.type('answer-text', '每次大约八个小时');
    await h.waitFor(() => h.attr('answer-submit', 'disabled') === false, { message: 'the answer button to be enabled' });
    await h.tap('answer-submit');
    await h.waitFor(() => h.find('track-done')?.textContent?.includes('回答已发送'), { message: 'the answer to be sent' });
    expect(h.find('answer')).toBeNull();
    const seen = must('view', await api().get(`/api/grievances/${g.id}`, { token: chair }));
    expect(seen.timeline.at(-1)).toMatchObject({ kind: 'answered', actorRole: 'reporter', message: '每次大约八个小时' });

    must('resolve', await act(g.id, { action: 'resolve', message: '单位已同意安排调休' }));
    await track(g.trackingCode);
    expect(h.text('track-status')).toBe('已办结');
    expect(h.pageText()).toContain('单位已同意安排调休');
    await h.tap('feedback-satisfied');
    await h.waitFor(() => h.attr('feedback-submit', 'disabled') === false, { message: 'the feedback button to be enabled' });
    await h.tap('feedback-submit');
    await h.waitFor(() => h.text('track-status') === '已关闭', { message: 'the grievance to close' });
    expect(h.text('track-feedback')).toContain('满意');
    expect(must('after', await api().get(`/api/grievances/${g.id}`, { token: chair })).status).toBe('closed');
  });

  it('withdraws after a confirmation', async () => {
    const g = await file();
    await track(g.trackingCode);
    await h.tap('withdraw-start');
    await h.waitForId('withdraw-question');
    await h.tap('withdraw-confirm');
    await h.waitFor(() => h.text('track-status') === '已撤回', { message: 'the grievance to be withdrawn' });
    expect(h.find('withdraw')).toBeNull();
    expect((await act(g.id, { action: 'accept' })).status).toBe(409);
  });

  it('finds the home by region and name without the poster, and files to it', async () => {
    h.newDevice();
    await h.reLaunch('/pages/grievance/new/index');
    // Region by region, each chosen by its name as the page lists it (other suites may add cities meanwhile).
    const tapOrg = async (name: string) => {
      const i = await h.waitFor(
        () => {
          for (let k = 0; h.find(`region-org-${k}`); k++) if (h.text(`region-org-${k}`) === name) return k + 1;
          return null;
        },
        { message: `the region ${name} to be listed` },
      );
      await h.tap(`region-org-${i - 1}`);
    };
    const provinces = must('orgs', await api().get('/api/grievance-places/orgs')) as Array<{ id: string; name: string }>;
    await tapOrg(provinces.find((o) => o.id === admin.provinceId)!.name);
    await h.waitForId('region-crumb-0');
    await tapOrg(city.name);
    await h.waitForId('region-crumb-1');
    await h.type('region-query', '线索厂');
    await h.tap('region-search-submit');
    await h.waitForId('region-home-0');
    expect(h.text('region-home-0')).toBe(`${home.name}（${city.name}）`);
    await h.tap('region-home-0');
    await h.waitForId('grievance-home');
    expect(h.text('grievance-home')).toBe(home.name);

    await h.tap('grievance-type-help');
    await h.tap('grievance-topic-wages');
    const content = `模拟器按地区找到${tag}：单位拖欠两个月加班工资。`;
    await h.type('grievance-content', content);
    await h.tap('grievance-anonymous-yes');
    await h.waitFor(() => h.attr('grievance-submit', 'disabled') === false, { message: 'submit to be enabled' });
    await h.tap('grievance-submit');
    await h.waitForRoute('pages/grievance/done/index');
    const posts = h.env.requests.filter((r) => r.method === 'POST' && r.path === '/api/grievances');
    expect(posts.map((r) => r.status)).toEqual([201]);
    const queue = must('queue', await api().get('/api/grievances?pageSize=100', { token: chair }));
    expect(
      queue.items.filter((i: { content: string; home: { id: string } }) => i.content === content && i.home.id === home.id),
    ).toHaveLength(1);
  });
});
