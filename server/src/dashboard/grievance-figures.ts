import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { GrievanceStats } from '@pingjia/shared';
import { GrievanceStatsService } from '../grievances/grievance-stats.service';

// The dashboards' view of grievance figures, from the grievances module's GrievanceStatsService.
// Looked up without a hard module dependency: without it, figures are null rather than an error.
@Injectable()
export class GrievanceFigures {
  private readonly logger = new Logger('GrievanceFigures');
  private stats: GrievanceStatsService | null | undefined;

  constructor(private readonly modules: ModuleRef) {}

  private service(): GrievanceStatsService | null {
    if (this.stats === undefined) {
      try {
        this.stats = this.modules.get(GrievanceStatsService, { strict: false });
      } catch {
        this.logger.warn('grievance figures unavailable: GrievanceStatsService not registered');
        this.stats = null;
      }
    }
    return this.stats ?? null;
  }

  /** One home; grievances about the union itself only for the upper level, never for its chair. */
  async forHome(homeId: string, upperLevel: boolean): Promise<GrievanceStats | null> {
    const s = this.service();
    if (!s) return null;
    return (await s.forHomes([homeId], { includeUnionTopic: upperLevel })).get(homeId) ?? null;
  }

  /** Sums over a subtree (an org's dashboard). */
  async subtree(path: string): Promise<GrievanceStats | null> {
    const s = this.service();
    return s ? s.forSubtree(path) : null;
  }
}
