import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  countsTowardAggregate,
  CRITERION_KEYS,
  CriterionKey,
  GroupPattern,
  MEMBER_GROUP_KEYS,
  MemberGroup,
  SCORES,
  Thresholds,
  VerdictCounts,
} from '@pingjia/shared';
import { DataSource, EntityManager, QueryRunner, TableColumn } from 'typeorm';
import { CampaignHome } from '../campaigns/campaign-home.entity';
import { cycleMembersSql } from '../campaigns/campaign-homes';
import { subtreeRange } from '../common/paging';
import { isRetryable } from '../common/transactions';
import { Home } from '../orgs/home.entity';
import {
  criterionColumns,
  distColumn,
  figureColumns,
  groupColumn,
  groupVerdictColumn,
  RatingTotalsSchema,
  sumColumn,
} from './rating-totals.entity';

// The one owner of the per-home rating totals (rating_totals): the only code that names their columns
// in SQL, takes their row lock, applies a rating's deltas and reads them for a home, a subtree and the
// league. Callers get typed figures (HomeTotals, HomeRow, Aggregate), never column names. Dialect
// differences (SQLite vs MySQL) are settled here and nowhere in the services.
// While a cycle is open (`open` below) the subtree reads carry participation only — each home's count
// rounded down to a multiple of minSlice before anything sums it, no score or verdict read at all —
// so a roll-up is the sum of the rounded counts its homes show (issue 14).

/** A totals row decoded: counts, per-criterion sums and score counts, per-group verdicts. */
export interface HomeTotals {
  ratings: number;
  counts: VerdictCounts;
  commentsApproved: number;
  criteria: Record<CriterionKey, { sum: number; distribution: number[] }>;
  groups: Record<MemberGroup, { ratings: number; counts: VerdictCounts }>;
}

/** What every league figure is made of: counts over all homes, scores over the reportable ones. */
export interface Aggregate {
  homes: number;
  members: number;
  ratings: number;
  reportedHomes: number;
  reportedRatings: number;
  /** verdicts and sums over reportable homes only (≥ minSlice ratings each) */
  counts: VerdictCounts;
  sums: Record<CriterionKey, number>;
}

/** One home of a subtree with its totals in a cycle (and its verdicts in the cycle before, when asked). */
export interface HomeRow {
  id: string;
  name: string;
  members: number;
  workers: number | null;
  ratings: number;
  counts: VerdictCounts;
  sums: Record<CriterionKey, number>;
  previous: { ratings: number; counts: VerdictCounts } | null;
}

const ENTITY = RatingTotalsSchema.options.name;

type Raw = Record<string, string | number | null>;
const num = (v: string | number | null | undefined) => Number(v ?? 0);
const verdicts = (r: Raw, prefix = ''): VerdictCounts => ({
  satisfied: num(r[`${prefix}satisfied`]),
  basicallySatisfied: num(r[`${prefix}basically_satisfied`]),
  dissatisfied: num(r[`${prefix}dissatisfied`]),
});
const sumsOf = (r: Raw): Record<CriterionKey, number> =>
  Object.fromEntries(CRITERION_KEYS.map((k) => [k, num(r[sumColumn(k)])])) as Record<CriterionKey, number>;

/** A whole totals row (SELECT *) as figures. */
function decodeTotals(r: Raw): HomeTotals {
  const criteria = {} as HomeTotals['criteria'];
  for (const k of CRITERION_KEYS) criteria[k] = { sum: num(r[sumColumn(k)]), distribution: SCORES.map((s) => num(r[distColumn(k, s)])) };
  const groups = {} as HomeTotals['groups'];
  for (const g of MEMBER_GROUP_KEYS) {
    groups[g] = {
      ratings: num(r[groupColumn(g)]),
      counts: {
        satisfied: num(r[groupVerdictColumn(g, 'satisfied')]),
        basicallySatisfied: num(r[groupVerdictColumn(g, 'basically_satisfied')]),
        dissatisfied: num(r[groupVerdictColumn(g, 'dissatisfied')]),
      },
    };
  }
  return { ratings: num(r.ratings), counts: verdicts(r), commentsApproved: num(r.comments_approved), criteria, groups };
}

// SQL over `homes h LEFT JOIN rating_totals t`. The only numbers interpolated are integers from the
// thresholds (fixed in shared for now, never request input).
const int = (n: number) => String(Math.trunc(n));
const exact = (a = 't') => `COALESCE(${a}.ratings, 0)`;
const SUMMED = ['satisfied', 'basically_satisfied', 'dissatisfied', ...CRITERION_KEYS.map(sumColumn)];

// SQL twins of shared rules (rating-totals.store.spec.ts checks each agrees with its TS version):
/** shared `countsTowardAggregate`: a home's scores count toward sums only from minSlice ratings */
export const reportableSql = (t: Thresholds, a = 't') => `${exact(a)} >= ${int(t.minSlice)}`;
/** shared `openParticipation`: an open cycle's count, rounded down to a multiple of minSlice */
export const openParticipationSql = (t: Thresholds, a = 't') => `(${exact(a)} - ${exact(a)} % ${int(t.minSlice)})`;

const ratingsOf = (t: Thresholds, open: boolean) => (open ? openParticipationSql(t) : exact());

function homeSelect(t: Thresholds, open: boolean, previous: boolean, members: string): string {
  return [
    'h.id AS id',
    'h.name AS name',
    `${members} AS members`,
    'h.worker_count AS workers',
    `${ratingsOf(t, open)} AS ratings`,
    ...SUMMED.map((c) => `${open ? '0' : `COALESCE(t.${c}, 0)`} AS ${c}`),
    ...(previous ? ['ratings', 'satisfied', 'basically_satisfied', 'dissatisfied'].map((c) => `COALESCE(p.${c}, 0) AS p_${c}`) : []),
  ].join(', ');
}

function rollupSelect(t: Thresholds, open: boolean, members: string): string {
  const r = reportableSql(t);
  const released = (sql: string) => (open ? '0' : sql);
  return [
    'COUNT(h.id) AS homes',
    `COALESCE(SUM(${members}), 0) AS members`,
    `COALESCE(SUM(${ratingsOf(t, open)}), 0) AS ratings`,
    `${released(`COALESCE(SUM(CASE WHEN ${r} THEN 1 ELSE 0 END), 0)`)} AS reported_homes`,
    `${released(`COALESCE(SUM(CASE WHEN ${r} THEN t.ratings ELSE 0 END), 0)`)} AS reported_ratings`,
    ...SUMMED.map((c) => `${released(`COALESCE(SUM(CASE WHEN ${r} THEN t.${c} ELSE 0 END), 0)`)} AS ${c}`),
  ].join(', ');
}

function toHomeRow(r: Raw, previous: boolean): HomeRow {
  return {
    id: String(r.id),
    name: String(r.name),
    members: num(r.members),
    workers: r.workers === null || r.workers === undefined ? null : num(r.workers),
    ratings: num(r.ratings),
    counts: verdicts(r),
    sums: sumsOf(r),
    previous: previous ? { ratings: num(r.p_ratings), counts: verdicts(r, 'p_') } : null,
  };
}

/**
 * Sums over homes in TS, by the same rule as the SQL roll-up: counts over all, scores over reportable
 * homes — none while the cycle is open (`open`: the rows carry rounded counts only).
 */
export function aggregate(rows: HomeRow[], t: Thresholds, open = false): Aggregate {
  const agg: Aggregate = {
    homes: rows.length,
    members: 0,
    ratings: 0,
    reportedHomes: 0,
    reportedRatings: 0,
    counts: { satisfied: 0, basicallySatisfied: 0, dissatisfied: 0 },
    sums: Object.fromEntries(CRITERION_KEYS.map((k) => [k, 0])) as Record<CriterionKey, number>,
  };
  for (const r of rows) {
    agg.members += r.members;
    agg.ratings += r.ratings;
    if (open || !countsTowardAggregate(r.ratings, t)) continue;
    agg.reportedHomes++;
    agg.reportedRatings += r.ratings;
    agg.counts.satisfied += r.counts.satisfied;
    agg.counts.basicallySatisfied += r.counts.basicallySatisfied;
    agg.counts.dissatisfied += r.counts.dissatisfied;
    for (const k of CRITERION_KEYS) agg.sums[k] += r.sums[k];
  }
  return agg;
}

/** The statements, built once from the column catalogue (placeholders only; names from fixed lists). */
export function totalsSql(criteria: readonly string[]) {
  const figures = figureColumns(criteria);
  return {
    figures,
    lock: {
      sqlite: 'SELECT ratings FROM rating_totals WHERE campaign_id = ? AND home_id = ?',
      mysql: 'SELECT ratings FROM rating_totals WHERE campaign_id = ? AND home_id = ? FOR UPDATE',
    },
    create: {
      sqlite: 'INSERT OR IGNORE INTO rating_totals (campaign_id, home_id) VALUES (?, ?)',
      mysql: 'INSERT IGNORE INTO rating_totals (campaign_id, home_id) VALUES (?, ?)',
    },
    // Every counter moves by its delta (0 for most): one statement text, one cached prepared statement on SQLite.
    delta: `UPDATE rating_totals SET ${figures.map((c) => `${c} = ${c} + ?`).join(', ')} WHERE campaign_id = ? AND home_id = ?`,
    commentApproved: 'UPDATE rating_totals SET comments_approved = comments_approved + 1 WHERE campaign_id = ? AND home_id = ?',
  };
}

const SQL = totalsSql(CRITERION_KEYS);
const dialect = (m: EntityManager | DataSource): 'mysql' | 'sqlite' =>
  (m instanceof DataSource ? m : m.connection).options.type === 'mysql' ? 'mysql' : 'sqlite';

/**
 * The migration that adds a criterion (after its entry in shared's CRITERION_KEYS): its score column on
 * ratings (null for ratings given before it existed) and its counters on the totals.
 */
export async function addCriterionColumns(q: QueryRunner, key: string): Promise<void> {
  await q.addColumn('ratings', new TableColumn({ name: `s_${key}`, type: 'smallint', isNullable: true }));
  await q.addColumns(
    'rating_totals',
    criterionColumns(key).map((name) => new TableColumn({ name, type: 'int', default: 0 })),
  );
}

/** A MySQL transaction found no totals row to lock: RatingTotalsStore.withRow creates it and runs again. */
class TotalsRowMissing extends Error {}

@Injectable()
export class RatingTotalsStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Runs a write transaction that locks the home's totals row (lock below). On MySQL a missing row is not
   * created inside it: a locking read of a missing row takes a gap lock, and when the first members of a
   * home rate at once each such transaction then waits on the others' gap locks to insert the row, and
   * InnoDB kills all but one as deadlocks — enough retries in a row to exhaust them (seen in CI: 90
   * simultaneous first PUTs). So lock() gives up at once (TotalsRowMissing, the transaction rolls back and
   * its gap lock goes), the row is created in a statement of its own, and the work runs again, queuing on
   * the row. The row exists for nearly every write, which then costs no statement besides the lock.
   */
  async withRow<T>(campaignId: string, homeId: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      if (!(e instanceof TotalsRowMissing)) throw e;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await this.dataSource.query(SQL.create.mysql, [campaignId, homeId]);
        break;
      } catch (e) {
        if (attempt >= 5 || !isRetryable(e)) throw e;
        await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
      }
    }
    return run();
  }

  // ---- writes, inside the caller's transaction

  /**
   * Locks the home's totals row. Every write to a home's ratings takes this lock first, so concurrent
   * writers queue on one row instead of deadlocking on index gaps; run the transaction through withRow
   * (on MySQL a missing row throws TotalsRowMissing; SQLite, one writer whose transaction is itself the
   * lock, creates it here). Returns the home's rating count as the locked row holds it (the totals are
   * the sum of the ratings).
   */
  async lock(m: EntityManager, campaignId: string, homeId: string): Promise<number> {
    return (await this.lockReading(m, campaignId, homeId, null)).counted;
  }

  /**
   * lock(), reading one more value in the same statement (one round trip less under the lock): `beside.sql`
   * is a scalar subquery (its own placeholders, `beside.params`) correlated to the locked row (named
   * `rating_totals.campaign_id` / `.home_id`), so it is evaluated after that row is read. On MySQL a
   * locking read's FOR UPDATE does not lock a subquery's rows (no gap lock on a missing one), and the
   * subquery reads after the lock is granted — the first consistent read of the transaction, as a
   * separate SELECT after the lock was — so it sees what the lock's previous holder committed.
   */
  async lockReading(
    m: EntityManager,
    campaignId: string,
    homeId: string,
    beside: { sql: string; params: unknown[] } | null,
  ): Promise<{ counted: number; value: unknown }> {
    const d = dialect(m);
    const sql = beside ? SQL.lock[d].replace('SELECT ratings FROM', `SELECT ratings, (${beside.sql}) AS beside FROM`) : SQL.lock[d];
    const params = [...(beside?.params ?? []), campaignId, homeId];
    let [row] = (await m.query(sql, params)) as { ratings: number | string; beside?: unknown }[];
    if (!row) {
      if (d === 'mysql') throw new TotalsRowMissing();
      await m.query(SQL.create[d], [campaignId, homeId]);
      [row] = (await m.query(sql, params)) as { ratings: number | string; beside?: unknown }[];
    }
    return { counted: Number(row.ratings), value: row.beside ?? null };
  }

  /** Moves the counters by a rating's delta (totals-delta.ts). */
  async applyDelta(m: EntityManager, campaignId: string, homeId: string, delta: Map<string, number>): Promise<void> {
    if (!delta.size) return;
    await m.query(SQL.delta, [...SQL.figures.map((c) => Math.trunc(delta.get(c) ?? 0)), campaignId, homeId]);
  }

  /** A held comment approved by staff now counts (under the row lock). */
  async commentApproved(m: EntityManager, campaignId: string, homeId: string): Promise<void> {
    await m.query(SQL.commentApproved, [campaignId, homeId]);
  }

  // ---- reads

  /**
   * A home's totals in each of these cycles, in one query. Plain SQL: an ORM find hydrating ~90 counter
   * columns per row cost more than the lookup. (Whether a cycle's figures may be shown is the caller's.)
   */
  async forHome(homeId: string, campaignIds: string[]): Promise<Map<string, HomeTotals>> {
    const out = new Map<string, HomeTotals>();
    if (!campaignIds.length) return out;
    const rows = (await this.dataSource.query(
      `SELECT * FROM rating_totals WHERE home_id = ? AND campaign_id IN (${campaignIds.map(() => '?').join(', ')})`,
      [homeId, ...campaignIds],
    )) as Raw[];
    for (const r of rows) out.set(String(r.campaign_id), decodeTotals(r));
    return out;
  }

  /**
   * How many of a home's ratings in a cycle ticked each set of groups (member_groups holds the sorted
   * keys): what shared `publishableGroups` needs to show only group slices no combination can subtract.
   * Read only for a closed cycle's final figures.
   */
  async groupPatterns(campaignId: string, homeId: string): Promise<GroupPattern<MemberGroup>[]> {
    const rows = (await this.dataSource.query(
      'SELECT member_groups AS g, COUNT(*) AS n FROM ratings WHERE campaign_id = ? AND home_id = ? GROUP BY member_groups',
      [campaignId, homeId],
    )) as { g: string | null; n: number | string }[];
    return rows.map((r) => ({ groups: r.g ? (r.g.split(',') as MemberGroup[]) : [], ratings: Number(r.n) }));
  }

  /** A home's totals in one cycle (public results of a published cycle). */
  async final(campaignId: string, homeId: string): Promise<HomeTotals | null> {
    const [row] = (await this.dataSource.query('SELECT * FROM rating_totals WHERE campaign_id = ? AND home_id = ?', [
      campaignId,
      homeId,
    ])) as Raw[];
    return row ? decodeTotals(row) : null;
  }

  /**
   * Every home of a subtree with its totals, by an index range on the org path (one scan, never of
   * ratings); with `previousId`, each home's verdicts in that (closed) cycle too.
   */
  async subtreeHomes(path: string, campaignId: string, open: boolean, t: Thresholds, previousId: string | null): Promise<HomeRow[]> {
    const c = await this.cycleHomes(path, campaignId, open);
    const { from, to } = subtreeRange(c.path);
    const q = c.q
      .andWhere(`${c.pathColumn} >= :from AND ${c.pathColumn} < :to`, { from, to })
      .select(homeSelect(t, open, previousId !== null, c.members));
    if (previousId !== null) q.leftJoin(ENTITY, 'p', 'p.home_id = h.id AND p.campaign_id = :previousId', { previousId });
    return (await q.getRawMany<Raw>()).map((r) => toHomeRow(r, previousId !== null));
  }

  /** The homes directly under an org (not in a child org). */
  async directHomes(path: string, campaignId: string, open: boolean, t: Thresholds): Promise<HomeRow[]> {
    const c = await this.cycleHomes(path, campaignId, open);
    const rows = await c.q
      .andWhere(`${c.pathColumn} = :path`, { path: c.path })
      .select(homeSelect(t, open, false, c.members))
      .getRawMany<Raw>();
    return rows.map((r) => toHomeRow(r, false));
  }

  /** Each child org's roll-up below `path` (summed in SQL), keyed by the child's id. */
  async childRollups(path: string, campaignId: string, open: boolean, t: Thresholds): Promise<Array<{ childId: string } & Aggregate>> {
    const c = await this.cycleHomes(path, campaignId, open);
    const { to } = subtreeRange(c.path);
    // The child's id is the path segment right after this org's path (an integer literal, not input).
    const child = `SUBSTR(${c.pathColumn}, ${c.path.length + 1}, 36)`;
    const rows = await c.q
      .andWhere(`${c.pathColumn} > :path AND ${c.pathColumn} < :to`, { path: c.path, to })
      .select(`${child} AS child_id, ${rollupSelect(t, open, c.members)}`)
      .groupBy(child)
      .getRawMany<Raw>();
    return rows.map((r) => ({
      childId: String(r.child_id),
      homes: num(r.homes),
      members: num(r.members),
      ratings: num(r.ratings),
      reportedHomes: num(r.reported_homes),
      reportedRatings: num(r.reported_ratings),
      counts: verdicts(r),
      sums: sumsOf(r),
    }));
  }

  /**
   * The homes a cycle's figures are made of, joined to their totals. A closed or published cycle's are
   * those frozen into it (campaign_homes: its member counts, and the tree as it stood then, so a move or
   * a deactivation since changes nothing in it), with `path` translated to where that org stood then.
   * Any other (open, or no cycle): today's active homes, an open cycle's member counts frozen at opening.
   */
  private async cycleHomes(path: string, campaignId: string, open: boolean) {
    const joinTotals = <T extends ReturnType<DataSource['createQueryBuilder']>>(q: T) =>
      q.leftJoin(ENTITY, 't', 't.home_id = h.id AND t.campaign_id = :campaignId', { campaignId });
    if (campaignId && !open) {
      const q = this.dataSource
        .createQueryBuilder()
        .from(CampaignHome, 'ch')
        .innerJoin(Home, 'h', 'h.id = ch.home_id')
        .where('ch.campaign_id = :campaignId', { campaignId });
      return { q: joinTotals(q), pathColumn: 'ch.org_path', members: 'ch.member_count', path: await this.pathThen(campaignId, path) };
    }
    const q = this.dataSource.createQueryBuilder().from(Home, 'h').where('h.deactivated_at IS NULL');
    return { q: joinTotals(q), pathColumn: 'h.org_path', members: cycleMembersSql(':campaignId'), path };
  }

  /** Where the org at `path` (today) stood when the cycle froze its homes: its path then, found in any home's frozen path below it. */
  private async pathThen(campaignId: string, path: string): Promise<string> {
    const { from, to } = subtreeRange(path);
    const same = (await this.dataSource.query(
      'SELECT 1 AS x FROM campaign_homes WHERE campaign_id = ? AND org_path >= ? AND org_path < ? LIMIT 1',
      [campaignId, from, to],
    )) as unknown[];
    if (same.length) return path;
    const id = path.split('/').filter(Boolean).pop() ?? '';
    const [moved] = (await this.dataSource.query(
      'SELECT org_path AS p FROM campaign_homes WHERE campaign_id = ? AND org_path LIKE ? LIMIT 1',
      [campaignId, `%/${id}/%`],
    )) as { p: string }[];
    return moved ? moved.p.slice(0, moved.p.indexOf(`/${id}/`) + id.length + 2) : path;
  }
}
