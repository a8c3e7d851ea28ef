import { CRITERION_KEYS, CriterionKey, criterionMean, Figures, participationRate, satisfactionRate, Thresholds } from '@pingjia/shared';

// SQL fragments over `homes h LEFT JOIN rating_totals t` (one totals row per home and campaign).
// Every number interpolated here is an integer from the thresholds config, never request input.
// A home counts toward score aggregates only when its own figures may be shown (≥ minSlice ratings),
// so no aggregate minus its visible parts can reveal a withheld home.
// While the cycle is open (`open`) every home's participation is rounded down to a multiple of
// minSlice before anything sums it, and no score, verdict or title is read at all: a roll-up is then
// the sum of the rounded counts its homes show, never an exact count to subtract them from.

const int = (n: number) => String(Math.trunc(n));
const exact = (a: string) => `COALESCE(${a}.ratings, 0)`;
export const ratingsOf = (t: Thresholds, open: boolean, a = 't') => (open ? `(${exact(a)} - ${exact(a)} % ${int(t.minSlice)})` : exact(a));

function reportable(t: Thresholds, a = 't'): string {
  return `${exact(a)} >= ${int(t.minSlice)}`;
}

const SUMMED = ['satisfied', 'basically_satisfied', 'dissatisfied', ...CRITERION_KEYS.map((k) => `sum_${k}`)];

/** Aggregate select list: counts over every home, scores over reportable homes only (none while open). */
export function aggregateSelect(t: Thresholds, open: boolean): string {
  const r = reportable(t);
  const released = (sql: string) => (open ? '0' : sql);
  return [
    'COUNT(h.id) AS homes',
    'COALESCE(SUM(h.member_count), 0) AS members',
    `COALESCE(SUM(${ratingsOf(t, open)}), 0) AS ratings`,
    `${released(`COALESCE(SUM(CASE WHEN ${r} THEN 1 ELSE 0 END), 0)`)} AS reported_homes`,
    `${released(`COALESCE(SUM(CASE WHEN ${r} THEN t.ratings ELSE 0 END), 0)`)} AS reported_ratings`,
    ...SUMMED.map((c) => `${released(`COALESCE(SUM(CASE WHEN ${r} THEN t.${c} ELSE 0 END), 0)`)} AS ${c}`),
  ].join(', ');
}

/** Per-home select list (one row per home); while open, participation only. */
export function homeSelect(t: Thresholds, open: boolean): string {
  return [
    'h.id AS id',
    'h.name AS name',
    'h.member_count AS members',
    'h.worker_count AS workers',
    `${ratingsOf(t, open)} AS ratings`,
    ...SUMMED.map((c) => `${open ? '0' : `COALESCE(t.${c}, 0)`} AS ${c}`),
  ].join(', ');
}

export type RawRow = Record<string, string | number | null>;
const num = (v: string | number | null | undefined) => Number(v ?? 0);

/** Raw aggregate or per-home row → figures, with withheld scores null (all of them while open). */
export function toFigures(row: RawRow, t: Thresholds, perHome: boolean, open: boolean): Figures {
  const ratings = num(row.ratings);
  const homes = perHome ? 1 : num(row.homes);
  const reportedRatings = open ? 0 : perHome ? (ratings >= t.minSlice ? ratings : 0) : num(row.reported_ratings);
  const shown = reportedRatings > 0;
  const counts = {
    satisfied: shown ? num(row.satisfied) : 0,
    basicallySatisfied: shown ? num(row.basically_satisfied) : 0,
    dissatisfied: shown ? num(row.dissatisfied) : 0,
  };
  const means = {} as Record<CriterionKey, number | null>;
  for (const k of CRITERION_KEYS) means[k] = shown ? criterionMean(num(row[`sum_${k}`]), reportedRatings) : null;
  return {
    homes,
    members: num(row.members),
    ratings,
    participationRate: participationRate(ratings, num(row.members)),
    reportedHomes: open ? 0 : perHome ? (shown ? 1 : 0) : num(row.reported_homes),
    reportedRatings,
    satisfactionRate: shown ? satisfactionRate(counts) : null,
    ...counts,
    means,
  };
}
