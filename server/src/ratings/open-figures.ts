import { DEFAULT_THRESHOLDS, openFiguresStep, Thresholds } from '@pingjia/shared';
import type { EntityManager } from 'typeorm';
import { FIGURE_COLUMNS } from './rating-totals.entity';

// Differencing: while a cycle is open, a chair who refreshes the dashboard after each new rating
// would learn each rating from the change. So open cycles are served from snapshots of the totals,
// taken each time `step` (the smallest slice) new ratings have come in since the last one, and shown
// one snapshot late: any two views — the final figures after the close included — then differ by at
// least `step` new ratings, whatever else changed. Only new ratings count: each member adds one, so
// nobody fills a window alone by changing their own rating again and again, and no rating row needs
// to remember when it was written (times stay coarsened to the day). Changes ride along with the next
// window.

/** The totals row's window state, read under the row lock: `writes` counts new ratings. */
export interface WindowState {
  writes: number;
  windowStart: number;
}

/** After one more new rating: the new window start when a snapshot is due, else null. */
export function snapshotDue(s: WindowState, t: Thresholds = DEFAULT_THRESHOLDS): number | null {
  const writes = s.writes + 1;
  return writes - s.windowStart >= openFiguresStep(t) ? writes : null;
}

const COPIED = [...FIGURE_COLUMNS, 'writes'];

/** INSERT … SELECT one (campaign, home) row, replacing the target's row; column names from fixed lists only. */
function copyRowSql(mysql: boolean, to: string, from: string): string {
  const cols = ['campaign_id', 'home_id', ...COPIED].join(', ');
  const upsert = mysql
    ? `ON DUPLICATE KEY UPDATE ${COPIED.map((c) => `${c} = VALUES(${c})`).join(', ')}`
    : `ON CONFLICT (campaign_id, home_id) DO UPDATE SET ${COPIED.map((c) => `${c} = excluded.${c}`).join(', ')}`;
  return `INSERT INTO ${to} (${cols}) SELECT ${cols} FROM ${from} WHERE campaign_id = ? AND home_id = ? ${upsert}`;
}

const SQL = {
  mysql: [copyRowSql(true, 'rating_totals_shown', 'rating_totals_staged'), copyRowSql(true, 'rating_totals_staged', 'rating_totals')],
  sqlite: [copyRowSql(false, 'rating_totals_shown', 'rating_totals_staged'), copyRowSql(false, 'rating_totals_staged', 'rating_totals')],
};

/** At a window boundary, in the rating's transaction after the totals update: shown ← staged ← totals. */
export async function takeSnapshot(m: EntityManager, campaignId: string, homeId: string): Promise<void> {
  for (const sql of SQL[m.connection.options.type === 'mysql' ? 'mysql' : 'sqlite']) await m.query(sql, [campaignId, homeId]);
}
