import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { rate, type GrievanceStats } from '@pingjia/shared';
import { Repository } from 'typeorm';
import { AccessPolicy } from '../orgs/access-policy';
import { Clock } from '../common/clock';
import { subtreeRange } from '../common/paging';
import { Grievance } from './grievance.entity';
import { chairTopicSql, endedSql, overdueSql } from './grievance-store';

const EMPTY_GRIEVANCE_STATS: GrievanceStats = {
  total: 0,
  open: 0,
  overdue: 0,
  escalated: 0,
  decided: 0,
  onTime: 0,
  onTimeRate: null,
  feedback: { satisfied: 0, dissatisfied: 0 },
  satisfactionRate: null,
};

interface Row {
  home_id: string;
  total: string | number;
  open: string | number | null;
  overdue: string | number | null;
  escalated: string | number | null;
  decided: string | number | null;
  on_time: string | number | null;
  satisfied: string | number | null;
  dissatisfied: string | number | null;
}

function toStats(r: Row): GrievanceStats {
  const n = (v: string | number | null) => Number(v ?? 0);
  const decided = n(r.decided);
  const onTime = n(r.on_time);
  const satisfied = n(r.satisfied);
  const dissatisfied = n(r.dissatisfied);
  return {
    total: n(r.total),
    open: n(r.open),
    overdue: n(r.overdue),
    escalated: n(r.escalated),
    decided,
    onTime,
    onTimeRate: rate(onTime, decided),
    feedback: { satisfied, dissatisfied },
    satisfactionRate: rate(satisfied, satisfied + dissatisfied),
  };
}

/** Stand-ins for the values of forHome's query, built once (no grievance field can hold a NUL). */
const NOW_MARK = '\u0000now';
const HOME_MARK = '\u0000home';

// Per-home grievance figures for dashboards: how many, how many on time, how satisfied the workers were.
// Grievances about the union itself (topic `union`) count only for the upper level: a chair's own
// figures must not reveal that someone complained about them.
@Injectable()
export class GrievanceStatsService {
  /** forHome's SQL and stand-in values, by includeUnionTopic */
  private readonly oneHome = new Map<boolean, [string, unknown[]]>();

  constructor(
    @InjectRepository(Grievance) private readonly grievances: Repository<Grievance>,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  /** Figures for each of the homes (every home asked for is in the map). */
  async forHomes(homeIds: string[], opts: { includeUnionTopic: boolean }): Promise<Map<string, GrievanceStats>> {
    const out = new Map<string, GrievanceStats>(
      homeIds.map((id) => [id, { ...EMPTY_GRIEVANCE_STATS, feedback: { satisfied: 0, dissatisfied: 0 } }]),
    );
    if (!homeIds.length) return out;
    const q = this.figures().addSelect('g.home_id', 'home_id').where('g.home_id IN (:...homeIds)', { homeIds }).groupBy('g.home_id');
    if (!opts.includeUnionTopic) q.andWhere(chairTopicSql('g'));
    for (const r of await q.getRawMany<Row>()) out.set(r.home_id, toStats(r));
    return out;
  }

  /**
   * One home's figures (a home dashboard, asked on every answer not cached): the query of `forHomes` for
   * one home, built once per variant with stand-in values and run with the real ones bound, so no query
   * building per request.
   */
  async forHome(homeId: string, opts: { includeUnionTopic: boolean }): Promise<GrievanceStats> {
    let built = this.oneHome.get(opts.includeUnionTopic);
    if (!built) {
      const q = this.figures()
        .setParameter('now', NOW_MARK)
        .addSelect('g.home_id', 'home_id')
        .where('g.home_id = :homeId', { homeId: HOME_MARK })
        .groupBy('g.home_id');
      if (!opts.includeUnionTopic) q.andWhere(chairTopicSql('g'));
      built = q.getQueryAndParameters();
      this.oneHome.set(opts.includeUnionTopic, built);
    }
    const [sql, marks] = built;
    const now = this.clock.now().toISOString();
    const [r] = await this.grievances.query<Row[]>(
      sql,
      marks.map((m) => (m === NOW_MARK ? now : m === HOME_MARK ? homeId : m)),
    );
    return r ? toStats(r) : { ...EMPTY_GRIEVANCE_STATS, feedback: { satisfied: 0, dissatisfied: 0 } };
  }

  /**
   * Sums over every home of a subtree (a federation's dashboard), grievances about unions included:
   * one aggregate over an index range on the grievance's org path (its home's path, which never
   * changes), not one query per thousand home ids.
   */
  async forSubtree(path: string, now = this.clock.now()): Promise<GrievanceStats> {
    const { from, to } = subtreeRange(path);
    const r = await this.figures(now).where('g.org_path >= :from AND g.org_path < :to', { from, to }).getRawOne<Row>();
    return r ? toStats(r) : { ...EMPTY_GRIEVANCE_STATS, feedback: { satisfied: 0, dissatisfied: 0 } };
  }

  private figures(at = this.clock.now()) {
    const now = at.toISOString();
    return this.grievances
      .createQueryBuilder('g')
      .select('COUNT(*)', 'total')
      .addSelect(`SUM(CASE WHEN ${endedSql('g', 'NOT IN')} THEN 1 ELSE 0 END)`, 'open')
      .addSelect(`SUM(CASE WHEN ${overdueSql('g')} THEN 1 ELSE 0 END)`, 'overdue')
      .addSelect(`SUM(CASE WHEN g.escalated = 1 AND ${endedSql('g', 'NOT IN')} THEN 1 ELSE 0 END)`, 'escalated')
      .addSelect('SUM(CASE WHEN g.on_time IS NOT NULL THEN 1 ELSE 0 END)', 'decided')
      .addSelect('SUM(CASE WHEN g.on_time = 1 THEN 1 ELSE 0 END)', 'on_time')
      .addSelect(`SUM(CASE WHEN g.feedback_verdict = 'satisfied' THEN 1 ELSE 0 END)`, 'satisfied')
      .addSelect(`SUM(CASE WHEN g.feedback_verdict = 'dissatisfied' THEN 1 ELSE 0 END)`, 'dissatisfied')
      .setParameters({ now });
  }

  /** For GET /api/homes/:id/grievance-stats: the home's chair, or an admin above it (404 otherwise). */
  async forStaff(userId: string, homeId: string): Promise<GrievanceStats> {
    const { home, upperLevel } = await this.access.homeWithLevel(userId, homeId);
    return this.forHome(home.id, { includeUnionTopic: upperLevel });
  }
}
