import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  addCalendarDays,
  areDeadlinesProvisional,
  ArrangementDay,
  arrangementProblems,
  CalendarDay,
  CalendarDayKind,
  CalendarYears,
  chinaDay,
  isCalendarDay,
  isWeekday,
  IsWorkday,
  missingArrangementYear,
  normalizeText,
  recountDeadline,
} from '@pingjia/shared';
import { Between, EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { DomainError, invalid } from '../common/domain-error';
import { Transactions } from '../common/transactions';
import { AccessPolicy } from '../orgs/access-policy';
import { Org } from '../orgs/org.entity';
import { provinceOf } from '../orgs/org-paths';
import { CalendarDayRow } from './calendar-day.entity';
import { CalendarYearRow } from './calendar-year.entity';
import { endedSql, GrievanceStore } from './grievance-store';
import { Grievance } from './grievance.entity';

// chinese-days: the State Council's holiday and make-up working-day schedule, kept up to date by its
// maintainers (2004 to the latest published year). Days it does not list follow Monday–Friday.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const LIST = require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };

/** The years the bundled list covers (each has its New Year holiday). */
const LISTED_YEARS: ReadonlySet<number> = new Set(Object.keys(LIST.holidays).map((d) => Number(d.slice(0, 4))));

export function listedKind(day: string): CalendarDayKind | null {
  if (Object.prototype.hasOwnProperty.call(LIST.workdays, day)) return 'workday';
  if (Object.prototype.hasOwnProperty.call(LIST.holidays, day)) return 'holiday';
  return null;
}

/** Admin entries first, then the holiday list, then the weekday rule. */
export function workdayLookup(overrides: Map<string, CalendarDayKind>): IsWorkday {
  return (day) => {
    const kind = overrides.get(day) ?? listedKind(day);
    return kind ? kind === 'workday' : isWeekday(day);
  };
}

const MAX_RANGE_DAYS = 366;

// The working-day calendar per province: the national list (shared, read-only) under each province's own
// entries, which only that province's admins set, each change audited with its actor.
@Injectable()
export class CalendarService {
  constructor(
    @InjectRepository(CalendarDayRow) private readonly rows: Repository<CalendarDayRow>,
    @InjectRepository(CalendarYearRow) private readonly years: Repository<CalendarYearRow>,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly grievances: GrievanceStore,
  ) {}

  /** The calendar of the province the org path lies in, as it stands now (its entries are few). */
  async lookup(orgPath: string, m: EntityManager = this.rows.manager): Promise<IsWorkday> {
    // Plain SQL: read on every grievance filing, where a repository find's query building cost more than the rows.
    const rows = (await m.query('SELECT day, kind FROM province_calendar_days WHERE province_id = ?', [provinceOf(orgPath)])) as Pick<
      CalendarDayRow,
      'day' | 'kind'
    >[];
    return workdayLookup(new Map(rows.map((r) => [r.day, r.kind])));
  }

  /**
   * A change of the province's calendar (`change`, inside the caller's transaction) and, in the same
   * transaction, the deadlines still running in the province counted again on the new calendar
   * (recountDeadline: days passed stay as counted), each moved one with a 办理期限调整 entry on its
   * timeline. Answers how many grievances moved.
   */
  private async changeCalendar(m: EntityManager, province: Org, change: () => Promise<void>): Promise<number> {
    const before = await this.lookup(province.path, m);
    await change();
    const after = await this.lookup(province.path, m);
    const now = this.clock.now();
    const today = chinaDay(now);
    const running = m
      .createQueryBuilder(Grievance, 'g')
      .where('g.org_path LIKE :under', { under: `${province.path}%` })
      .andWhere(`NOT ${endedSql('g')}`)
      .andWhere("((g.completed_at IS NULL AND g.due_at > :now) OR (g.status = 'submitted' AND g.accept_due_at > :now))", {
        now: now.toISOString(),
      });
    // MySQL: a handler's extension racing this waits, then finds a new version and counts on the new calendar.
    if (m.connection.options.type === 'mysql') running.setLock('pessimistic_write');
    let moved = 0;
    for (const g of await running.getMany()) {
      const changes: Partial<Grievance> = {};
      const dueAt = g.completedAt === null ? recountDeadline(g.dueAt, today, before, after) : g.dueAt;
      const acceptDueAt = g.status === 'submitted' ? recountDeadline(g.acceptDueAt, today, before, after) : g.acceptDueAt;
      if (dueAt !== g.dueAt) changes.dueAt = dueAt;
      if (acceptDueAt !== g.acceptDueAt) changes.acceptDueAt = acceptDueAt;
      if (!Object.keys(changes).length) continue;
      const message = `按调整后的工作日历重新计算办理期限，新的期限为 ${chinaDay(new Date(Date.parse(dueAt) - 1))}`;
      await this.grievances.apply(m, g, changes, [{ kind: 'rescheduled', actorRole: 'system', message }], now);
      moved++;
    }
    return moved;
  }

  /** The years whose holidays are known for the province of this path: the bundled list's and its imports. */
  async knownYears(orgPath: string): Promise<ReadonlySet<number>> {
    const imported = await this.years.find({ where: { provinceId: provinceOf(orgPath) }, select: { year: true } });
    return new Set([...LISTED_YEARS, ...imported.map((r) => r.year)]);
  }

  /** For grievances of any provinces: whether each one's deadlines are provisional (areDeadlinesProvisional). */
  async provisional(orgPaths: string[]): Promise<(g: { orgPath: string; status: string; acceptDueAt: string; dueAt: string }) => boolean> {
    const provinces = [...new Set(orgPaths.map(provinceOf))];
    const rows = provinces.length
      ? ((await this.years.query(
          `SELECT province_id, year FROM province_calendar_years WHERE province_id IN (${provinces.map(() => '?').join(', ')})`,
          provinces,
        )) as { province_id: string; year: number | string }[])
      : [];
    const known = new Map(provinces.map((p) => [p, new Set(LISTED_YEARS)]));
    for (const r of rows) known.get(r.province_id)?.add(Number(r.year));
    return (g) => areDeadlinesProvisional(g, known.get(provinceOf(g.orgPath)) ?? LISTED_YEARS);
  }

  /** The year a federation dashboard warns about (from 1 November: next year not imported), or null. */
  async missingYear(orgPath: string): Promise<number | null> {
    return missingArrangementYear(chinaDay(this.clock.now()), await this.knownYears(orgPath));
  }

  /** Last year to next year, each with where its holidays come from; for any admin in the province. */
  async yearsFor(userId: string, orgId: string): Promise<CalendarYears> {
    const org = await this.access.orgForAdmin(userId, orgId);
    const provinceId = provinceOf(org.path);
    const imported = new Map((await this.years.find({ where: { provinceId } })).map((r) => [r.year, r]));
    const now = Number(chinaDay(this.clock.now()).slice(0, 4));
    const items = [now - 1, now, now + 1].map((year) => {
      const own = imported.get(year);
      const count = (kind: CalendarDayKind) =>
        Object.entries(kind === 'holiday' ? LIST.holidays : LIST.workdays).filter(([d]) => d.startsWith(`${year}-`)).length;
      if (own) return { year, source: 'import' as const, importedAt: own.importedAt, holidays: own.holidays, workdays: own.workdays };
      if (LISTED_YEARS.has(year))
        return { year, source: 'list' as const, importedAt: null, holidays: count('holiday'), workdays: count('workday') };
      return { year, source: null, importedAt: null, holidays: 0, workdays: 0 };
    });
    const editable = org.level === 'province' && (await this.access.administers(userId, org.path));
    return { provinceId, items, missingYear: await this.missingYear(org.path), editable };
  }

  /**
   * A province's admins import a year's official arrangement: it replaces the province's entries of that
   * year (single-day entries made before included) and makes the year known. Audited with its counts.
   */
  async importYear(userId: string, provinceId: string, year: number, raw: ArrangementDay[]): Promise<CalendarYears> {
    const province = await this.provinceForAdmin(userId, provinceId);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw invalid({ year: '年份无效' });
    const problems = arrangementProblems(year, raw);
    if (Object.keys(problems).length) throw invalid(problems);
    const days = raw.map((d) => ({ day: d.day, kind: d.kind, note: d.note ? normalizeText(d.note) || null : null }));
    const holidays = days.filter((d) => d.kind === 'holiday').length;
    const at = this.clock.now().toISOString();
    await this.tx.run(async (m) => {
      const range = { provinceId: province.id, day: Between(`${year}-01-01`, `${year}-12-31`) };
      const replaced = await m.count(CalendarDayRow, { where: range });
      const before = await m.findOne(CalendarYearRow, { where: { provinceId: province.id, year } });
      const rescheduled = await this.changeCalendar(m, province, async () => {
        await m.delete(CalendarDayRow, range);
        await m.insert(
          CalendarDayRow,
          days.map((d) => ({ provinceId: province.id, ...d, updatedAt: at, updatedBy: userId })),
        );
      });
      await m.save(CalendarYearRow, {
        provinceId: province.id,
        year,
        holidays,
        workdays: days.length - holidays,
        importedAt: at,
        importedBy: userId,
      });
      await this.audit.record(
        {
          actorUserId: userId,
          scopePath: province.path,
          action: 'calendar.import',
          targetType: 'org',
          targetId: province.id,
          detail: { year, holidays, workdays: days.length - holidays, replaced, reimport: !!before, rescheduled },
        },
        m,
      );
    });
    return this.yearsFor(userId, province.id);
  }

  /** Days from..to: the national calendar, with a province's own entries when provinceId is given. */
  async range(from: string, to: string, provinceId?: string): Promise<{ items: CalendarDay[] }> {
    if (!isCalendarDay(from)) throw invalid({ from: '不是有效的日期' });
    if (!isCalendarDay(to) || to < from) throw invalid({ to: '不是有效的日期' });
    if (addCalendarDays(from, MAX_RANGE_DAYS) <= to) throw invalid({ to: `一次最多查询 ${MAX_RANGE_DAYS} 天` });
    const rows = provinceId ? await this.rows.find({ where: { provinceId, day: Between(from, to) } }) : [];
    const overrides = new Map(rows.map((r) => [r.day, r]));
    const items: CalendarDay[] = [];
    for (let day = from; day <= to; day = addCalendarDays(day, 1)) {
      const own = overrides.get(day);
      const listed = listedKind(day);
      if (own) items.push({ day, kind: own.kind, source: 'override', note: own.note });
      else if (listed) items.push({ day, kind: listed, source: 'holidays', note: null });
      else items.push({ day, kind: isWeekday(day) ? 'workday' : 'holiday', source: 'weekday', note: null });
    }
    return { items };
  }

  async set(userId: string, provinceId: string, day: string, kind: CalendarDayKind, rawNote: string | null): Promise<CalendarDay> {
    const province = await this.provinceForAdmin(userId, provinceId);
    if (!isCalendarDay(day)) throw invalid({ day: '不是有效的日期' });
    const note = rawNote === null ? null : normalizeText(rawNote) || null;
    await this.tx.run(async (m) => {
      const before = await m.findOne(CalendarDayRow, { where: { provinceId: province.id, day } });
      const rescheduled = await this.changeCalendar(m, province, async () => {
        await m.save(CalendarDayRow, {
          provinceId: province.id,
          day,
          kind,
          note,
          updatedAt: this.clock.now().toISOString(),
          updatedBy: userId,
        });
      });
      await this.audit.record(
        {
          actorUserId: userId,
          scopePath: province.path,
          action: 'calendar.set',
          targetType: 'org',
          targetId: province.id,
          detail: { day, kind, before: before?.kind ?? null, rescheduled },
        },
        m,
      );
    });
    return { day, kind, source: 'override', note };
  }

  async remove(userId: string, provinceId: string, day: string): Promise<void> {
    const province = await this.provinceForAdmin(userId, provinceId);
    if (!isCalendarDay(day)) throw invalid({ day: '不是有效的日期' });
    await this.tx.run(async (m) => {
      const before = await m.findOne(CalendarDayRow, { where: { provinceId: province.id, day } });
      if (!before) return;
      const rescheduled = await this.changeCalendar(m, province, async () => {
        await m.delete(CalendarDayRow, { provinceId: province.id, day });
      });
      await this.audit.record(
        {
          actorUserId: userId,
          scopePath: province.path,
          action: 'calendar.remove',
          targetType: 'org',
          targetId: province.id,
          detail: { day, before: before.kind, rescheduled },
        },
        m,
      );
    });
  }

  // A province's calendar is its own admins' (provinces are the top: nobody administers one from above).
  private async provinceForAdmin(userId: string, provinceId: string): Promise<Org> {
    const org = await this.access.orgForAdmin(userId, provinceId);
    if (org.level !== 'province') throw new DomainError('FORBIDDEN', '工作日历按省设置：请在省级工会调整');
    return org;
  }
}
