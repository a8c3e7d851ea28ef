import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { addCalendarDays, CalendarDay, CalendarDayKind, isCalendarDay, isWeekday, IsWorkday, normalizeText } from '@pingjia/shared';
import { In, Repository } from 'typeorm';
import { RoleGrant } from '../auth/role-grant.entity';
import { Clock } from '../common/clock';
import { DomainError, invalid } from '../common/domain-error';
import { Org } from '../orgs/org.entity';
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

@Injectable()
export class CalendarService {
  constructor(
    @InjectRepository(CalendarDayRow) private readonly rows: Repository<CalendarDayRow>,
    @InjectRepository(RoleGrant) private readonly grants: Repository<RoleGrant>,
    @InjectRepository(Org) private readonly orgs: Repository<Org>,
    private readonly clock: Clock,
  ) {}

  /** The calendar as it stands now (admin entries are few: read them all each time). */
  async lookup(): Promise<IsWorkday> {
    const rows = await this.rows.find();
    return workdayLookup(new Map(rows.map((r) => [r.day, r.kind])));
  }

  async range(from: string, to: string): Promise<{ items: CalendarDay[] }> {
    if (!isCalendarDay(from)) throw invalid({ from: '不是有效的日期' });
    if (!isCalendarDay(to) || to < from) throw invalid({ to: '不是有效的日期' });
    if (addCalendarDays(from, MAX_RANGE_DAYS) <= to) throw invalid({ to: `一次最多查询 ${MAX_RANGE_DAYS} 天` });
    const rows = await this.rows.find();
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

  async set(userId: string, day: string, kind: CalendarDayKind, rawNote: string | null): Promise<CalendarDay> {
    await this.mustBeProvinceAdmin(userId);
    if (!isCalendarDay(day)) throw invalid({ day: '不是有效的日期' });
    const note = rawNote === null ? null : normalizeText(rawNote) || null;
    const row: CalendarDayRow = { day, kind, note, updatedAt: this.clock.now().toISOString() };
    await this.rows.save(row);
    return { day, kind, source: 'override', note };
  }

  async remove(userId: string, day: string): Promise<void> {
    await this.mustBeProvinceAdmin(userId);
    if (!isCalendarDay(day)) throw invalid({ day: '不是有效的日期' });
    await this.rows.delete({ day });
  }

  // The calendar is the same for every home: only a province-level federation admin may change it.
  private async mustBeProvinceAdmin(userId: string): Promise<void> {
    const grants = await this.grants.find({ where: { userId, role: 'federation_admin' } });
    const province = grants.length ? await this.orgs.count({ where: { id: In(grants.map((g) => g.orgId)), level: 'province' } }) : 0;
    if (!province) throw new DomainError('FORBIDDEN', '只有省级工会管理员可以调整工作日历');
  }
}
