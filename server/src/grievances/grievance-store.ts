import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  GRIEVANCE_TOPICS,
  isTrackingCode,
  normalizeTrackingCode,
  routesToUpperLevel,
  type GrievanceActorRole,
  type GrievanceEventKind,
  type GrievanceState,
} from '@pingjia/shared';
import { EntityManager, In, Repository } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { newId } from '../common/ids';
import { Home } from '../orgs/home.entity';
import { Org } from '../orgs/org.entity';
import { sha256 } from '../common/idempotency';
import { insertRows } from '../common/insert-rows';
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
export const finalOverdueSql = (g = 'g') => `(${g}.completed_at IS NULL AND ${endedSql(g, 'NOT IN')} AND ${g}.due_at <= :now)`;
/** shared isGrievanceEnded (`IN`), or its negation (`NOT IN`) */
export const endedSql = (g = 'g', op: 'IN' | 'NOT IN' = 'IN') => `${g}.status ${op} ('closed', 'withdrawn')`;
/** shared isGrievanceOverdue */
export const overdueSql = (g = 'g') => `(${acceptOverdueSql(g)} OR ${finalOverdueSql(g)})`;
/** not shared routesToUpperLevel: a topic the home's chair may see and handle (fixed identifiers, not input) */
export const chairTopicSql = (g = 'g') =>
  `${g}.topic NOT IN (${GRIEVANCE_TOPICS.filter(routesToUpperLevel)
    .map((t) => `'${t}'`)
    .join(', ')})`;

/** How many grievances one periodic pass takes at most (GrievanceStore.dueBatch). */
const PASS_BATCH = 200;

/** Someone else changed the grievance between our read and our write. */
export class StaleGrievance extends Error {}

// A change that raced another (the sweeper's reminder, a second handler) is decided again on what is
// there now: still legal → done, no longer legal → 409.
export async function retryStale<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (e) {
      if (!(e instanceof StaleGrievance)) throw e;
      if (attempt >= 3) throw new DomainError('STATE_CONFLICT', '该诉求刚被他人更新，请刷新后重试');
    }
  }
}

export function stateOf(g: Grievance, now: Date): GrievanceState {
  return {
    status: g.status,
    type: g.type,
    completed: g.completedAt !== null,
    reopened: g.reopened,
    extended: g.extended,
    atUpperLevel: g.handlerOrgId !== null,
    pastDue: now.toISOString() >= g.dueAt,
    questionOpen: g.questionOpen,
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
    @InjectRepository(Org) private readonly orgs: Repository<Org>,
  ) {}

  find(id: string): Promise<Grievance | null> {
    return this.grievances.findOne({ where: { id } });
  }

  /**
   * One batch of a periodic pass (the sweeper's reminders, the deadlines' climbs and closes): at most
   * PASS_BATCH grievances matching `where` (alias g, the time as :now), the longest waiting first by
   * `orderBy`; the rest wait for the next pass. `handlerOrg` joins the handling org as `o`.
   */
  dueBatch(where: string, now: Date, orderBy: string, handlerOrg = false): Promise<Grievance[]> {
    const q = this.grievances.createQueryBuilder('g');
    if (handlerOrg) q.leftJoin(Org, 'o', 'o.id = g.handler_org_id');
    return q.where(where, { now: now.toISOString() }).orderBy(orderBy, 'ASC').take(PASS_BATCH).getMany();
  }

  timeline(grievanceId: string): Promise<GrievanceEventRow[]> {
    return this.events.find({ where: { grievanceId }, order: { seq: 'ASC' } });
  }

  /** The name of where each grievance was filed (its home, or the federation it was filed to), by that id. */
  async placeNames(gs: Grievance[]): Promise<Map<string, string>> {
    const homeIds = [...new Set(gs.flatMap((g) => (g.homeId ? [g.homeId] : [])))];
    const orgIds = [...new Set(gs.flatMap((g) => (g.homeId ? [] : [g.orgId!])))];
    const [homes, orgs] = await Promise.all([
      homeIds.length ? this.homes.find({ where: { id: In(homeIds) }, select: { id: true, name: true } }) : [],
      orgIds.length ? this.orgs.find({ where: { id: In(orgIds) }, select: { id: true, name: true } }) : [],
    ]);
    return new Map([...homes, ...orgs].map((p) => [p.id, p.name]));
  }

  /** Where a grievance was filed, by the id placeNames answers under. */
  static placeId(g: Grievance): string {
    return g.homeId ?? g.orgId!;
  }

  /** The grievance whose tracking code this is, or null (a code that is not one finds nothing). */
  findByTrackingCode(code: string): Promise<Grievance | null> {
    const normalized = normalizeTrackingCode(code);
    if (!isTrackingCode(normalized)) return Promise.resolve(null);
    return this.grievances.findOne({ where: { trackingHash: sha256(normalized) } });
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
    await insertRows(m, GrievanceEventRow, [
      {
        id: newId(),
        grievanceId,
        seq,
        kind: e.kind,
        actorRole: e.actorRole,
        message: e.message ?? null,
        days: e.days ?? null,
        verdict: e.verdict ?? null,
        at,
      },
    ]);
  }
}
