import { Injectable } from '@nestjs/common';
import { DUE_SOON_DAYS, type GrievanceCounts } from '@pingjia/shared';
import { Clock } from '../common/clock';
import { GrievanceAccess } from './grievance-access';
import { endedSql, GrievanceStore, overdueSql } from './grievance-store';

// The staff start page's three numbers, over the grievances the caller handles (the same scope as the list).
@Injectable()
export class GrievanceCountsService {
  constructor(
    private readonly store: GrievanceStore,
    private readonly grievanceAccess: GrievanceAccess,
    private readonly clock: Clock,
  ) {}

  async counts(userId: string): Promise<GrievanceCounts> {
    const viewer = await this.grievanceAccess.viewer(userId);
    const now = this.clock.now();
    const soon = new Date(now.getTime() + DUE_SOON_DAYS * 86_400_000).toISOString();
    const q = this.store.grievances.createQueryBuilder('g');
    if (!this.grievanceAccess.scopeHandled(q, viewer)) return { new: 0, dueSoon: 0, overdue: 0 };
    const dueSoon = `(NOT ${overdueSql('g')} AND ((g.status = 'submitted' AND g.accept_due_at <= :soon) OR (g.completed_at IS NULL AND ${endedSql('g', 'NOT IN')} AND g.due_at <= :soon)))`;
    const row = await q
      .select(`SUM(CASE WHEN g.status = 'submitted' THEN 1 ELSE 0 END)`, 'fresh')
      .addSelect(`SUM(CASE WHEN ${dueSoon} THEN 1 ELSE 0 END)`, 'soon')
      .addSelect(`SUM(CASE WHEN ${overdueSql('g')} THEN 1 ELSE 0 END)`, 'overdue')
      .setParameters({ now: now.toISOString(), soon })
      .getRawOne<{ fresh: string | number | null; soon: string | number | null; overdue: string | number | null }>();
    return { new: Number(row?.fresh ?? 0), dueSoon: Number(row?.soon ?? 0), overdue: Number(row?.overdue ?? 0) };
  }
}
