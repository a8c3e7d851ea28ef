import { eventually } from './grievances.fixtures';
import { api, chairOf, createHome, freshCity, member, moveCampaign, openCampaign, openCityWithChair, rateMany } from './oversight.fixtures';

// Home dashboards missing from the caches are computed by the home readers (worker threads with their own
// read-only connection, dashboard/home-readers.ts) on SQLite. Their bytes must be the request thread's,
// byte for byte, and a read must see every write answered before it. (On MariaDB there are no readers:
// the hook answers reader null and the dashboards are the request thread's, as before.)
const sqlite = !process.env.TEST_DATABASE_URL;

type Both = { reader: string | null; thread: string };
const both = async (homeId: string, campaignId: string | null, upperLevel: boolean): Promise<Both> => {
  const q = new URLSearchParams({ upperLevel: String(upperLevel), ...(campaignId ? { campaignId } : {}) });
  const res = await api().get(`/api/__test/home-answer/${homeId}?${q}`);
  expect(res.status).toBe(200);
  return res.body as Both;
};
/** Both ways, once a reader is ready (they start with the server, and again after a failure). */
const readerAndThread = (homeId: string, campaignId: string | null, upperLevel: boolean) =>
  eventually(
    () => both(homeId, campaignId, upperLevel),
    (b) => !sqlite || b.reader !== null,
    20_000,
  );

async function grievance(homeId: string, topic: string) {
  const { token } = await member();
  const res = await api().post('/api/grievances', {
    token,
    body: { homeId, type: 'complaint', topic, content: '单位连续两个月拖欠加班工资，希望工会协调解决', anonymous: true },
  });
  expect(res.status).toBe(201);
}

describe('home readers', () => {
  it('answer the request thread’s bytes: published, closed and open cycles, withheld groups and figures, comments, grievances, chair and federation', async () => {
    const { adminToken, city, campaign: first, chair, homes } = await openCityWithChair([40, 12]);
    const [home, small] = homes;
    // First cycle: 12 ratings with one group shown (migrant 5, others 7) and one withheld (frontline 10,
    // others 2); 10 approved comments; the small home below five ratings (nothing but the count).
    await rateMany(first.id, home.id, 5, 'satisfied', { groups: ['migrant', 'frontline'], comment: '食堂改善了' });
    await rateMany(first.id, home.id, 5, 'dissatisfied', { groups: ['frontline'], comment: '加班太多' });
    await rateMany(first.id, home.id, 2, 'basically_satisfied');
    await rateMany(first.id, small.id, 4, 'satisfied');
    await moveCampaign(adminToken, first.id, 'close');
    await moveCampaign(adminToken, first.id, 'publish');
    // Second cycle: closed, not published. Third: open (participation rounded down to 5, days left).
    const second = await openCampaign(adminToken, city.id, 1800e3);
    await rateMany(second.id, home.id, 7, 'satisfied', { groups: ['women'] });
    await moveCampaign(adminToken, second.id, 'close');
    const open = await openCampaign(adminToken, city.id, 600e3);
    await rateMany(open.id, home.id, 8, 'basically_satisfied');
    // Grievances, one about the union itself (shown to the level above, never to the chair).
    await grievance(home.id, 'wages');
    await grievance(home.id, 'union');

    let compared = 0;
    for (const h of [home, small]) {
      for (const cid of [first.id, second.id, open.id, null]) {
        for (const upperLevel of [true, false]) {
          const b = await readerAndThread(h.id, cid, upperLevel);
          if (sqlite) expect(b.reader).toBe(b.thread);
          compared++;
        }
      }
    }
    expect(compared).toBe(16);

    // What the figures hold, so the comparison is of answers that show each rule.
    const published = JSON.parse((await readerAndThread(home.id, first.id, true)).thread);
    expect(published.groups.migrant).toMatchObject({ ratings: 5 });
    expect(published.groups.frontline).toBeNull();
    expect(published.comments).toHaveLength(10);
    expect(published.grievances).toBeTruthy();
    expect(JSON.parse((await readerAndThread(small.id, first.id, true)).thread)).toMatchObject({
      participation: { ratings: 4 },
      satisfaction: null,
    });
    const running = JSON.parse((await readerAndThread(home.id, null, false)).thread);
    expect(running).toMatchObject({
      campaign: { id: open.id },
      participation: { ratings: 5 },
      openCycle: { daysLeft: expect.any(Number) },
    });

    // And the dashboards themselves answer those bytes, to the federation and to the chair.
    for (const [token, upperLevel] of [
      [adminToken, true],
      [chair.token, false],
    ] as const) {
      for (const cid of [first.id, open.id]) {
        const res = await api().get(`/api/homes/${home.id}/dashboard?campaignId=${cid}`, { token });
        expect(res.status).toBe(200);
        expect(res.text).toBe((await readerAndThread(home.id, cid, upperLevel)).thread);
      }
    }
  });

  it('decide access as the request thread does: the federation above, the chair, another home’s chair, a member', async () => {
    const { adminToken, homes, chair } = await openCityWithChair([40, 40]);
    const [home, other] = homes;
    const adminId = (await api().get('/api/me', { token: adminToken })).body.id as string;
    const otherChair = await chairOf(adminToken, other.id);
    const someone = await member();
    const decided = async (userId: string) => {
      const res = await api().get(`/api/__test/home-access/${home.id}?userId=${userId}`);
      expect(res.status).toBe(200);
      return res.body as { reader: unknown; thread: unknown };
    };
    // Once a reader is ready (the chair's access is granted: a reader's null then means none was ready).
    await eventually(
      () => decided(chair.userId),
      (d) => !sqlite || d.reader !== null,
      20_000,
    );
    const cases: [string, unknown][] = [
      [adminId, { homeId: home.id, upperLevel: true }],
      [chair.userId, { homeId: home.id, upperLevel: false }],
      [otherChair.userId, null],
      [someone.id, null],
    ];
    for (const [userId, expected] of cases) {
      const d = await decided(userId);
      expect(d.thread).toEqual(expected);
      if (sqlite) expect(d.reader).toEqual(expected);
    }
    // And through the dashboard: refused as before.
    for (const token of [otherChair.token, someone.token]) {
      expect((await api().get(`/api/homes/${home.id}/dashboard`, { token })).status).toBe(404);
    }
    expect((await api().get(`/api/homes/${home.id}/dashboard`, { token: chair.token })).status).toBe(200);
  });

  it('show every rating answered before the read', async () => {
    const { adminToken, city } = await freshCity();
    const home = await createHome(adminToken, city.id, 40);
    const c = await openCampaign(adminToken, city.id);
    const ratings = (text: string | null) => (text === null ? null : JSON.parse(text).participation.ratings);
    expect(ratings((await readerAndThread(home.id, c.id, true)).reader)).toBe(sqlite ? 0 : null);
    // An open cycle shows its participation rounded down to 5: each step of five ratings must show at once,
    // in the reader's own answer (not a fallback to the request thread) and in the dashboard.
    for (let n = 5; n <= 20; n += 5) {
      await rateMany(c.id, home.id, 5, 'satisfied');
      if (sqlite) expect(ratings((await both(home.id, c.id, true)).reader)).toBe(n);
      const res = await api().get(`/api/homes/${home.id}/dashboard?campaignId=${c.id}`, { token: adminToken });
      expect(res.status).toBe(200);
      expect(res.body.participation.ratings).toBe(n);
    }
  });
});
