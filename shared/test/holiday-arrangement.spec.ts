import { arrangementProblems, isProvisionalDeadline, endOfChinaDay, missingArrangementYear, parseArrangementTable } from '../src';

describe('holiday arrangement', () => {
  it('reads a pasted table with a header, Chinese dates and kinds', () => {
    const { days, problems } = parseArrangementTable('日期,类型,备注\n2027年1月1日,放假,元旦\n2027/1/9\t上班\n');
    expect(problems).toEqual({});
    expect(days).toEqual([
      { day: '2027-01-01', kind: 'holiday', note: '元旦' },
      { day: '2027-01-09', kind: 'workday', note: null },
    ]);
    expect(parseArrangementTable('2027-01-01,放假\n明天,上班').problems).toEqual({ 'line.2': expect.stringContaining('明天') });
  });

  it('refuses days outside the year, duplicates and a make-up day on a weekday', () => {
    expect(arrangementProblems(2027, [{ day: '2027-01-01', kind: 'holiday' }])).toEqual({});
    expect(
      Object.keys(
        arrangementProblems(2027, [
          { day: '2028-01-01', kind: 'holiday' },
          { day: '2027-01-01', kind: 'holiday' },
          { day: '2027-01-01', kind: 'holiday' },
          { day: '2027-01-06', kind: 'workday' },
        ]),
      ),
    ).toEqual(['days.0', 'days.2', 'days.3']);
    expect(arrangementProblems(2027, [])).toEqual({ days: expect.any(String) });
  });

  it('warns from 1 November about next year, and at once about a missing current year', () => {
    const known = new Set([2026]);
    expect(missingArrangementYear('2026-10-31', known)).toBeNull();
    expect(missingArrangementYear('2026-11-01', known)).toBe(2027);
    expect(missingArrangementYear('2026-12-05', new Set([2026, 2027]))).toBeNull();
    expect(missingArrangementYear('2027-02-01', known)).toBe(2027);
  });

  it('calls a deadline provisional by the day it ends on, not the instant (end of 12-31 is midnight of 1-1)', () => {
    expect(isProvisionalDeadline(endOfChinaDay('2026-12-31'), new Set([2026]))).toBe(false);
    expect(isProvisionalDeadline(endOfChinaDay('2027-01-01'), new Set([2026]))).toBe(true);
  });
});
