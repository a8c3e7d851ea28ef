import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { addCalendarDays, CalendarDay, CalendarDayKind, isCalendarDay, isWeekday, IsWorkday, normalizeText } from '@pingjia/shared';
import { Between, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { DomainError, invalid } from '../common/domain-error';
import { Transactions } from '../common/transactions';
import { AccessPolicy } from '../orgs/access-policy';
import { Org } from '../orgs/org.entity';
import { provinceOf } from '../orgs/org-paths';
import { CalendarDayRow } from './calendar-day.entity';

// chinese-days: the State Council's holiday and make-up working-day schedule, kept up to date by its
// maintainers (2004 to the latest published year). Days it does not list follow Monday–Friday.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const LIST = require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };

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
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
    private readonly clock: Clock,
  ) {}

  /** The calendar of the province the org path lies in, as it stands now (its entries are few). */
  async lookup(orgPath: string): Promise<IsWorkday> {
    const rows = await this.rows.find({ where: { provinceId: provinceOf(orgPath) } });
    return workdayLookup(new Map(rows.map((r) => [r.day, r.kind])));
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
      await m.save(CalendarDayRow, {
        provinceId: province.id,
        day,
        kind,
        note,
        updatedAt: this.clock.now().toISOString(),
        updatedBy: userId,
      });
      await this.audit.record(
        {
          actorUserId: userId,
          scopePath: province.path,
          action: 'calendar.set',
          targetType: 'org',
          targetId: province.id,
          detail: { day, kind, before: before?.kind ?? null },
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
      await m.delete(CalendarDayRow, { provinceId: province.id, day });
      await this.audit.record(
        {
          actorUserId: userId,
          scopePath: province.path,
          action: 'calendar.remove',
          targetType: 'org',
          targetId: province.id,
          detail: { day, before: before.kind },
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
