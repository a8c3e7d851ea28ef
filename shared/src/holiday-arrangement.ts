// A year's official holiday arrangement (the State Council's notice): its holidays and make-up working
// days, imported per province as a small table once the bundled holiday list ends (chinese-days: 2026).
// A year with neither the list nor an import is "unknown": deadlines falling in it are provisional.
import { chinaDay } from './time';
import { isCalendarDay, weekdayOf, type CalendarDayKind } from './workdays';

export interface ArrangementDay {
  day: string;
  kind: CalendarDayKind;
  note?: string | null;
}

export const ARRANGEMENT_MAX_DAYS = 120;
export const CALENDAR_KIND_LABELS: Record<CalendarDayKind, string> = { holiday: '放假', workday: '调休上班' };

/** Why an arrangement for `year` is refused, by field ('days', 'days.3'); empty when fine. */
export function arrangementProblems(year: number, days: ArrangementDay[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(days) || days.length === 0) return { days: '请至少填写一天' };
  if (days.length > ARRANGEMENT_MAX_DAYS) return { days: `最多 ${ARRANGEMENT_MAX_DAYS} 天` };
  const seen = new Set<string>();
  days.forEach((d, i) => {
    const at = `days.${i}`;
    if (!d || typeof d.day !== 'string' || !isCalendarDay(d.day)) out[at] = `第 ${i + 1} 行：日期无效（应为 YYYY-MM-DD）`;
    else if (Number(d.day.slice(0, 4)) !== year) out[at] = `第 ${i + 1} 行：${d.day} 不在 ${year} 年`;
    else if (seen.has(d.day)) out[at] = `第 ${i + 1} 行：${d.day} 重复`;
    else if (d.kind !== 'holiday' && d.kind !== 'workday') out[at] = `第 ${i + 1} 行：类型应为“放假”或“上班”`;
    else if (d.kind === 'workday' && weekdayOf(d.day) !== 0 && weekdayOf(d.day) !== 6)
      out[at] = `第 ${i + 1} 行：${d.day} 是工作日，调休上班日应为周六或周日`;
    else if (typeof d.note === 'string' && d.note.length > 100) out[at] = `第 ${i + 1} 行：备注不能超过 100 个字`;
    if (d && typeof d.day === 'string') seen.add(d.day);
  });
  if (!Object.keys(out).length && !days.some((d) => d.kind === 'holiday')) out.days = '放假安排至少应有一天放假';
  return out;
}

const KIND_WORDS: Record<string, CalendarDayKind> = {
  放假: 'holiday',
  休息: 'holiday',
  休: 'holiday',
  holiday: 'holiday',
  上班: 'workday',
  调休上班: 'workday',
  补班: 'workday',
  班: 'workday',
  workday: 'workday',
};

/**
 * A pasted or uploaded table, one day a line: `日期,类型[,备注]` (comma, tab or spaces; 类型 放假/上班),
 * a header line allowed. Dates may be written 2027-01-01, 2027/1/1 or 2027年1月1日.
 */
export function parseArrangementTable(text: string): { days: ArrangementDay[]; problems: Record<string, string> } {
  const days: ArrangementDay[] = [];
  const problems: Record<string, string> = {};
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, n) => {
    const cells = line.split(/[,，\t]|\s{2,}|\s(?=\S)/).map((c) => c.trim());
    if (!cells[0]) return;
    const m = /^(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?$/.exec(cells[0]);
    if (!m) {
      if (n === 0) return; // a header line
      problems[`line.${n + 1}`] = `第 ${n + 1} 行：无法识别日期“${cells[0]}”`;
      return;
    }
    const day = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
    const kind = KIND_WORDS[(cells[1] ?? '').toLowerCase()];
    if (!kind) {
      problems[`line.${n + 1}`] = `第 ${n + 1} 行：类型应为“放假”或“上班”`;
      return;
    }
    days.push({ day, kind, note: cells.slice(2).join(' ') || null });
  });
  return { days, problems };
}

/** The China day a deadline (the end of a China day, as stored) falls on. */
export function deadlineDay(deadline: string): string {
  return chinaDay(new Date(Date.parse(deadline) - 1));
}

/** A deadline counted in a year whose holidays are not known: shown as provisional (暂定). */
export function isProvisionalDeadline(deadline: string, knownYears: ReadonlySet<number>): boolean {
  return !knownYears.has(Number(deadlineDay(deadline).slice(0, 4)));
}

/** A grievance's shown deadlines are provisional: its last limit, or its acceptance limit while not accepted. */
export function areDeadlinesProvisional(
  g: { status: string; acceptDueAt: string; dueAt: string },
  knownYears: ReadonlySet<number>,
): boolean {
  return isProvisionalDeadline(g.dueAt, knownYears) || (g.status === 'submitted' && isProvisionalDeadline(g.acceptDueAt, knownYears));
}

/** From 1 November, next year's arrangement is due (and this year's, if still missing): the year to warn about. */
export function missingArrangementYear(today: string, knownYears: ReadonlySet<number>): number | null {
  const year = Number(today.slice(0, 4));
  if (!knownYears.has(year)) return year;
  return today.slice(5) >= '11-01' && !knownYears.has(year + 1) ? year + 1 : null;
}

export function missingArrangementText(year: number): string {
  return `${year} 年的法定节假日安排尚未导入：落在 ${year} 年的办理期限按周一至周五暂定计算，请省总工会管理员在“省级设置”中导入国务院公布的放假安排。`;
}

export const PROVISIONAL_DEADLINE_TEXT = '暂定：该年放假安排尚未导入，期限按周一至周五计算';

/** GET /api/orgs/:id/calendar/years */
export interface CalendarYear {
  year: number;
  /** where the year's holidays come from: the bundled list, the province's import, or nowhere yet */
  source: 'list' | 'import' | null;
  importedAt: string | null;
  holidays: number;
  workdays: number;
}

export interface CalendarYears {
  provinceId: string;
  items: CalendarYear[];
  /** the year a warning is shown for (missingArrangementYear), or null */
  missingYear: number | null;
  editable: boolean;
}

/** PUT /api/orgs/:id/calendar/years/:year */
export interface ImportArrangementRequest {
  days: ArrangementDay[];
}
