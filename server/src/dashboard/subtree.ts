import {
  awardedTitle,
  Figures,
  GrievanceStats,
  isParticipationLow,
  lostTitle,
  OrgDashboard,
  participationRate,
  rate,
  Thresholds,
  Tier,
  TIERS,
  VerdictCounts,
  type LeagueSortKey,
} from '@pingjia/shared';
import { aggregate, HomeRow } from '../ratings/rating-totals.store';
import { toFigures } from './league-figures';
import { leagueOrder, nameRanks } from './league-order';

// What an org dashboard derives from its part of the tree's home rows, the same for every caller, sort
// and page: computed where the rows are read — in the request thread on MySQL, in the subtree worker on
// SQLite (subtree.worker.ts) — by these functions alone.

const LIST_LIMIT = 100;

export type Summary = { totals: Figures; tiers: Record<Tier, number>; low: number };

export interface SubtreeFigures {
  /** each row's place by name, then id */
  nameRank: Float64Array;
  /** league orders by `sort:order`: those asked for before are made with the figures */
  orders: Map<string, Int32Array>;
  summary: Summary;
  low: OrgDashboard['lowParticipation']['items'];
  lost: { total: number; items: OrgDashboard['lostTitles']['items'] };
}

export interface FigureParams {
  open: boolean;
  /** the thresholds the cycle froze when it opened, and those of the cycle before (its titles) */
  t: Thresholds;
  previousT: Thresholds;
  /** whether the rows carry the cycle before's verdicts (titles lost) */
  previous: boolean;
  orderKeys: string[];
}

export function subtreeFigures(rows: HomeRow[], p: FigureParams): SubtreeFigures {
  const nameRank = nameRanks(rows);
  const orders = new Map(p.orderKeys.map((key) => [key, orderOf(rows, nameRank, key, p.open, p.t)]));
  return {
    nameRank,
    orders,
    summary: summarise(rows, p.open, p.t),
    low: lowParticipation(rows, nameRank, p.t),
    lost: p.previous ? lostTitles(rows, nameRank, p.t, p.previousT) : { total: 0, items: [] },
  };
}

/** Row indexes in league order for `sort:order`; no score sort while the cycle is open. */
export function orderOf(rows: HomeRow[], nameRank: Float64Array, key: string, open: boolean, t: Thresholds): Int32Array {
  const [sort, order] = key.split(':') as [LeagueSortKey, 'asc' | 'desc'];
  return leagueOrder(rows, nameRank, sort, order, open ? Infinity : t.minSlice);
}

/** The title a home earns with these ratings and verdicts (this cycle's, or the previous one's). */
export function title(r: HomeRow, ratings: number, counts: VerdictCounts, t: Thresholds): Tier {
  return awardedTitle({ ratings, members: r.members, counts, workers: r.workers }, t);
}

export function grievanceSummary(sum: GrievanceStats | null): OrgDashboard['grievances'] {
  if (!sum) return null;
  // Escalated counts are not in the grievance figures yet: null rather than a guess.
  return { total: sum.total, open: sum.open, overdue: sum.overdue, escalated: sum.escalated, onTimeRate: rate(sum.onTime, sum.decided) };
}

/** Counts over every home, scores over the homes whose own figures may be shown (≥ minSlice ratings). */
function summarise(rows: HomeRow[], open: boolean, t: Thresholds): Summary {
  const tiers = Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<Tier, number>;
  let low = 0;
  for (const r of rows) {
    // No title is awarded before the close.
    if (!open) tiers[title(r, r.ratings, r.counts, t)]++;
    if (isParticipationLow(r.ratings, r.members, t)) low++;
  }
  return { totals: toFigures(aggregate(rows, t, open)), tiers, low };
}

/** Homes below valid participation, lowest rate first (then name). */
function lowParticipation(rows: HomeRow[], nameRank: Float64Array, t: Thresholds): SubtreeFigures['low'] {
  const share = (r: HomeRow) => r.ratings / r.members;
  const low = [...rows.keys()].filter((i) => isParticipationLow(rows[i].ratings, rows[i].members, t));
  low.sort((a, b) => share(rows[a]) - share(rows[b]) || nameRank[a] - nameRank[b]);
  return low.slice(0, LIST_LIMIT).map((i) => {
    const r = rows[i];
    return { id: r.id, name: r.name, ratings: r.ratings, members: r.members, rate: participationRate(r.ratings, r.members) };
  });
}

/** 动态管理: homes whose title now is below the one they held in the previous cycle, by name. */
function lostTitles(rows: HomeRow[], nameRank: Float64Array, t: Thresholds, previousT: Thresholds): SubtreeFigures['lost'] {
  const current = (r: HomeRow) => title(r, r.ratings, r.counts, t);
  const previous = (r: HomeRow) =>
    title(r, r.previous?.ratings ?? 0, r.previous?.counts ?? { satisfied: 0, basicallySatisfied: 0, dissatisfied: 0 }, previousT);
  const lost = [...rows.keys()].filter((i) => lostTitle(previous(rows[i]), current(rows[i])));
  lost.sort((a, b) => nameRank[a] - nameRank[b]);
  return {
    total: lost.length,
    items: lost
      .slice(0, LIST_LIMIT)
      .map((i) => ({ id: rows[i].id, name: rows[i].name, previous: previous(rows[i]), current: current(rows[i]) })),
  };
}
