// Working-day arithmetic on China's calendar. Which days are working days (public holidays, make-up
// working days on weekends) is not known here: callers pass a lookup built from a maintained holiday
// list and their own overrides. Days are China calendar days, 'YYYY-MM-DD'.
import { chinaDay } from './time';

export type IsWorkday = (day: string) => boolean;
export type CalendarDayKind = 'workday' | 'holiday';

const DAY_MS = 24 * 3600 * 1000;
const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
// No real calendar has this many non-working days in a row: a lookup that says so is broken.
const MAX_SCAN_DAYS = 366;

/** A real date written as YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDay(day: string): boolean {
  const m = DAY_PATTERN.exec(day);
  if (!m) return false;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(t).toISOString().slice(0, 10) === day;
}

function dayToUtcMs(day: string): number {
  if (!isCalendarDay(day)) throw new RangeError(`not a calendar day: ${day}`);
  return Date.parse(`${day}T00:00:00Z`);
}

/** The day `n` calendar days after `day` (n may be negative). */
export function addCalendarDays(day: string, n: number): string {
  return new Date(dayToUtcMs(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): number {
  return new Date(dayToUtcMs(day)).getUTCDay();
}

/** Monday to Friday: the rule for any day a holiday list does not mention. */
export function isWeekday(day: string): boolean {
  const w = weekdayOf(day);
  return w !== 0 && w !== 6;
}

/**
 * The n-th working day after `day` (the day itself does not count, as with the 12351/12345 norms:
 * a limit starts on the next working day after receipt). n must be a positive integer.
 */
export function addWorkingDays(day: string, n: number, isWorkday: IsWorkday): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be a positive integer, got ${n}`);
  let current = day;
  let counted = 0;
  let scanned = 0;
  while (counted < n) {
    current = addCalendarDays(current, 1);
    if (isWorkday(current)) {
      counted++;
      scanned = 0;
    } else if (++scanned > MAX_SCAN_DAYS) {
      throw new RangeError('the calendar has no working day in a whole year');
    }
  }
  return current;
}

/** The instant a China calendar day ends (midnight in China, as UTC ISO). */
export function endOfChinaDay(day: string): string {
  return new Date(dayToUtcMs(day) + DAY_MS - CHINA_OFFSET_MS).toISOString();
}

/**
 * When a limit of `workingDays` that starts at `from` runs out: the end of the n-th working day
 * after the China calendar day of `from`.
 */
export function workingDayDeadline(from: Date | string, workingDays: number, isWorkday: IsWorkday): string {
  return endOfChinaDay(addWorkingDays(chinaDay(from), workingDays, isWorkday));
}

/** Extends a deadline by n working days: the n-th working day after the day the deadline ended. */
export function extendDeadline(deadline: string, workingDays: number, isWorkday: IsWorkday): string {
  // A deadline is the end of a day; one millisecond earlier is still inside that day.
  const lastDay = chinaDay(new Date(Date.parse(deadline) - 1));
  return endOfChinaDay(addWorkingDays(lastDay, workingDays, isWorkday));
}

/**
 * A deadline after the calendar changed from `before` to `after` (a year's holidays imported, a day set):
 * days up to `today` keep how they were counted; the working days still to come before the deadline
 * are counted again on the new calendar, so the limit keeps its length. A deadline on or before today,
 * or with no day between today and it that changed, stays as it is.
 */
export function recountDeadline(deadline: string, today: string, before: IsWorkday, after: IsWorkday): string {
  const lastDay = chinaDay(new Date(Date.parse(deadline) - 1));
  let left = 0;
  let changed = false;
  for (let day = addCalendarDays(today, 1); day <= lastDay; day = addCalendarDays(day, 1)) {
    const was = before(day);
    if (was) left++;
    if (was !== after(day)) changed = true;
  }
  return changed && left > 0 ? endOfChinaDay(addWorkingDays(today, left, after)) : deadline;
}
