import { Injectable } from '@nestjs/common';
import { extendDeadline, workingDayDeadline, type HandlerLevel, type IsWorkday } from '@pingjia/shared';
import { EntityManager } from 'typeorm';
import { Transactions } from '../common/transactions';
import { Org } from '../orgs/org.entity';
import { ProvinceSettingsStore } from '../settings/province-settings.store';
import { CalendarService } from './calendar.service';
import { GrievanceEscalation } from './grievance-escalation';
import { GrievanceNotifier } from './grievance-notifier';
import { finalOverdueSql, GrievanceStore, StaleGrievance } from './grievance-store';
import { Grievance } from './grievance.entity';
import { HandlerNotifications } from './handler-notifications';

/** The moment `days` working days after a limit ran out (the limit itself for 0). */
const after = (dueAt: string, days: number, isWorkday: IsWorkday) => (days > 0 ? extendDeadline(dueAt, days, isWorkday) : dueAt);

// The sweeper's deadline steps (issue 19 item 5), with the limits of the grievance's province (settings/):
// - past its last limit, a grievance's handler is reminded (催办) once the level's remindAfterDays are over;
// - reminded, and still not done once the level's escalateAfterDays are over, it climbs one level
//   (the chair's at once by default; each federation level below the province after 3 working days),
//   with a new limit there (grievance-escalation.ts); the handler is told in the app each time;
// - answered and not rated by the worker for autoCloseDays working days, it closes itself (12345
//   practice) and the worker is told (timeline, and a subscribe message when they opted in).
@Injectable()
export class GrievanceDeadlines {
  constructor(
    private readonly store: GrievanceStore,
    private readonly escalation: GrievanceEscalation,
    private readonly settings: ProvinceSettingsStore,
    private readonly calendar: CalendarService,
    private readonly notifier: GrievanceNotifier,
    private readonly handlers: HandlerNotifications,
    private readonly tx: Transactions,
  ) {}

  /** Whether the level now holding this late grievance is due for its reminder. */
  async reminderDue(g: Grievance, now: Date): Promise<boolean> {
    const step = await this.step(g);
    return now.toISOString() >= after(g.dueAt, step.remindAfterDays, await this.calendar.lookup(g.orgPath));
  }

  /** Reminded below the province and still not done after the level's grace: up one more level. */
  async climb(now: Date): Promise<number> {
    const stale = await this.store.dueBatch(
      `${finalOverdueSql('g')} AND g.final_reminded = 1 AND (g.handler_org_id IS NULL OR o.parent_id IS NOT NULL)`,
      now,
      'g.due_at',
      true,
    );
    let climbed = 0;
    for (const g of stale) {
      const grace = (await this.step(g)).escalateAfterDays;
      if (grace === null) continue;
      if (now.toISOString() < after(g.dueAt, grace, await this.calendar.lookup(g.orgPath))) continue;
      const done = await this.write(async (m) => {
        const next = await this.escalation.nextLevel(m, g, now);
        if (!next) return false;
        const message = g.handlerOrgId === null ? '超过办理时限，转上级工会督办' : '超过办理时限，转上一级工会督办';
        const saved = await this.store.apply(m, g, next, [{ kind: 'escalated', actorRole: 'system', message }], now);
        await this.handlers.notify(m, saved, 'escalated', now);
        return true;
      });
      if (done) climbed++;
    }
    return climbed;
  }

  /** Answered (办结, or an enquiry's 答复) and not rated for autoCloseDays working days: closed. */
  async autoClose(now: Date): Promise<number> {
    const answered = await this.store.dueBatch(
      `(g.status = 'resolved' OR (g.status = 'replied' AND g.completed_at IS NOT NULL)) AND g.completed_at <= :now`,
      now,
      'g.completed_at',
    );
    let closed = 0;
    for (const g of answered) {
      const days = (await this.settings.forOrgPath(g.orgPath)).grievances.autoCloseDays;
      if (now.toISOString() < workingDayDeadline(g.completedAt!, days, await this.calendar.lookup(g.orgPath))) continue;
      const done = await this.write(async (m) => {
        await this.store.apply(
          m,
          g,
          { status: 'closed' },
          [{ kind: 'closed', actorRole: 'system', message: `办结后 ${days} 个工作日内未收到评价，系统自动关闭` }],
          now,
        );
        // The worker is told (one opt-in, if any); the opt-ins left have nothing more to announce.
        await this.notifier.statusChanged(m, g.id, 'closed', now);
        await this.notifier.forget(m, g.id);
        return true;
      });
      if (done) closed++;
    }
    return closed;
  }

  /** The escalation step of the level that holds the grievance now. */
  private async step(g: Grievance) {
    let level: HandlerLevel = 'home';
    if (g.handlerOrgId !== null) {
      const org = await this.store.grievances.manager.findOne(Org, { where: { id: g.handlerOrgId } });
      level = org?.level ?? 'province';
    }
    return (await this.settings.forOrgPath(g.orgPath)).grievances.levels[level];
  }

  private async write(work: (m: EntityManager) => Promise<boolean>): Promise<boolean> {
    try {
      return await this.tx.run(work);
    } catch (e) {
      // Changed meanwhile (a handler acted, the worker rated): the next pass decides again.
      if (e instanceof StaleGrievance) return false;
      throw e;
    }
  }
}
