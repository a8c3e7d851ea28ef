// Issue 18: a province's own grievance time limits apply at filing, extension and reopening, and the
// app reads them from the server. The suite changes its province's settings and moves the clock: it
// runs its own server and database (on MariaDB every other suite shares one province).
import { DEFAULT_PROVINCE_SETTINGS, ProvinceSettings } from '@pingjia/shared';
import { GOOD_CONTENT, grievanceFixtures } from './grievances.fixtures';
import { OwnServer, startOwnServer } from './own-server';

let own: OwnServer;

beforeAll(async () => {
  own = await startOwnServer('limits', { TEST_CLOCK: 'true' });
}, 120_000);
afterAll(() => own?.close());

const fx = () => grievanceFixtures(own.api, own.target);
/** A moment in China time (UTC+8). */
const china = (local: string) => new Date(`${local}+08:00`).toISOString();
const setClock = async (local: string) => {
  const res = await own.api.post('/api/__test/clock', { body: { to: china(local) } });
  expect(res.status).toBe(200);
};

describe("a province's grievance time limits", () => {
  it('set the limits of a new grievance, its longest extension and the new round after a reopening', async () => {
    const f = fx();
    const w = await f.world();
    const before = await own.api.get(`/api/grievance-places/limits?homeId=${w.homeA.id}`);
    expect(before.status).toBe(200);
    expect(before.body).toEqual({
      acceptDays: 1,
      final: {
        enquiry: { kind: 'reply', days: 3 },
        suggestion: { kind: 'reply', days: 13 },
        help: { kind: 'resolve', days: 13 },
        complaint: { kind: 'resolve', days: 13 },
        legal_aid: { kind: 'resolve', days: 13 },
      },
      maxExtensionDays: 13,
    });

    const settings: ProvinceSettings = JSON.parse(JSON.stringify(DEFAULT_PROVINCE_SETTINGS));
    settings.grievances.acceptDays = 2;
    settings.grievances.finalDays.complaint = 5;
    settings.grievances.maxExtensionDays = 2;
    const put = await own.api.put(`/api/orgs/${w.root.provinceId}/settings`, { token: w.root.token, body: { settings } });
    expect(put.status).toBe(200);

    // The app's texts come from here: for a home, and for a grievance filed straight to a federation.
    const limits = { acceptDays: 2, final: { complaint: { kind: 'resolve', days: 5 } }, maxExtensionDays: 2 };
    expect((await own.api.get(`/api/grievance-places/limits?homeId=${w.homeA.id}`)).body).toMatchObject(limits);
    expect((await own.api.get(`/api/grievance-places/limits?orgId=${w.city.id}`)).body).toMatchObject(limits);
    const both = await own.api.get(`/api/grievance-places/limits?homeId=${w.homeA.id}&orgId=${w.city.id}`);
    expect(both.status).toBe(400);
    expect(both.body.fields).toHaveProperty('homeId');
    expect((await own.api.get(`/api/grievance-places/limits?homeId=${w.root.provinceId}`)).status).toBe(404);

    // Friday 9-18: 9-20 is a make-up Sunday. Accept within 2 (9-20, 9-21); resolve within 5 (9-20 … 9-24).
    await setClock('2026-09-18T10:00:00');
    const filed = await f.file(w.worker, { homeId: w.homeA.id, type: 'complaint', topic: 'wages', content: GOOD_CONTENT, anonymous: true });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ acceptDueAt: china('2026-09-22T00:00:00'), dueAt: china('2026-09-25T00:00:00') });
    const g = filed.body;
    expect((await own.api.get(`/api/grievances/${g.id}`, { token: w.chairA.token })).body.limits).toMatchObject(limits);

    expect((await f.act(w.chairA, g.id, { action: 'accept' })).status).toBe(200);
    const tooLong = await f.act(w.chairA, g.id, { action: 'extend', message: '需要调查取证', days: 3 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.fields.days).toBe('请填写 1～2 之间的整数');
    const extended = await f.act(w.chairA, g.id, { action: 'extend', message: '需要调查取证', days: 2 });
    expect(extended.status).toBe(200);
    // Two more working days after 9-24: 9-28, 9-29 (Friday 9-25 is the Mid-Autumn Festival).
    expect(extended.body.dueAt).toBe(china('2026-09-30T00:00:00'));

    expect((await f.act(w.chairA, g.id, { action: 'resolve', message: '已协调补发' })).status).toBe(200);
    await setClock('2026-11-02T10:00:00');
    settings.grievances.finalDays.complaint = 4;
    expect((await own.api.put(`/api/orgs/${w.root.provinceId}/settings`, { token: w.root.token, body: { settings } })).status).toBe(200);
    // Reopened on Monday 11-2 with the province's limit of that day: 11-3 … 11-6.
    const reopened = await f.feedback(w.worker, g.id, { verdict: 'dissatisfied' });
    expect(reopened.status).toBe(200);
    expect(reopened.body.dueAt).toBe(china('2026-11-07T00:00:00'));
  });

  it('offers no extension where the province allows none', async () => {
    const f = fx();
    const w = await f.world();
    const settings: ProvinceSettings = JSON.parse(JSON.stringify(DEFAULT_PROVINCE_SETTINGS));
    settings.grievances.maxExtensionDays = 0;
    expect((await own.api.put(`/api/orgs/${w.root.provinceId}/settings`, { token: w.root.token, body: { settings } })).status).toBe(200);
    const g = (await f.file(w.worker, { homeId: w.homeA.id, type: 'help', topic: 'safety', content: GOOD_CONTENT, anonymous: true })).body;
    await f.act(w.chairA, g.id, { action: 'accept' });
    const refused = await f.act(w.chairA, g.id, { action: 'extend', message: '需要更多时间', days: 1 });
    expect(refused.status).toBe(400);
    expect(refused.body.fields.days).toBe('本省设置不允许延期');
    expect((await own.api.get(`/api/grievances/${g.id}`, { token: w.chairA.token })).body).toMatchObject({
      extended: false,
      dueAt: g.dueAt,
    });
  });
});
