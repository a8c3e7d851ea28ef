import type { GrievanceStats, OrgDashboard, Thresholds } from '@pingjia/shared';
import type { DataSource } from 'typeorm';
import { integrityFlagsUnder } from '../ratings/rating-integrity';
import { HomeRow, RatingTotalsStore } from '../ratings/rating-totals.store';
import { grievanceSummary, subtreeFigures, SubtreeFigures } from './subtree';

// One part of the tree in one cycle, read in one go: every home with its totals (and its verdicts in the
// cycle before, for titles lost), the grievance sums, the integrity flags, and the figures derived from
// them (subtree.ts). The SQL is the stores' (RatingTotalsStore, GrievanceStatsService, integrityFlagsUnder),
// run on whichever connection reads: the app's (MySQL), or the subtree worker's own read-only one (SQLite).

export interface SubtreeJob {
  path: string;
  cid: string;
  open: boolean;
  t: Thresholds;
  previousT: Thresholds;
  /** the cycle before (titles lost), null while this one is open */
  previousId: string | null;
  /** the server's clock when asked (grievances overdue): tests move it */
  now: string;
  /** league orders to make with the figures (those asked for of the part it replaces) */
  orderKeys: string[];
  /** a cycle's integrity flags (none without a cycle) */
  flags: boolean;
}

export interface SubtreeRead extends SubtreeFigures {
  rows: HomeRow[];
  grievances: OrgDashboard['grievances'];
  integrityFlags: Awaited<ReturnType<typeof integrityFlagsUnder>>;
}

export interface SubtreeSql {
  dataSource: DataSource;
  store: RatingTotalsStore;
  /** grievance sums at the job's `now` */
  grievances: (path: string, now: Date) => Promise<GrievanceStats | null>;
}

export async function readSubtree(sql: SubtreeSql, job: SubtreeJob): Promise<SubtreeRead> {
  const [rows, sum, integrityFlags] = await Promise.all([
    sql.store.subtreeHomes(job.path, job.cid, job.open, job.t, job.previousId),
    sql.grievances(job.path, new Date(job.now)),
    job.flags ? integrityFlagsUnder(sql.dataSource, job.path, job.cid) : { total: 0, items: [] },
  ]);
  const figures = subtreeFigures(rows, {
    open: job.open,
    t: job.t,
    previousT: job.previousT,
    previous: job.previousId !== null,
    orderKeys: job.orderKeys,
  });
  return { rows, grievances: grievanceSummary(sum), integrityFlags, ...figures };
}
