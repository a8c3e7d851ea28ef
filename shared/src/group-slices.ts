import { isGroupSliceVisible } from './privacy';
import { DEFAULT_THRESHOLDS, Thresholds } from './scoring';

// Which self-declared group slices (农民工, 女职工 …) a home's final figures may show.
//
// A member may tick several groups, so slices overlap. Whatever an onlooker computes from the shown
// slices and the home's total — sums, differences, complements, A∪B, A∩B — is a sum over the cells of
// the partition the shown groups cut the raters into (the raters who ticked exactly this subset of the
// shown groups): every shown slice is a union of such cells. So if every cell holds 0 or ≥ minSlice
// ratings, no combination of shown figures can single out fewer than minSlice raters. Groups are
// taken in a fixed order and a group is added only when the partition with it still passes; each
// shown slice and its complement also hold ≥ minSlice ratings.
// The figures are the final ones only (released once, when the cycle closes), so nothing can be
// subtracted across time either.

/** How many ratings declared exactly these groups ([] = none). */
export interface GroupPattern<G extends string = string> {
  groups: readonly G[];
  ratings: number;
}

/** Ratings per cell of the partition `family` cuts the raters into (key: one bit per group of `family`). */
export function partitionCells<G extends string>(patterns: readonly GroupPattern<G>[], family: readonly G[]): Map<number, number> {
  const cells = new Map<number, number>();
  for (const p of patterns) {
    let key = 0;
    family.forEach((g, i) => {
      if (p.groups.includes(g)) key |= 1 << i;
    });
    cells.set(key, (cells.get(key) ?? 0) + p.ratings);
  }
  return cells;
}

/** Every cell is empty or holds ≥ minSlice ratings, and so does each group's slice and complement. */
export function isSafeFamily<G extends string>(
  patterns: readonly GroupPattern<G>[],
  family: readonly G[],
  t: Thresholds = DEFAULT_THRESHOLDS,
): boolean {
  const total = patterns.reduce((n, p) => n + p.ratings, 0);
  for (const g of family) {
    const inGroup = patterns.reduce((n, p) => n + (p.groups.includes(g) ? p.ratings : 0), 0);
    if (!isGroupSliceVisible(inGroup, total, t)) return false;
  }
  for (const n of partitionCells(patterns, family).values()) if (n !== 0 && n < t.minSlice) return false;
  return true;
}

/** The groups whose slices may be shown, in `candidates` order: each added only if the family stays safe. */
export function publishableGroups<G extends string>(
  patterns: readonly GroupPattern<G>[],
  candidates: readonly G[],
  t: Thresholds = DEFAULT_THRESHOLDS,
): G[] {
  const family: G[] = [];
  for (const g of candidates) if (isSafeFamily(patterns, [...family, g], t)) family.push(g);
  return family;
}
