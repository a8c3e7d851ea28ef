// Issue 19 item 5, deadlines with teeth, in the H5 app: a grievance escalates level by level (county, then
// city), each level is told on its start page and sees the new limit; a resolved grievance the worker never
// rates closes itself, as tracking by code shows. The server's clock moves, so this suite runs a server of
// its own (TEST_CLOCK, testing module's MovableClock and grievance sweep) serving the same H5 build.
import { client } from '../support/http';
import { demoEnv, H5_BUILD, startServer, type RunningServer } from '../support/server';
import { adminWithCity, browserPage, expectAccessible, must, openHomeOn, text, uniq } from './fixtures';

const ADMIN = { username: 'deadlines-admin', password: 'deadlines-admin-password-1' };
const CONTENT = '车间连续三个月拖欠加班工资，工友们多次反映无果，请工会帮助协调。';

let server: RunningServer;
const api = () => client(server.url);
const china = (local: string) => new Date(`${local}+08:00`).toISOString();
const setClock = async (local: string) => expect((await api().post('/api/__test/clock', { body: { to: china(local) } })).status).toBe(200);
const sweep = async () => expect((await api().post('/api/__test/grievances/sweep')).status).toBe(200);

/** An invited staff account with a password (the browser signs in with it). */
async function invited(adminToken: string, path: string, role: 'chair' | 'federation_admin') {
  const invite = await must('invite', api().post(`${path}/invites`, { token: adminToken, body: { role } }), 201);
  const who = { username: uniq('dl_staff_'), password: 'deadlines-staff-password-1' };
  const accepted = await must('accept', api().post(`/api/invites/${invite.code}/accept`, { body: who }));
  return { ...who, token: accepted.token as string };
}

async function signIn(page: Awaited<ReturnType<typeof browserPage>>['page'], who: { username: string; password: string }) {
  await page.goto(`${server.url}/oversight/pages/staff/index`);
  await page.locator('#login-username input').fill(who.username);
  await page.locator('#login-password input').fill(who.password);
  await page.locator('#login-submit').click();
}

describe('deadlines with teeth (H5)', () => {
  let world: {
    homeName: string;
    grievance: { id: string; trackingCode: string };
    countyAdmin: { username: string; password: string };
    cityAdmin: { username: string; password: string };
    chair: { token: string };
    worker: string;
    homeId: string;
  };

  beforeAll(async () => {
    server = await startServer({
      H5_DIR: H5_BUILD,
      ...demoEnv(ADMIN),
      TEST_CLOCK: 'true',
      GRIEVANCE_SWEEP_INTERVAL_MS: '0',
      RATE_LIMIT_LOGINS_PER_IP: '1000000',
      RATE_LIMIT_WRITES_PER_IP: '1000000',
    });
    const { city, ...admin } = await adminWithCity(api, ADMIN, '督办市');
    const county = await must(
      'county',
      api().post('/api/orgs', { token: admin.token, body: { parentId: city.id, name: uniq('督办县'), level: 'county' } }),
      201,
    );
    const homeName = uniq('督办测试厂工会');
    const home = await openHomeOn(api, admin.token, county.id, homeName, 50);
    const chair = await invited(admin.token, `/api/homes/${home.id}`, 'chair');
    const countyAdmin = await invited(admin.token, `/api/orgs/${county.id}`, 'federation_admin');
    const cityAdmin = await invited(admin.token, `/api/orgs/${city.id}`, 'federation_admin');
    const worker = (await must('worker', api().post('/api/auth/dev', { body: { openid: uniq('dl_worker_') } }))).token;

    await setClock('2026-11-02T10:00:00');
    const grievance = await must(
      'file',
      api().post('/api/grievances', {
        token: worker,
        body: { homeId: home.id, type: 'complaint', topic: 'wages', content: CONTENT, anonymous: true },
      }),
      201,
    );
    await must('accept', api().post(`/api/grievances/${grievance.id}/actions`, { token: chair.token, body: { action: 'accept' } }));
    world = { homeName, grievance, countyAdmin, cityAdmin, chair, worker, homeId: home.id };
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('the county is told of the escalation on its start page and sees its own new limit', async () => {
    // Due at the end of 11-19; past it, up to the county with 5 working days (11-23 … 11-27).
    await setClock('2026-11-20T09:00:00');
    await sweep();
    const { page, errors, close } = await browserPage();
    try {
      await signIn(page, world.countyAdmin);
      expect(await text(page, '#alerts-notice-0')).toContain('转由本级工会督办');
      expect(await text(page, '#alerts-notice-0')).toContain(world.homeName);
      expect(await text(page, '#alerts-new')).toBe('0');
      expect(await text(page, '#alerts-overdue')).toBe('0');
      await expectAccessible(page);
      await page.locator('#alerts-notice-0').click();
      expect(await text(page, '#grievance-due')).toContain('11月27日');
      expect(await page.locator('#grievance-overdue').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a second climb takes it to the city with a new limit, and the city is told', async () => {
    // Past the county's limit (reminded), then its 3 working days of grace (11-30, 12-1, 12-2): up to the city
    // on 12-3 with 5 working days (12-4, 7, 8, 9, 10).
    await setClock('2026-11-28T09:00:00');
    await sweep();
    await setClock('2026-12-03T09:00:00');
    await sweep();
    const { page, errors, close } = await browserPage();
    try {
      await signIn(page, world.cityAdmin);
      expect(await text(page, '#alerts-notice-0')).toContain('转由本级工会督办');
      await page.locator('#alerts-read-all').click();
      await page.locator('#alerts-read-all').waitFor({ state: 'detached' });
      expect(await text(page, '#alerts-unread')).toBe('催办与督办提醒');
      await page.locator('#alerts-notice-0').click();
      expect(await text(page, '#grievance-due')).toContain('12月10日');
      expect(await page.locator('#grievance-overdue').count()).toBe(0);
      expect(await text(page, '#grievance-handler')).toBeTruthy();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('auto-closes a resolved grievance after 7 working days of silence; tracking by code shows it', async () => {
    const cityToken = (
      await must(
        'city login',
        api().post('/api/auth/password', { body: { username: world.cityAdmin.username, password: world.cityAdmin.password } }),
      )
    ).token;
    await setClock('2026-12-14T10:00:00');
    await must(
      'resolve',
      api().post(`/api/grievances/${world.grievance.id}/actions`, {
        token: cityToken,
        body: { action: 'resolve', message: '已督促企业补发' },
      }),
    );
    await setClock('2026-12-24T08:00:00');
    await sweep();
    const { page, errors, close } = await browserPage();
    try {
      await page.goto(`${server.url}/pages/grievance/track/index`);
      await page.locator('#track-code input').fill(world.grievance.trackingCode);
      await page.locator('#track-submit').click();
      expect(await text(page, '#track-status')).toContain('已关闭');
      // Closed by the system, not by a worker's verdict (that would add a 职工评价 step before it).
      const last = (await page.locator('[id^="timeline-step-"]').count()) - 1;
      expect(await text(page, `#timeline-step-${last}`)).toContain('已关闭');
      expect(await text(page, `#timeline-meta-${last}`)).toContain('系统');
      expect(await page.locator('#track-result').innerText()).not.toContain('职工评价');
      await expectAccessible(page);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
