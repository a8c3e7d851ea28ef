import { CRITERIA, Criterion, CriterionKey, LeagueSortKey, leagueSortKeys, SCORES } from '@pingjia/shared';
import { DataSource, getMetadataArgsStorage } from 'typeorm';
import { leagueOrder, nameRanks } from './league-order';
import { MIGRATIONS } from '../database/database-options';
import { ratingBodyCheck } from '../ratings/rating-body';
import { addScoreColumns } from '../ratings/rating.entity';
import { counterColumns, figureColumns, totalsSchema } from '../ratings/rating-totals.entity';
import { addCriterionColumns, HomeRow, totalsSql } from '../ratings/rating-totals.store';
import { totalsDelta } from '../ratings/totals-delta';

// Criteria are data: a sixth entry in shared's list (plus the migration addCriterionColumns writes)
// must bring every column, check and sort key with it. Each catalogue below is built from a copy of
// the list with a sixth criterion, the way the production one is built from the real list.
const CARE = 'care' as CriterionKey;
const SIX: Criterion[] = [...CRITERIA, { key: CARE, label: '关爱职工', hint: '困难帮扶及时，节日慰问到位' }];
const KEYS = SIX.map((c) => c.key);
const scores = (v: number) => Object.fromEntries(KEYS.map((k) => [k, v]));

describe('a sixth criterion in the criteria list', () => {
  it('gets its score column on the rating entity', () => {
    class SixRating {}
    addScoreColumns(SixRating, KEYS);
    const columns = getMetadataArgsStorage().columns.filter((c) => c.target === SixRating);
    expect(columns.map((c) => [c.propertyName, c.options.name, c.options.type])).toEqual(KEYS.map((k) => [k, `s_${k}`, 'smallint']));
  });

  it('gets its sum and one count per score in the totals columns and entities', () => {
    const own = ['sum_care', ...SCORES.map((s) => `d_care_${s}`)];
    expect(counterColumns(KEYS)).toEqual(expect.arrayContaining(own));
    expect(counterColumns(KEYS).length).toBe(counterColumns(KEYS.slice(0, 5)).length + own.length);
    const entity = totalsSchema('SixTotals', 'rating_totals', KEYS);
    expect(Object.values(entity.options.columns).map((c) => c!.name)).toEqual(expect.arrayContaining(own));
  });

  it('moves its counters when a rating comes in and when it is changed', () => {
    const first = { scores: scores(4), verdict: 'satisfied' as const, groups: [], commentApproved: false };
    expect(totalsDelta(null, first, KEYS)).toEqual(expect.objectContaining({ size: 1 + 1 + 6 * 2 }));
    expect(totalsDelta(null, first, KEYS).get('sum_care')).toBe(4);
    const changed = totalsDelta(first, { ...first, scores: { ...first.scores, care: 2 } }, KEYS);
    expect(Object.fromEntries(changed)).toEqual({ sum_care: -2, d_care_4: -1, d_care_2: 1 });
    const sql = totalsSql(KEYS);
    expect(sql.delta).toContain('sum_care = sum_care + ?');
    expect(sql.delta).toContain('d_care_5 = d_care_5 + ?');
  });

  it('is required and checked (1..5) in the rating request', () => {
    const check = ratingBodyCheck(SIX);
    const problems = (s: object) => Object.keys(check({ scores: s, verdict: 'satisfied' }) ?? {});
    expect(problems(scores(5))).toEqual([]);
    const { care: _care, ...withoutCare } = scores(5);
    expect(problems(withoutCare)).toEqual(['scores.care']);
    expect(problems({ ...scores(5), care: 6 })).toEqual(['scores.care']);
    expect(problems({ ...scores(5), care: 2.5 })).toEqual(['scores.care']);
  });

  it('is a league sort key that orders homes by its mean', () => {
    expect(leagueSortKeys(KEYS)).toEqual(['satisfaction', 'participation', ...KEYS, 'name']);
    const home = (id: string, care: number): HomeRow => ({
      id,
      name: `家${id}`,
      members: 20,
      workers: null,
      ratings: 10,
      counts: { satisfied: 10, basicallySatisfied: 0, dissatisfied: 0 },
      sums: { ...(scores(30) as HomeRow['sums']), [CARE]: care },
      previous: null,
    });
    const rows = [home('a', 20), home('b', 45), home('c', 31)];
    expect(Array.from(leagueOrder(rows, nameRanks(rows), CARE as LeagueSortKey, 'desc', 5), (i) => rows[i].id)).toEqual(['b', 'c', 'a']);
  });

  it('takes one migration: after it the tables hold exactly the catalogue, and a rating delta applies', async () => {
    const ds = await new DataSource({ type: 'better-sqlite3', database: ':memory:', migrations: MIGRATIONS, logging: false }).initialize();
    try {
      await ds.runMigrations();
      const q = ds.createQueryRunner();
      await addCriterionColumns(q, CARE);
      const columns = async (t: string) => (await q.getTable(t))!.columns.map((c) => c.name).sort();
      expect(await columns('rating_totals')).toEqual(['campaign_id', 'home_id', ...figureColumns(KEYS)].sort());
      expect(await columns('ratings')).toEqual(expect.arrayContaining(KEYS.map((k) => `s_${k}`)));

      const sql = totalsSql(KEYS);
      await q.query(sql.create.sqlite, ['c1', 'h1']);
      const delta = totalsDelta(null, { scores: scores(3), verdict: 'satisfied', groups: [], commentApproved: false }, KEYS);
      await q.query(sql.delta, [...sql.figures.map((c) => delta.get(c) ?? 0), 'c1', 'h1']);
      const [row] = await q.query('SELECT ratings, sum_care, d_care_3 FROM rating_totals');
      expect(row).toEqual({ ratings: 1, sum_care: 3, d_care_3: 1 });
      await q.release();
    } finally {
      await ds.destroy();
    }
  });
});
