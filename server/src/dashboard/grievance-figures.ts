import { Injectable } from '@nestjs/common';
import type { GrievanceStats } from '@pingjia/shared';
import { GrievanceStatsService } from '../grievances/grievance-stats.service';

// The dashboards' view of grievance figures, from the grievances module's GrievanceStatsService
// (DashboardModule imports GrievancesModule, which exports it).
@Injectable()
export class GrievanceFigures {
  constructor(private readonly stats: GrievanceStatsService) {}

  /** One home; grievances about the union itself only for the upper level, never for its chair. */
  forHome(homeId: string, upperLevel: boolean): Promise<GrievanceStats> {
    return this.stats.forHome(homeId, { includeUnionTopic: upperLevel });
  }

  /** Sums over a subtree (an org's dashboard), at `now` (the clock when the dashboard asked). */
  async subtree(path: string, now: Date): Promise<GrievanceStats | null> {
    return this.stats.forSubtree(path, now);
  }
}
