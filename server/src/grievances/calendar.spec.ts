import { addWorkingDays, endOfChinaDay, isProvisionalDeadline } from '@pingjia/shared';
import { provinceOf } from '../orgs/org-paths';
import { CalendarService, listedKind, workdayLookup } from './calendar.service';

describe('the working-day calendar', () => {
  it('knows the 2026 National Day holiday and its make-up working days from the holiday list', () => {
    expect(listedKind('2026-10-01')).toBe('holiday');
    expect(listedKind('2026-10-07')).toBe('holiday');
    expect(listedKind('2026-09-20')).toBe('workday');
    expect(listedKind('2026-10-10')).toBe('workday');
    expect(listedKind('2026-10-09')).toBeNull();
  });

  it('knows the 2025 National Day (eight days, with make-up Sunday 9-28 and Saturday 10-11)', () => {
    expect(listedKind('2025-10-08')).toBe('holiday');
    expect(listedKind('2025-09-28')).toBe('workday');
    expect(listedKind('2025-10-11')).toBe('workday');
  });

  it('computes due days across National Day 2026 with the list', () => {
    const sut = workdayLookup(new Map());
    expect(addWorkingDays('2026-09-30', 1, sut)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 3, sut)).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-30', 13, sut)).toBe('2026-10-23');
  });

  it('lets an admin entry override the list and the weekday rule', () => {
    const sut = workdayLookup(
      new Map([
        ['2026-10-09', 'holiday'],
        ['2026-10-03', 'workday'],
        ['2027-01-01', 'holiday'],
      ]),
    );
    expect(sut('2026-10-09')).toBe(false);
    expect(sut('2026-10-03')).toBe(true);
    expect(sut('2027-01-01')).toBe(false);
  });

  it('has no bundled list for 2027: without an import, a deadline there is provisional, never a silent Mon–Fri', () => {
    expect(listedKind('2027-01-01')).toBeNull();
    const known = new Set([2025, 2026]);
    expect(isProvisionalDeadline(endOfChinaDay('2026-12-31'), known)).toBe(false);
    expect(isProvisionalDeadline(endOfChinaDay('2027-01-04'), known)).toBe(true);
    expect(isProvisionalDeadline(endOfChinaDay('2027-01-04'), new Set([2026, 2027]))).toBe(false);
  });
});

describe('calendars per province', () => {
  it('takes the province from the top of an org path', () => {
    expect(provinceOf('/p-1/c-2/h-3/')).toBe('p-1');
  });

  it("counts a home's working days with its own province's entries only", async () => {
    const entries = [
      { provinceId: 'anhui', day: '2026-10-09', kind: 'holiday' as const },
      { provinceId: 'hubei', day: '2026-10-12', kind: 'holiday' as const },
    ];
    // lookup reads the province's entries in plain SQL: the stand-in answers for the province asked.
    const manager = {
      query: async (sql: string, [provinceId]: string[]) => {
        expect(sql).toContain('FROM province_calendar_days WHERE province_id = ?');
        return entries.filter((e) => e.provinceId === provinceId);
      },
    };
    const none = null as never;
    const sut = new CalendarService({ manager } as never, none, none, none, none, none, none);
    const anhui = await sut.lookup('/anhui/hefei/home-1/');
    expect([anhui('2026-10-09'), anhui('2026-10-12')]).toEqual([false, true]);
    const hubei = await sut.lookup('/hubei/wuhan/home-2/');
    expect([hubei('2026-10-09'), hubei('2026-10-12')]).toEqual([true, false]);
  });
});
