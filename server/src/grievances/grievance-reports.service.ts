import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  finalLimit,
  GrievanceCreated,
  grievanceContentProblem,
  grievancePlaceProblem,
  normalizeText,
  routesToUpperLevel,
  workingDayDeadline,
} from '@pingjia/shared';
import { EntityManager, MoreThan, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError, invalid, notFound } from '../common/domain-error';
import { newId } from '../common/ids';
import { insertRows } from '../common/insert-rows';
import { Transactions } from '../common/transactions';
import { Home } from '../orgs/home.entity';
import { Org } from '../orgs/org.entity';
import { ModerationService } from '../moderation/moderation.service';
import { ProvinceSettingsStore } from '../settings/province-settings.store';
import { CalendarService } from './calendar.service';
import { CreateGrievanceDto } from './dto';
import { GrievanceAccess } from './grievance-access';
import { Grievance } from './grievance.entity';
import { GrievanceNotifier } from './grievance-notifier';
import { HandlerNotifications } from './handler-notifications';
import { GrievanceStore } from './grievance-store';
import { IdempotencyKey } from '../common/idempotency-key.entity';
import { canonicalJson, IDEMPOTENCY_KEY, IDEMPOTENCY_TTL_MS, sha256 } from '../common/idempotency';
import { newTrackingCode, REPORTER_SLOTS } from './keys';

const SCOPE = 'grievances.create';
/** how long a retried submission gets the first answer back */

type StoredAnswer = Omit<GrievanceCreated, 'trackingCode'>;

/** What a filing uses of the reporter's account. */
interface Reporter {
  openid: string | null;
  displayName: string | null;
}
type ReporterRow = { user_id: string | null; openid: string | null; display_name: string | null };
const reporterOf = (r: ReporterRow): Reporter | null => (r.user_id === null ? null : { openid: r.openid, displayName: r.display_name });

@Injectable()
export class GrievanceReportsService {
  constructor(
    @InjectRepository(Home) private readonly homes: Repository<Home>,
    @InjectRepository(Org) private readonly orgs: Repository<Org>,
    @InjectRepository(IdempotencyKey) private readonly idempotency: Repository<IdempotencyKey>,
    private readonly store: GrievanceStore,
    private readonly grievanceAccess: GrievanceAccess,
    private readonly calendar: CalendarService,
    private readonly moderation: ModerationService,
    private readonly notifier: GrievanceNotifier,
    private readonly handlers: HandlerNotifications,
    private readonly settings: ProvinceSettingsStore,
    private readonly tx: Transactions,
    private readonly clock: Clock,
  ) {}

  /** Files a grievance; with an Idempotency-Key, a retry answers with the first result. */
  async create(userId: string, dto: CreateGrievanceDto, idempotencyKey: string | undefined): Promise<GrievanceCreated> {
    const content = normalizeText(dto.content);
    const problem = grievanceContentProblem(content);
    if (problem) throw invalid({ content: problem });
    const placeProblem = grievancePlaceProblem(dto);
    if (placeProblem) throw invalid({ homeId: placeProblem });
    if (dto.anonymous && dto.contact !== undefined) throw invalid({ contact: '匿名诉求不能留联系电话' });
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw invalid({ 'Idempotency-Key': '应为 8 到 128 个字母、数字或 _ . : -' });
    }

    const keys = this.grievanceAccess.keys;
    const request = {
      homeId: dto.homeId,
      orgId: dto.orgId,
      type: dto.type,
      topic: dto.topic,
      content,
      anonymous: dto.anonymous,
      contact: dto.contact ?? null,
      subscribe: dto.subscribe === true,
    };
    const idem = idempotencyKey === undefined ? null : { keyHash: sha256(idempotencyKey), requestHash: sha256(canonicalJson(request)) };
    const callerKey = idem ? keys.idempotencyCaller(userId, idem.keyHash) : '';
    if (idem) {
      const first = await this.replay(this.idempotency.manager, callerKey, idem);
      if (first) return first;
    }

    // The reads before the transaction take two round trips: the place with the reporter, then the
    // province's calendar, its imported years and its settings side by side.
    const { place, placeName, user } = await this.destination(dto, userId);
    // Risky text is refused (422); held text still reaches its handler, flagged (see contentHeld).
    const contentStatus = await this.moderation.check(userId, content, user?.openid ?? null);
    const [isWorkday, provisional, settings] = await Promise.all([
      this.calendar.lookup(place.orgPath),
      this.calendar.provisional([place.orgPath]),
      // The limits of the province it is filed in, as they stand today (a grievance belongs to no cycle).
      this.settings.forOrgPath(place.orgPath),
    ]);
    const limits = settings.grievances;

    const created = await this.tx.run(async (m) => {
      if (idem) {
        const first = await this.replay(m, callerKey, idem);
        if (first) return first;
      }
      const reporterKey = await this.freeReporterKey(m, userId);
      const now = this.clock.now();
      const at = now.toISOString();
      const seed = newId();
      const trackingCode = idem ? keys.trackingCodeFor(seed) : newTrackingCode();
      const g: Grievance = {
        id: newId(),
        ...place,
        escalated: false,
        questionOpen: false,
        type: dto.type,
        topic: dto.topic,
        content,
        contentStatus: contentStatus === 'approved' ? 'approved' : 'held',
        anonymous: dto.anonymous,
        reporterKey,
        reporterName: dto.anonymous ? null : (user?.displayName ?? null),
        contact: dto.anonymous ? null : (dto.contact ?? null),
        trackingHash: sha256(trackingCode),
        status: 'submitted',
        version: 1,
        acceptDueAt: workingDayDeadline(now, limits.acceptDays, isWorkday),
        dueAt: workingDayDeadline(now, finalLimit(limits, dto.type).days, isWorkday),
        completedAt: null,
        onTime: null,
        extended: false,
        reopened: false,
        acceptReminded: false,
        finalReminded: false,
        feedbackVerdict: null,
        feedbackComment: null,
        createdAt: at,
        updatedAt: at,
      };
      await insertRows(m, Grievance, [g]);
      await this.store.insertEvent(m, g.id, 1, { kind: 'submitted', actorRole: 'reporter' }, at);
      if (dto.subscribe && user?.openid) await this.notifier.subscribe(m, g.id, user.openid, now);
      // The handlers are told (generic text; a held text waits for moderation, and they see it only then).
      if (g.contentStatus === 'approved') await this.handlers.notify(m, g, 'new', now, placeName);
      const answer: StoredAnswer = {
        id: g.id,
        status: g.status,
        acceptDueAt: g.acceptDueAt,
        dueAt: g.dueAt,
        deadlineProvisional: provisional(g),
      };
      if (idem) {
        // Only a record past the retry window goes: a fresh one (a concurrent twin) makes this insert
        // fail as a duplicate, and the retried transaction then replays the twin's answer.
        await m
          .createQueryBuilder()
          .delete()
          .from(IdempotencyKey)
          .where('scope = :scope AND caller_key = :callerKey AND key_hash = :keyHash AND created_at <= :since', {
            scope: SCOPE,
            callerKey,
            keyHash: idem.keyHash,
            since: this.since(),
          })
          .execute();
        await m.insert(IdempotencyKey, {
          id: seed,
          scope: SCOPE,
          callerKey,
          keyHash: idem.keyHash,
          requestHash: idem.requestHash,
          response: JSON.stringify(answer),
          createdAt: at,
        });
      }
      return { ...answer, trackingCode };
    });
    this.notifier.kick();
    return created;
  }

  /**
   * Where a new grievance goes, with the name of the place it was filed to and the reporter (openid and
   * name; null when the account is gone). To a home: its chair handles it, or for a grievance about the
   * union the union the home belongs to. Straight to a federation (a workplace without a home): that
   * federation, or for a grievance about the union the level above it, whose scope then excludes the
   * federation's own admins (they see grievances whose org path is under theirs).
   */
  private async destination(
    dto: CreateGrievanceDto,
    userId: string,
  ): Promise<{
    place: Pick<Grievance, 'homeId' | 'orgId' | 'orgPath' | 'handlerOrgId' | 'handlerOrgPath'>;
    placeName: string;
    user: Reporter | null;
  }> {
    const upper = routesToUpperLevel(dto.topic);
    if (dto.homeId) {
      // The home and the reporter in one statement (plain SQL: a repository find's query building cost
      // the filing more than the lookup).
      const [row] = (await this.homes.query(
        `SELECT h.id AS id, h.org_id AS org_id, h.org_path AS org_path, h.name AS name, u.id AS user_id, u.openid AS openid, u.display_name AS display_name
           FROM homes h LEFT JOIN users u ON u.id = ? WHERE h.id = ?`,
        [userId, dto.homeId],
      )) as ({ id: string; org_id: string; org_path: string; name: string } & ReporterRow)[];
      if (!row) throw notFound();
      return {
        place: {
          homeId: row.id,
          orgId: null,
          orgPath: row.org_path,
          handlerOrgId: upper ? row.org_id : null,
          handlerOrgPath: upper ? row.org_path : null,
        },
        placeName: row.name,
        user: reporterOf(row),
      };
    }
    const org = await this.orgs.findOne({ where: { id: dto.orgId! } });
    if (!org || org.deactivatedAt) throw notFound();
    const parent = upper && org.parentId ? await this.orgs.findOne({ where: { id: org.parentId } }) : null;
    const handler = parent ?? org;
    const [row] = (await this.homes.query('SELECT id AS user_id, openid, display_name FROM users WHERE id = ?', [userId])) as ReporterRow[];
    return {
      place: { homeId: null, orgId: org.id, orgPath: handler.path, handlerOrgId: handler.id, handlerOrgPath: handler.path },
      placeName: org.name,
      user: row ? reporterOf(row) : null,
    };
  }

  /** The reporter's first unused key. */
  private async freeReporterKey(m: EntityManager, userId: string): Promise<string> {
    const free = await this.grievanceAccess.keys.firstFreeReporterKey(userId, (candidates) => this.store.usedReporterKeys(m, candidates));
    if (!free) throw new DomainError('STATE_CONFLICT', `每个账号最多可提交 ${REPORTER_SLOTS} 件诉求，请先通过已有诉求与工会联系`);
    return free;
  }

  /** The first answer to this caller's key, if it is still within the retry window. */
  private async replay(
    m: EntityManager,
    callerKey: string,
    idem: { keyHash: string; requestHash: string },
  ): Promise<GrievanceCreated | null> {
    const row = await m.findOne(IdempotencyKey, {
      where: { scope: SCOPE, callerKey, keyHash: idem.keyHash, createdAt: MoreThan(this.since()) },
    });
    if (!row) return null;
    if (row.requestHash !== idem.requestHash) throw new DomainError('IDEMPOTENCY_MISMATCH');
    const answer = JSON.parse(row.response) as StoredAnswer;
    return { ...answer, trackingCode: this.grievanceAccess.keys.trackingCodeFor(row.id) };
  }

  private since(): string {
    return new Date(this.clock.now().getTime() - IDEMPOTENCY_TTL_MS).toISOString();
  }

  /** Drops idempotency keys past the retry window. */
  async purgeIdempotencyKeys(): Promise<number> {
    const r = await this.idempotency.createQueryBuilder().delete().where('created_at <= :since', { since: this.since() }).execute();
    return r.affected ?? 0;
  }
}
