import { Injectable } from '@nestjs/common';
import { workingDayDeadline } from '@pingjia/shared';
import { EntityManager } from 'typeorm';
import { Home } from '../orgs/home.entity';
import { Org } from '../orgs/org.entity';
import { ProvinceSettingsStore } from '../settings/province-settings.store';
import { CalendarService } from './calendar.service';
import { Grievance } from './grievance.entity';

/** The changes that hand a grievance one level up. */
export type Escalation = Pick<Grievance, 'handlerOrgId' | 'handlerOrgPath' | 'escalated' | 'dueAt' | 'finalReminded'>;

// Escalation climbs one level at a time (一级抓一级): from the chair to the union the home belongs to,
// then to each federation above it, up to the province. Each level gets a limit of its own, counted in
// working days from the hand-over (never earlier than the limit already running), and its own reminder.
// The limits are the province's current settings (settings/, issue 18).
@Injectable()
export class GrievanceEscalation {
  constructor(
    private readonly settings: ProvinceSettingsStore,
    private readonly calendar: CalendarService,
  ) {}

  /** The level above the current handler and its new limit; null when the province holds it already. */
  async nextLevel(m: EntityManager, g: Grievance, now: Date): Promise<Escalation | null> {
    const org = await this.orgAbove(m, g);
    if (!org) return null;
    const { levels } = (await this.settings.forOrgPath(g.orgPath, m)).grievances;
    const days = levels[org.level].handleDays;
    const due = days > 0 ? workingDayDeadline(now, days, await this.calendar.lookup(g.orgPath)) : g.dueAt;
    return {
      handlerOrgId: org.id,
      handlerOrgPath: org.path,
      escalated: true,
      dueAt: due > g.dueAt ? due : g.dueAt,
      // the new level is reminded when its own limit runs out
      finalReminded: false,
    };
  }

  private async orgAbove(m: EntityManager, g: Grievance): Promise<Org | null> {
    if (g.handlerOrgId === null) {
      // With the chair: filed to a home (one filed to a federation has that federation as its handler).
      if (!g.homeId) return null;
      const home = await m.findOneOrFail(Home, { where: { id: g.homeId } });
      return m.findOne(Org, { where: { id: home.orgId } });
    }
    const current = await m.findOne(Org, { where: { id: g.handlerOrgId } });
    return current?.parentId ? m.findOne(Org, { where: { id: current.parentId } }) : null;
  }
}
