import type { GrievanceStats, OrgDashboard, Thresholds } from '@pingjia/shared';
import type { DataSource } from 'typeorm';
import { integrityFlagsUnder } from '../ratings/rating-integrity';
import { HomeRow, RatingTotalsStore } from '../ratings/rating-totals.store';
import { grievanceSummary, subtreeFigures, SubtreeFigures } from './subtree';

// One part of the tree in one cycle, read in one go: every home with its totals (and its verdicts in the
// cycle before, for titles lost), the integrity flags, and the figures derived from them (subtree.ts). The
// part's grievance sums are a read of their own (`readGrievances`): they change all the time, in any cycle,
// while a closed cycle's figures do not, so the two are kept for different spans (org-dashboard.service.ts).
// The SQL is the stores' (RatingTotalsStore, GrievanceStatsService, integrityFlagsUnder), run on whichever
// connection reads: the app's (MySQL), or the subtree worker's own read-only one (SQLite).

export interface SubtreeJob {
  path: string;
  cid: string;
  open: boolean;
  t: Thresholds;
  previousT: Thresholds;
  /** the cycle before (titles lost), null while this one is open */
  previousId: string | null;
  /** league orders to make with the figures (those asked for of the part it replaces) */
  orderKeys: string[];
  /** a cycle's integrity flags (none without a cycle) */
  flags: boolean;
}

/** A part's grievance sums: today's part of the tree (`path`), at the server's clock when asked (`now`: tests move it). */
export interface GrievanceJob {
  path: string;
  now: string;
}

export type SubtreeGrievances = OrgDashboard['grievances'];

export interface SubtreeRead extends SubtreeFigures {
  rows: HomeRow[];
  integrityFlags: Awaited<ReturnType<typeof integrityFlagsUnder>>;
}

export interface SubtreeSql {
  dataSource: DataSource;
  store: RatingTotalsStore;
  /** grievance sums at the job's `now` */
  grievances: (path: string, now: Date) => Promise<GrievanceStats | null>;
}

export async function readSubtree(sql: SubtreeSql, job: SubtreeJob): Promise<SubtreeRead> {
  const [rows, integrityFlags] = await Promise.all([
    sql.store.subtreeHomes(job.path, job.cid, job.open, job.t, job.previousId),
    job.flags ? integrityFlagsUnder(sql.dataSource, job.path, job.cid) : { total: 0, items: [] },
  ]);
  const figures = subtreeFigures(rows, {
    open: job.open,
    t: job.t,
    previousT: job.previousT,
    previous: job.previousId !== null,
    orderKeys: job.orderKeys,
  });
  return { rows, integrityFlags, ...figures };
}

/** The grievance sums of today's part of the tree under `path` (an index-only read: migration 821). */
export async function readGrievances(sql: SubtreeSql, job: GrievanceJob): Promise<SubtreeGrievances> {
  return grievanceSummary(await sql.grievances(job.path, new Date(job.now)));
}
