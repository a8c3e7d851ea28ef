import { randomUUID } from 'node:crypto';
import { DataSource, Logger } from 'typeorm';
import { MIGRATIONS } from '../database/database-options';
import { Grievance } from '../grievances/grievance.entity';
import { GrievanceStatsService } from '../grievances/grievance-stats.service';
import { Rating } from '../ratings/rating.entity';
import { RatingTotalsStore } from '../ratings/rating-totals.store';
import { DashboardService } from './dashboard.service';

// SQLite's plans for the statements the dashboards run over many rows. At full size a busy home has 20,000
// ratings in a cycle and a province 200,000 grievances: read row by row through the table those statements
// took 0.3-1.7 s (docs/performance.md, fifth pass). The group count and the subtree's grievance counts
// read an index alone, the comments only the approved rows.
describe('the dashboards reads of many rows', () => {
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
    ds = await new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [Rating, Grievance],
      migrations: MIGRATIONS,
    }).initialize();
    await ds.runMigrations();
    ds.setOptions({ logging: ['query'], logger });
  });
  afterAll(() => ds.destroy());

  const planOf = async (run: () => Promise<unknown>): Promise<string> => {
    seen.length = 0;
    await run();
    const reads = seen.filter((q) => /from\s+"?(ratings|grievances)"?/i.test(q.sql));
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

  it("counts a subtree's grievances from the index alone", async () => {
    const stats = new GrievanceStatsService(ds.getRepository(Grievance), ...([null, null] as unknown as [never, never]));
    const plan = await planOf(() => stats.forSubtree(`/${randomUUID()}/`, new Date()));
    expect(plan).toContain('COVERING INDEX idx_grievances_org_figures (org_path>? AND org_path<?)');
  });
});
