import { CRITERION_KEYS, LEAGUE_SORT_KEYS, LeagueSortKey } from '@pingjia/shared';
import type { HomeRow } from '../ratings/rating-totals.store';
import { leagueOrder, nameRanks } from './league-order';

// The native-number league order must equal the plain definition: by value (withheld — fewer than
// minSlice ratings — and member-less homes last, whichever way), ties by name, then id.
const MIN = 5;

function rows(n: number, seed: number): HomeRow[] {
  let x = seed;
  const rnd = (k: number) => (x = (x * 1103515245 + 12345) % 2147483648) % k;
  return Array.from({ length: n }, (_, i) => {
    const ratings = rnd(4) === 0 ? rnd(MIN) : rnd(40);
    const id = `id-${String(rnd(1000)).padStart(4, '0')}-${i}`;
    const name = `家${rnd(6)}`;
    const members = rnd(10) === 0 ? 0 : 1 + rnd(60);
    const satisfied = rnd(ratings + 1);
    const counts = { satisfied, basicallySatisfied: rnd(ratings - satisfied + 1), dissatisfied: 0 };
    const sums = Object.fromEntries(CRITERION_KEYS.map((k) => [k, ratings * (1 + rnd(3))])) as HomeRow['sums'];
    return { id, name, members, workers: null, ratings, counts, sums, previous: null };
  });
}

function naive(rs: HomeRow[], sort: LeagueSortKey, order: 'asc' | 'desc'): number[] {
  const value = (r: HomeRow): number | string | null => {
    const n = r.ratings;
    if (sort === 'name') return r.name;
    if (sort === 'participation') return r.members ? n / r.members : null;
    if (n < MIN) return null;
    return (sort === 'satisfaction' ? r.counts.satisfied + r.counts.basicallySatisfied : r.sums[sort]) / n;
  };
  const tie = (a: HomeRow, b: HomeRow) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return [...rs.keys()].sort((i, j) => {
    const [a, b] = [value(rs[i]), value(rs[j])];
    if (a === null || b === null) return a === b ? tie(rs[i], rs[j]) : a === null ? 1 : -1;
    if (a !== b) return (a < b ? -1 : 1) * (order === 'asc' ? 1 : -1);
    return tie(rs[i], rs[j]);
  });
}

describe('leagueOrder', () => {
  it.each(LEAGUE_SORT_KEYS.flatMap((sort) => (['asc', 'desc'] as const).map((order) => [sort, order] as const)))(
    '%s %s equals the plain comparator sort',
    (sort, order) => {
      for (const [n, seed] of [
        [0, 1],
        [1, 2],
        [7, 3],
        [500, 4],
      ]) {
        const rs = rows(n, seed);
        expect(Array.from(leagueOrder(rs, nameRanks(rs), sort, order, MIN))).toEqual(naive(rs, sort, order));
      }
    },
  );

  it('puts withheld figures last in both directions', () => {
    const rs = rows(200, 9);
    for (const order of ['asc', 'desc'] as const) {
      const ranked = Array.from(leagueOrder(rs, nameRanks(rs), 'satisfaction', order, MIN)).map((i) => rs[i].ratings >= MIN);
      expect(ranked.indexOf(false)).toBe(ranked.filter(Boolean).length);
    }
  });
});
