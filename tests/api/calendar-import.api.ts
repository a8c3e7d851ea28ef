// The calendar after 2026 (issue 18 item 4): a province imports a year's official holiday arrangement;
// federation dashboards warn from 1 November while next year has none; deadlines in a year without one
// are provisional. The suite moves its server's clock and changes its province's calendar: own server.
import { randomBytes } from 'node:crypto';
import { ADMIN } from './global-setup';
import { GOOD_CONTENT } from './grievances.fixtures';
import { createHomeOn, OwnServer, startOwnServer } from './own-server';

let own: OwnServer;
let token = '';
let provinceId = '';
let homeId = '';
/** Filed 12-30 before 2027 was known: its deadline (Mon 1-4, counted Monday to Friday) is provisional. */
let provisional: { id: string; token: string; trackingCode: string; dueAt: string };

/** A moment in China time (UTC+8). */
const china = (local: string) => new Date(`${local}+08:00`).toISOString();
const setClock = async (local: string) =>
  expect((await own.api.post('/api/__test/clock', { body: { to: china(local) } })).status).toBe(200);

// A made-up arrangement for the test (the real 2027 notice is what an admin would paste): New Year's Day
// off, and Saturday 9 January a make-up working day.
const ARRANGEMENT_2027 = [
  { day: '2027-01-01', kind: 'holiday', note: '元旦' },
  { day: '2027-01-09', kind: 'workday', note: '调休上班' },
];

beforeAll(async () => {
  own = await startOwnServer('calendar', { TEST_CLOCK: 'true' });
  const login = await own.api.post('/api/auth/password', { body: ADMIN });
  token = login.body.token;
  provinceId = login.body.user.roles.find((r: any) => r.role === 'federation_admin').orgId;
  const city = await own.api.post('/api/orgs', {
    token,
    body: { parentId: provinceId, name: `日历市${randomBytes(3).toString('hex')}`, level: 'city' },
  });
  homeId = (await createHomeOn(own.api, token, city.body.id, `日历厂${randomBytes(3).toString('hex')}`, 20)).id;
}, 120_000);
afterAll(() => own?.close());

async function fileEnquiry() {
  const m = await own.api.post('/api/auth/dev', { body: { openid: `w_${randomBytes(8).toString('hex')}` } });
  const res = await own.api.post('/api/grievances', {
    token: m.body.token,
    body: { homeId, type: 'enquiry', topic: 'wages', content: GOOD_CONTENT, anonymous: true },
  });
  expect(res.status).toBe(201);
  return { ...res.body, token: m.body.token as string };
}

const warning = async () => (await own.api.get(`/api/orgs/${provinceId}/dashboard`, { token })).body.calendarWarning;
const importYear = (year: number, days: unknown) =>
  own.api.put(`/api/orgs/${provinceId}/calendar/years/${year}`, { token, body: { days } });

describe('the calendar after 2026', () => {
  it('warns on the federation dashboard from 1 November while next year has no arrangement', async () => {
    await setClock('2026-10-31T12:00:00');
    expect(await warning()).toBeNull();
    await setClock('2026-11-01T08:00:00');
    expect(await warning()).toEqual({ year: 2027 });
    const years = await own.api.get(`/api/orgs/${provinceId}/calendar/years`, { token });
    expect(years.body).toMatchObject({ missingYear: 2027, editable: true });
    expect(years.body.items.map((y: any) => [y.year, y.source])).toEqual([
      [2025, 'list'],
      [2026, 'list'],
      [2027, null],
    ]);
  });

  it('marks a deadline that falls into 2027 provisional, counted Monday to Friday, on every view', async () => {
    await setClock('2026-12-30T10:00:00'); // a Wednesday
    const g = await fileEnquiry();
    provisional = g;
    // 3 working days: Thu 12-31, Fri 1-1 (not known to be a holiday yet), Mon 1-4
    expect(g.dueAt).toBe(new Date(Date.parse(china('2027-01-05T00:00:00'))).toISOString());
    expect(g.deadlineProvisional).toBe(true);
    expect((await own.api.get(`/api/grievances/${g.id}`, { token: g.token })).body.deadlineProvisional).toBe(true);
    expect((await own.api.get(`/api/grievances/track/${g.trackingCode}`)).body.deadlineProvisional).toBe(true);
    const list = await own.api.get('/api/grievances/mine', { token: g.token });
    expect(list.body.items.find((i: any) => i.id === g.id).deadlineProvisional).toBe(true);
    // a deadline inside 2026 is not
    await setClock('2026-12-01T10:00:00');
    expect((await fileEnquiry()).deadlineProvisional).toBe(false);
  });

  it('refuses an arrangement with a day outside the year, a duplicate or a weekday make-up day, by row, and keeps nothing', async () => {
    const res = await importYear(2027, [
      { day: '2026-12-31', kind: 'holiday' },
      { day: '2027-01-01', kind: 'holiday' },
      { day: '2027-01-01', kind: 'holiday' },
      { day: '2027-01-07', kind: 'workday' },
    ]);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.fields).sort()).toEqual(['days.0', 'days.2', 'days.3']);
    expect(res.body.fields['days.0']).toContain('不在 2027 年');
    expect(await warning()).toEqual({ year: 2027 });
  });

  it('imports 2027, audited; the warning goes and deadlines count the holiday, the year boundary and a make-up Saturday', async () => {
    const res = await importYear(2027, ARRANGEMENT_2027);
    expect(res.status).toBe(200);
    expect(res.body.items.find((y: any) => y.year === 2027)).toMatchObject({ source: 'import', holidays: 1, workdays: 1 });
    await setClock('2026-11-02T08:00:00');
    expect(await warning()).toBeNull();
    const log = await own.api.get(`/api/orgs/${provinceId}/audit?pageSize=50`, { token });
    const entry = log.body.items.find((e: any) => e.action === 'calendar.import');
    expect(entry).toMatchObject({ detail: expect.objectContaining({ year: 2027, holidays: 1, workdays: 1 }) });

    // The deadline filed before the import is counted again: 1-1 is off, so Tue 1-5; the worker's
    // timeline and the tracking code say so, and the audit entry counts it.
    const moved = await own.api.get(`/api/grievances/${provisional.id}`, { token: provisional.token });
    expect(moved.body.dueAt).toBe(china('2027-01-06T00:00:00'));
    expect(moved.body.deadlineProvisional).toBe(false);
    const note = moved.body.timeline.find((e: any) => e.kind === 'rescheduled');
    expect(note).toMatchObject({ actorRole: 'system', message: expect.stringContaining('2027-01-05') });
    expect((await own.api.get(`/api/grievances/track/${provisional.trackingCode}`)).body.dueAt).toBe(china('2027-01-06T00:00:00'));
    expect(entry.detail.rescheduled).toBeGreaterThanOrEqual(1);

    // the year boundary: Thu 12-31, (1-1 off, weekend), Mon 1-4, Tue 1-5
    await setClock('2026-12-30T10:00:00');
    const boundary = await fileEnquiry();
    expect(boundary.dueAt).toBe(new Date(Date.parse(china('2027-01-06T00:00:00'))).toISOString());
    expect(boundary.deadlineProvisional).toBe(false);
    // the make-up Saturday: filed Thu 1-7 → Fri 1-8, Sat 1-9 (working), Mon 1-11
    await setClock('2027-01-07T10:00:00');
    const makeUp = await fileEnquiry();
    expect(makeUp.dueAt).toBe(new Date(Date.parse(china('2027-01-12T00:00:00'))).toISOString());
  });

  it('counts running deadlines again when a single day changes; days already passed stay as counted', async () => {
    const read = async (g: { id: string; token: string }) => (await own.api.get(`/api/grievances/${g.id}`, { token: g.token })).body;
    await setClock('2027-01-06T10:00:00'); // Wednesday
    const first = await fileEnquiry(); // Thu 1-7, Fri 1-8, Sat 1-9 (the make-up day)
    expect(first.dueAt).toBe(china('2027-01-10T00:00:00'));
    await setClock('2027-01-07T10:00:00');
    const second = await fileEnquiry(); // Fri 1-8, Sat 1-9, Mon 1-11
    expect(second.dueAt).toBe(china('2027-01-12T00:00:00'));

    // Still on 1-7, Saturday 1-9 stops being a working day: Fri 1-8, Mon 1-11 / Fri 1-8, Mon 1-11, Tue 1-12.
    await setClock('2027-01-07T12:00:00');
    const set = await own.api.put(`/api/orgs/${provinceId}/calendar/days/2027-01-09`, { token, body: { kind: 'holiday' } });
    expect(set.status).toBe(200);
    expect((await read(first)).dueAt).toBe(china('2027-01-12T00:00:00'));
    expect((await read(second)).dueAt).toBe(china('2027-01-13T00:00:00'));
    const log = await own.api.get(`/api/orgs/${provinceId}/audit?action=calendar.set`, { token });
    // these two and the one filed on 1-7 by the test above
    expect(log.body.items[0].detail).toMatchObject({ day: '2027-01-09', rescheduled: 3 });

    // On Tuesday 1-12 Monday 1-11 is made a holiday after the fact: the first deadline has passed and the
    // second has no day left to count, so neither moves (counted from filing, the second would go to 1-13).
    await setClock('2027-01-12T10:00:00');
    expect((await own.api.put(`/api/orgs/${provinceId}/calendar/days/2027-01-11`, { token, body: { kind: 'holiday' } })).status).toBe(200);
    expect((await read(first)).dueAt).toBe(china('2027-01-12T00:00:00'));
    const after = await read(second);
    expect(after.dueAt).toBe(china('2027-01-13T00:00:00'));
    expect(after.timeline.filter((e: any) => e.kind === 'rescheduled')).toHaveLength(1);
  });

  it('refuses the import below the province', async () => {
    const city = await own.api.post('/api/orgs', {
      token,
      body: { parentId: provinceId, name: `下级市${randomBytes(3).toString('hex')}`, level: 'city' },
    });
    const res = await own.api.put(`/api/orgs/${city.body.id}/calendar/years/2027`, { token, body: { days: ARRANGEMENT_2027 } });
    expect(res.status).toBe(403);
  });
});
