import { CRITERION_KEYS, LEAGUE_SORT_KEYS, LeagueSortKey } from '@pingjia/shared';
import type { RawRow } from './figures-sql';
import { leagueOrder, nameRanks } from './league-order';

// The native-number league order must equal the plain definition: by value (withheld — fewer than
// minSlice ratings — and member-less homes last, whichever way), ties by name, then id.
const MIN = 5;

function rows(n: number, seed: number): RawRow[] {
  let x = seed;
  const rnd = (k: number) => ((x = (x * 1103515245 + 12345) % 2147483648) % k);
  return Array.from({ length: n }, (_, i) => {
    const ratings = rnd(4) === 0 ? rnd(MIN) : rnd(40);
    const row: RawRow = { id: `id-${String(rnd(1000)).padStart(4, '0')}-${i}`, name: `家${rnd(6)}`, members: rnd(10) === 0 ? 0 : 1 + rnd(60), ratings };
    const satisfied = rnd(ratings + 1);
    row.satisfied = satisfied;
    row.basically_satisfied = rnd(ratings - satisfied + 1);
    for (const k of CRITERION_KEYS) row[`sum_${k}`] = ratings * (1 + rnd(3));
    return row;
  });
}

function naive(rs: RawRow[], sort: LeagueSortKey, order: 'asc' | 'desc'): number[] {
  const value = (r: RawRow): number | string | null => {
    const n = Number(r.ratings);
    if (sort === 'name') return String(r.name);
    if (sort === 'participation') return Number(r.members) ? n / Number(r.members) : null;
    if (n < MIN) return null;
    return (sort === 'satisfaction' ? Number(r.satisfied) + Number(r.basically_satisfied) : Number(r[`sum_${sort}`])) / n;
  };
  const tie = (a: RawRow, b: RawRow) => (a.name! < b.name! ? -1 : a.name! > b.name! ? 1 : a.id! < b.id! ? -1 : a.id! > b.id! ? 1 : 0);
  return [...rs.keys()].sort((i, j) => {
    const [a, b] = [value(rs[i]), value(rs[j])];
    if (a === null || b === null) return a === b ? tie(rs[i], rs[j]) : a === null ? 1 : -1;
    if (a !== b) return (a < b ? -1 : 1) * (order === 'asc' ? 1 : -1);
    return tie(rs[i], rs[j]);
  });
}

describe('leagueOrder', () => {
  it.each(LEAGUE_SORT_KEYS.flatMap((sort) => (['asc', 'desc'] as const).map((order) => [sort, order] as const)))('%s %s equals the plain comparator sort', (sort, order) => {
    for (const [n, seed] of [[0, 1], [1, 2], [7, 3], [500, 4]]) {
      const rs = rows(n, seed);
      expect(Array.from(leagueOrder(rs, nameRanks(rs), sort, order, MIN))).toEqual(naive(rs, sort, order));
    }
  });

  it('puts withheld figures last in both directions', () => {
    const rs = rows(200, 9);
    for (const order of ['asc', 'desc'] as const) {
      const ranked = Array.from(leagueOrder(rs, nameRanks(rs), 'satisfaction', order, MIN)).map((i) => Number(rs[i].ratings) >= MIN);
      expect(ranked.indexOf(false)).toBe(ranked.filter(Boolean).length);
    }
  });
});
