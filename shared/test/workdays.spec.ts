import {
  addCalendarDays,
  addWorkingDays,
  endOfChinaDay,
  extendDeadline,
  isCalendarDay,
  isWeekday,
  IsWorkday,
  recountDeadline,
  workingDayDeadline,
} from '../src';

// China's 2026 calendar around the Mid-Autumn Festival and National Day, as the State Council
// published it: 9-25..27 and 10-1..7 off; Sunday 9-20 and Saturday 10-10 are make-up working days.
const HOLIDAYS_2026 = new Set([
  '2026-09-25',
  '2026-09-26',
  '2026-09-27',
  '2026-10-01',
  '2026-10-02',
  '2026-10-03',
  '2026-10-04',
  '2026-10-05',
  '2026-10-06',
  '2026-10-07',
]);
const MAKE_UP_2026 = new Set(['2026-09-20', '2026-10-10']);
const calendar: IsWorkday = (day) => MAKE_UP_2026.has(day) || (!HOLIDAYS_2026.has(day) && isWeekday(day));

// A moment given in China time (UTC+8).
const china = (local: string) => new Date(`${local}+08:00`);

describe("working days on China's calendar", () => {
  it('starts counting on the next working day after a filing just before National Day', () => {
    // Wednesday 9-30 → 10-1..7 are off → the first working day is Thursday 10-8.
    expect(addWorkingDays('2026-09-30', 1, calendar)).toBe('2026-10-08');
  });

  it('counts the make-up Saturday 10-10 as a working day: 3 working days after 9-30 end on it', () => {
    // 10-8 (1), 10-9 (2), Saturday 10-10 (3).
    expect(addWorkingDays('2026-09-30', 3, calendar)).toBe('2026-10-10');
  });

  it('gives 10-23 for 13 working days after 9-30', () => {
    // 10-8, 9, 10 (make-up), 12, 13, 14, 15, 16, 19, 20, 21, 22, 23 → the 13th is Friday 10-23.
    expect(addWorkingDays('2026-09-30', 13, calendar)).toBe('2026-10-23');
  });

  it('counts the make-up Sunday 9-20 after a Friday filing', () => {
    expect(addWorkingDays('2026-09-18', 1, calendar)).toBe('2026-09-20');
    expect(addWorkingDays('2026-09-18', 2, calendar)).toBe('2026-09-21');
  });

  it('skips the Mid-Autumn weekend and holiday', () => {
    // Thursday 9-24 → Friday 9-25 to Sunday 9-27 off → Monday 9-28.
    expect(addWorkingDays('2026-09-24', 1, calendar)).toBe('2026-09-28');
  });

  it('treats a filing on a holiday like one on the last day before it', () => {
    expect(addWorkingDays('2026-10-03', 1, calendar)).toBe('2026-10-08');
    expect(addWorkingDays('2026-10-03', 3, calendar)).toBe('2026-10-10');
  });

  it('falls back to Monday to Friday for an ordinary week', () => {
    // Friday 2026-11-20 → Monday 11-23 … Friday 11-27 is the 5th.
    expect(addWorkingDays('2026-11-20', 1, isWeekday)).toBe('2026-11-23');
    expect(addWorkingDays('2026-11-20', 5, isWeekday)).toBe('2026-11-27');
  });

  it('ends a limit at midnight China time of its last day', () => {
    expect(endOfChinaDay('2026-10-08')).toBe('2026-10-08T16:00:00.000Z');
    // Filed Wednesday 9-30 at 15:00 in China: accept by the end of 10-8, answer an enquiry by the end of 10-10.
    expect(workingDayDeadline(china('2026-09-30T15:00:00'), 1, calendar)).toBe('2026-10-08T16:00:00.000Z');
    expect(workingDayDeadline(china('2026-09-30T15:00:00'), 3, calendar)).toBe('2026-10-10T16:00:00.000Z');
  });

  it('reads the filing day in China time, not UTC', () => {
    // 23:30 on 9-30 in China is still 9-30; 00:30 on 10-1 in China is 16:30 UTC on 9-30 but a holiday in China.
    expect(workingDayDeadline(china('2026-09-30T23:30:00'), 1, calendar)).toBe('2026-10-08T16:00:00.000Z');
    expect(workingDayDeadline(china('2026-10-01T00:30:00'), 1, calendar)).toBe('2026-10-08T16:00:00.000Z');
    // Tuesday 9-29 at 23:59 China: the next working day is 9-30.
    expect(workingDayDeadline(china('2026-09-29T23:59:00'), 1, calendar)).toBe('2026-09-30T16:00:00.000Z');
  });

  it('extends a deadline from its last day', () => {
    // Due end of 10-23; 5 more working days: 10-26 … 10-30.
    expect(extendDeadline(endOfChinaDay('2026-10-23'), 5, calendar)).toBe(endOfChinaDay('2026-10-30'));
    // Due end of 9-30; 1 more: through National Day to 10-8.
    expect(extendDeadline(endOfChinaDay('2026-09-30'), 1, calendar)).toBe(endOfChinaDay('2026-10-08'));
  });

  it('refuses a count that is not a positive integer', () => {
    expect(() => addWorkingDays('2026-09-30', 0, calendar)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-09-30', 1.5, calendar)).toThrow(RangeError);
  });

  it('stops on a calendar with no working day at all instead of looping', () => {
    expect(() => addWorkingDays('2026-09-30', 1, () => false)).toThrow(/no working day/);
  });

  it('knows real calendar days', () => {
    expect(isCalendarDay('2026-02-28')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-9-30')).toBe(false);
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('deadlines counted again when the calendar changes', () => {
  // Before 2027's arrangement is known, 2027 runs Monday to Friday; the arrangement then makes
  // Friday 1-1 a holiday and (as an example) Saturday 1-9 a make-up working day.
  const weekdays: IsWorkday = isWeekday;
  const imported: IsWorkday = (day) => day === '2027-01-09' || (day !== '2027-01-01' && isWeekday(day));

  it('moves a deadline past the new holiday, as if it had been known at filing', () => {
    // Filed Monday 12-28: 5 working days on Mon–Fri end Monday 1-4; with 1-1 off, Tuesday 1-5.
    const filed = china('2026-12-28T10:00:00');
    const provisional = workingDayDeadline(filed, 5, weekdays);
    expect(provisional).toBe(endOfChinaDay('2027-01-04'));
    const recounted = recountDeadline(provisional, '2026-12-29', weekdays, (d) => d !== '2027-01-01' && isWeekday(d));
    expect(recounted).toBe(workingDayDeadline(filed, 5, (d) => d !== '2027-01-01' && isWeekday(d)));
    expect(recounted).toBe(endOfChinaDay('2027-01-05'));
  });

  it('moves a deadline earlier over a new make-up working day', () => {
    // 10 working days after Wednesday 12-30: Mon–Fri gives Wednesday 1-13; with Saturday 1-9 worked, Tuesday 1-12.
    const makeUpOnly: IsWorkday = (day) => day === '2027-01-09' || isWeekday(day);
    const provisional = workingDayDeadline(china('2026-12-30T09:00:00'), 10, weekdays);
    expect(provisional).toBe(endOfChinaDay('2027-01-13'));
    expect(recountDeadline(provisional, '2026-12-30', weekdays, makeUpOnly)).toBe(endOfChinaDay('2027-01-12'));
    // With 1-1 off as well the two cancel out: the deadline stays.
    expect(recountDeadline(provisional, '2026-12-30', weekdays, imported)).toBe(provisional);
  });

  it('keeps the days already passed as they were counted (an import after the year began)', () => {
    // Today is Monday 1-4: 1-1 has passed as a working day and stays one; what is left is counted again.
    const deadline = endOfChinaDay('2027-01-13');
    expect(recountDeadline(deadline, '2027-01-04', weekdays, imported)).toBe(endOfChinaDay('2027-01-12'));
    expect(recountDeadline(deadline, '2027-01-11', weekdays, imported)).toBe(deadline);
  });

  it('leaves a deadline alone when nothing before it changed, or when it has passed', () => {
    const before2027 = endOfChinaDay('2026-12-31');
    expect(recountDeadline(before2027, '2026-12-20', weekdays, imported)).toBe(before2027);
    const passed = endOfChinaDay('2027-01-05');
    expect(recountDeadline(passed, '2027-01-05', weekdays, imported)).toBe(passed);
    expect(recountDeadline(passed, '2027-01-06', weekdays, imported)).toBe(passed);
  });
});
