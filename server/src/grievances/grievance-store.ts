import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  GRIEVANCE_TOPICS,
  routesToUpperLevel,
  type GrievanceActorRole,
  type GrievanceEventKind,
  type GrievanceState,
} from '@pingjia/shared';
import { EntityManager, In, Repository } from 'typeorm';
import { newId } from '../common/ids';
import { Home } from '../orgs/home.entity';
import { Grievance, GrievanceEventRow } from './grievance.entity';

export interface NewEvent {
  kind: GrievanceEventKind;
  actorRole: GrievanceActorRole;
  message?: string | null;
  days?: number | null;
  verdict?: string | null;
}

// SQL twins of shared's grievance rules, over a grievances alias (default `g`) with the time as :now,
// for queries that filter or count by them; grievance-rules.spec.ts checks each agrees with its TS version.
/** shared isAcceptOverdue */
export const acceptOverdueSql = (g = 'g') => `(${g}.status = 'submitted' AND ${g}.accept_due_at <= :now)`;
/** shared isFinalOverdue */
export const finalOverdueSql = (g = 'g') => `(${g}.completed_at IS NULL AND ${g}.status <> 'closed' AND ${g}.due_at <= :now)`;
/** shared isGrievanceOverdue */
export const overdueSql = (g = 'g') => `(${acceptOverdueSql(g)} OR ${finalOverdueSql(g)})`;
/** not shared routesToUpperLevel: a topic the home's chair may see and handle (fixed identifiers, not input) */
export const chairTopicSql = (g = 'g') =>
  `${g}.topic NOT IN (${GRIEVANCE_TOPICS.filter(routesToUpperLevel)
    .map((t) => `'${t}'`)
    .join(', ')})`;

/** Someone else changed the grievance between our read and our write. */
export class StaleGrievance extends Error {}

export function stateOf(g: Grievance, now: Date): GrievanceState {
  return {
    status: g.status,
    type: g.type,
    completed: g.completedAt !== null,
    reopened: g.reopened,
    extended: g.extended,
    atUpperLevel: g.handlerOrgId !== null,
    pastDue: now.toISOString() >= g.dueAt,
  };
}

/** Meeting the last limit now: on time unless it was already missed. */
export function completion(g: Grievance, now: Date): Pick<Grievance, 'completedAt' | 'onTime'> {
  const at = now.toISOString();
  return { completedAt: at, onTime: g.onTime !== false && at < g.dueAt };
}

@Injectable()
export class GrievanceStore {
  constructor(
    @InjectRepository(Grievance) readonly grievances: Repository<Grievance>,
    @InjectRepository(GrievanceEventRow) private readonly events: Repository<GrievanceEventRow>,
    @InjectRepository(Home) private readonly homes: Repository<Home>,
  ) {}

  find(id: string): Promise<Grievance | null> {
    return this.grievances.findOne({ where: { id } });
  }

  timeline(grievanceId: string): Promise<GrievanceEventRow[]> {
    return this.events.find({ where: { grievanceId }, order: { seq: 'ASC' } });
  }

  async homeNames(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const homes = await this.homes.find({ where: { id: In([...new Set(ids)]) }, select: { id: true, name: true } });
    return new Map(homes.map((h) => [h.id, h.name]));
  }

  /** The upper-level union for a grievance still with the chair: the org the home belongs to. */
  async upperLevel(m: EntityManager, g: Grievance): Promise<Pick<Grievance, 'handlerOrgId' | 'handlerOrgPath' | 'escalated'>> {
    const home = await m.findOneOrFail(Home, { where: { id: g.homeId } });
    return { handlerOrgId: home.orgId, handlerOrgPath: home.orgPath, escalated: true };
  }

  /**
   * Writes a change if nobody else changed the grievance since it was read (else StaleGrievance),
   * and appends its timeline events: one transaction, so the timeline is the record of every change.
   */
  async apply(m: EntityManager, g: Grievance, changes: Partial<Grievance>, events: NewEvent[], now: Date): Promise<Grievance> {
    const at = now.toISOString();
    const next = { ...changes, version: g.version + 1, updatedAt: at };
    const result = await m.update(Grievance, { id: g.id, version: g.version }, next);
    if (result.affected !== 1) throw new StaleGrievance(g.id);
    const last = await m
      .createQueryBuilder(GrievanceEventRow, 'e')
      .select('MAX(e.seq)', 'seq')
      .where('e.grievance_id = :id', { id: g.id })
      .getRawOne<{ seq: number | string | null }>();
    let seq = Number(last?.seq ?? 0);
    for (const e of events) await this.insertEvent(m, g.id, ++seq, e, at);
    return { ...g, ...next };
  }

  /**
   * Which of these reporter keys are taken. On MySQL the locking read also locks the index gaps of the
   * unused keys, so two filings of one reporter at once take turns (SQLite has one writer anyway).
   */
  async usedReporterKeys(m: EntityManager, candidates: string[]): Promise<Set<string>> {
    const lock = m.connection.options.type === 'mysql' ? ' FOR UPDATE' : '';
    const rows = (await m.query(
      `SELECT reporter_key FROM grievances WHERE reporter_key IN (${candidates.map(() => '?').join(', ')})${lock}`,
      candidates,
    )) as { reporter_key: string }[];
    return new Set(rows.map((r) => r.reporter_key));
  }

  async insertEvent(m: EntityManager, grievanceId: string, seq: number, e: NewEvent, at: string): Promise<void> {
    await m.insert(GrievanceEventRow, {
      id: newId(),
      grievanceId,
      seq,
      kind: e.kind,
      actorRole: e.actorRole,
      message: e.message ?? null,
      days: e.days ?? null,
      verdict: e.verdict ?? null,
      at,
    });
  }
}
