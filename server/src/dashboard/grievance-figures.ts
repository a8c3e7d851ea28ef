import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { GrievanceStats } from '@pingjia/shared';
import { GrievanceStatsService } from '../grievances/grievance-stats.service';

const CHUNK = 500;

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

  /** Sums over many homes (an org's subtree). */
  async sum(homeIds: string[]): Promise<{ total: number; open: number; overdue: number; escalated: number; decided: number; onTime: number } | null> {
    const s = this.service();
    if (!s) return null;
    const out = { total: 0, open: 0, overdue: 0, escalated: 0, decided: 0, onTime: 0 };
    for (let i = 0; i < homeIds.length; i += CHUNK) {
      for (const g of (await s.forHomes(homeIds.slice(i, i + CHUNK), { includeUnionTopic: true })).values()) {
        out.total += g.total;
        out.open += g.open;
        out.overdue += g.overdue;
        out.escalated += g.escalated;
        out.decided += g.decided;
        out.onTime += g.onTime;
      }
    }
    return out;
  }
}
