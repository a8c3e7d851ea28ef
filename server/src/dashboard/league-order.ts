import type { LeagueSortKey } from '@pingjia/shared';
import type { HomeRow } from '../ratings/rating-totals.store';

// League order over a subtree's home rows (RatingTotalsStore.subtreeHomes), computed once per sort key and order
// and kept with the rows (org-dashboard.service.ts), instead of a join and sort in SQL per page.

/** Binary (code unit) order, as SQLite's default collation: the tie-breaks name, then id. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Each row's place when sorted by name, then id. */
export function nameRanks(rows: HomeRow[]): Float64Array {
  const byName = Int32Array.from(rows.keys()).sort((a, b) => cmp(rows[a].name, rows[b].name) || cmp(rows[a].id, rows[b].id));
  const rank = new Float64Array(rows.length);
  byName.forEach((row, i) => (rank[row] = i));
  return rank;
}

/**
 * Row indexes in league order: by the sort value — null where the figure is withheld (fewer than
 * `minSlice` ratings) or a home has no members — withheld last whichever way, so their place reveals
 * nothing; ties by name, then id. Sorted natively as numbers: each row's key is its value's rank
 * times the row count plus its name rank (exact in a double for any number of homes).
 */
export function leagueOrder(
  rows: HomeRow[],
  nameRank: Float64Array,
  sort: LeagueSortKey,
  order: 'asc' | 'desc',
  minSlice: number,
): Int32Array {
  const n = rows.length;
  const byName = new Int32Array(n);
  for (let i = 0; i < n; i++) byName[nameRank[i]] = i;
  const values = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = byName[k];
    const r = rows[i];
    const ratings = r.ratings;
    // By name: homes of the same name share a value (the first one's rank), so ties go by id either way.
    if (sort === 'name') values[i] = k > 0 && rows[byName[k - 1]].name === r.name ? values[byName[k - 1]] : k;
    else if (sort === 'participation') values[i] = r.members ? ratings / r.members : NaN;
    else if (ratings < minSlice) values[i] = NaN;
    else values[i] = (sort === 'satisfaction' ? r.counts.satisfied + r.counts.basicallySatisfied : r.sums[sort]) / ratings;
  }
  // Distinct values ascending (a native sort puts NaN last); a value's rank by binary search.
  const sorted = Float64Array.from(values).sort();
  let distinct = 0;
  for (let i = 0; i < n && !Number.isNaN(sorted[i]); i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i];
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    let rank = distinct;
    if (!Number.isNaN(v)) {
      let lo = 0;
      let hi = distinct - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid] < v) lo = mid + 1;
        else hi = mid;
      }
      rank = order === 'asc' ? lo : distinct - 1 - lo;
    }
    keys[i] = rank * n + nameRank[i];
  }
  keys.sort();
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = byName[keys[i] % n];
  return out;
}
