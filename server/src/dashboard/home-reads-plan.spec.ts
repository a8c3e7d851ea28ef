import { randomUUID } from 'node:crypto';
import { DataSource, Logger } from 'typeorm';
import { MIGRATIONS } from '../database/database-options';
import { Rating } from '../ratings/rating.entity';
import { RatingTotalsStore } from '../ratings/rating-totals.store';
import { DashboardService } from './dashboard.service';

// A home's dashboard reads the ratings table for its group counts and its approved comments. At full size
// a busy home has 20,000 ratings in a cycle: read row by row through the table those statements took
// 0.7-1 s of the request thread (docs/performance.md, fifth pass). SQLite's plan for the statements the
// code runs: the group count from an index alone, the comments only through approved rows.
describe('the home dashboard reads of ratings', () => {
  let ds: DataSource;
  const seen: { sql: string; params: unknown }[] = [];
  const logger: Logger = {
    logQuery: (sql, params) => void seen.push({ sql, params }),
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };

  beforeAll(async () => {
    ds = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Rating], migrations: MIGRATIONS }).initialize();
    await ds.runMigrations();
    ds.setOptions({ logging: ['query'], logger });
  });
  afterAll(() => ds.destroy());

  const planOf = async (run: () => Promise<unknown>): Promise<string> => {
    seen.length = 0;
    await run();
    const reads = seen.filter((q) => /from\s+"?ratings"?/i.test(q.sql));
    expect(reads).toHaveLength(1);
    const plan = (await ds.query(`EXPLAIN QUERY PLAN ${reads[0].sql}`, reads[0].params as unknown[])) as { detail: string }[];
    return plan.map((p) => p.detail).join(' | ');
  };

  it('counts the group patterns from the index alone', async () => {
    const plan = await planOf(() => new RatingTotalsStore(ds).groupPatterns(randomUUID(), randomUUID()));
    expect(plan).toContain('COVERING INDEX idx_ratings_home_status_groups (campaign_id=? AND home_id=?)');
  });

  it('reads the comments through the approved rows only', async () => {
    const service = new DashboardService(
      ds,
      ...([null, null, null, null, null, null] as unknown as [never, never, never, never, never, never]),
    );
    const plan = await planOf(() => service.comments(randomUUID(), randomUUID()));
    expect(plan).toContain('INDEX idx_ratings_home_status_groups (campaign_id=? AND home_id=? AND comment_status=?)');
  });
});
