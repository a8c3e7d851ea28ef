import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  commentProblem,
  extendDeadline,
  finalLimit,
  Grievance as GrievanceView,
  GrievanceList,
  GrievanceMove,
  grievanceActionProblems,
  grievanceLimits,
  grievanceStep,
  isGrievanceEnded,
  MAX_LIMIT_DAYS,
  MyGrievances,
  normalizeText,
  workingDayDeadline,
} from '@pingjia/shared';
import { In, Repository } from 'typeorm';
import { User } from '../auth/user.entity';
import { Clock } from '../common/clock';
import { DomainError, invalid, notFound } from '../common/domain-error';
import { Transactions } from '../common/transactions';
import { ModerationService } from '../moderation/moderation.service';
import { ProvinceSettingsStore } from '../settings/province-settings.store';
import { CalendarService } from './calendar.service';
import { GrievanceActionDto, GrievanceFeedbackDto, GrievanceListQuery } from './dto';
import { GrievanceAccess, Relation, Viewer } from './grievance-access';
import { Grievance } from './grievance.entity';
import { GrievanceEscalation } from './grievance-escalation';
import { GrievanceNotifier } from './grievance-notifier';
import { AttachmentsStore } from './attachments-store';
import { completion, GrievanceStore, NewEvent, overdueSql, retryStale, stateOf } from './grievance-store';
import { HandlerNotifications } from './handler-notifications';
import { grievanceView, summaryView } from './grievance-views';

@Injectable()
export class GrievanceHandlingService {
  constructor(
    private readonly store: GrievanceStore,
    private readonly attachments: AttachmentsStore,
    private readonly grievanceAccess: GrievanceAccess,
    private readonly calendar: CalendarService,
    private readonly moderation: ModerationService,
    private readonly notifier: GrievanceNotifier,
    private readonly escalation: GrievanceEscalation,
    private readonly handlers: HandlerNotifications,
    private readonly settings: ProvinceSettingsStore,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  /** The caller's own grievances, newest first. */
  async mine(userId: string): Promise<MyGrievances> {
    const viewer = await this.grievanceAccess.viewer(userId);
    const rows = await this.store.grievances.find({
      where: { reporterKey: In([...viewer.reporterKeys]) },
      order: { createdAt: 'DESC' },
      take: 100,
    });
    return { items: await this.summaries(rows, viewer) };
  }

  /**
   * Grievances the caller handles, soonest due first. Deadlines end a day, so grievances due the same
   * day come in the order of their tracking hash (a hash of a random code), never in filing order.
   */
  async list(userId: string, query: GrievanceListQuery): Promise<GrievanceList> {
    const viewer = await this.grievanceAccess.viewer(userId);
    const q = this.store.grievances.createQueryBuilder('g');
    if (!this.grievanceAccess.scopeHandled(q, viewer)) return { items: [], total: 0 };
    if (query.status) q.andWhere('g.status = :status', { status: query.status });
    const now = this.clock.now().toISOString();
    if (query.overdue === 'true') q.andWhere(overdueSql('g'), { now });
    if (query.overdue === 'false') q.andWhere(`NOT ${overdueSql('g')}`, { now });
    const page = Number(query.page ?? 1);
    const pageSize = Number(query.pageSize ?? 20);
    q.orderBy('g.due_at', 'ASC')
      .addOrderBy('g.tracking_hash', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize);
    const [rows, total] = await q.getManyAndCount();
    return { items: await this.summaries(rows, viewer), total };
  }

  async get(userId: string, id: string): Promise<GrievanceView> {
    const { g, viewer, rel } = await this.visible(userId, id);
    return this.view(g, viewer, rel);
  }

  async act(userId: string, id: string, dto: GrievanceActionDto): Promise<GrievanceView> {
    // null passes @IsOptional like an absent message (the fuzz suite sent {action: 'extend', message: null}: 500).
    const message = dto.message == null ? null : normalizeText(dto.message);
    // The province's own longest extension is checked once the grievance (and so its province) is known.
    const fields = grievanceActionProblems({ action: dto.action, message, days: dto.days }, MAX_LIMIT_DAYS);
    if (Object.keys(fields).length) throw invalid(fields);
    return retryStale(() => this.actOnce(userId, id, dto, message));
  }

  private async actOnce(userId: string, id: string, dto: GrievanceActionDto, message: string | null): Promise<GrievanceView> {
    const { g, viewer, rel } = await this.visible(userId, id);
    if (!rel.actsAs) throw new DomainError('FORBIDDEN', g.escalated ? '该诉求已转上级工会办理' : undefined);
    const now = this.clock.now();
    const step = grievanceStep(stateOf(g, now), { kind: dto.action } as GrievanceMove);
    if (!step) throw new DomainError('STATE_CONFLICT');

    const changes: Partial<Grievance> = { status: step.next.status, questionOpen: step.next.questionOpen };
    if (step.next.completed && g.completedAt === null) Object.assign(changes, completion(g, now));
    if (dto.action === 'extend') {
      const { maxExtensionDays } = (await this.settings.forOrgPath(g.orgPath)).grievances;
      const fields = grievanceActionProblems({ action: dto.action, message, days: dto.days }, maxExtensionDays);
      if (fields.days) throw invalid({ days: fields.days });
      changes.extended = true;
      changes.dueAt = extendDeadline(g.dueAt, dto.days!, await this.calendar.lookup(g.orgPath));
    }
    const saved = await this.tx.run(async (m) => {
      if (dto.action === 'escalate') Object.assign(changes, await this.escalation.nextLevel(m, g, now));
      const event: NewEvent = { kind: step.events[0], actorRole: rel.actsAs!, message, days: dto.days ?? null };
      const next = await this.store.apply(m, g, changes, [event], now);
      if (dto.action === 'escalate') await this.handlers.notify(m, next, 'escalated', now);
      if (next.status !== g.status) await this.notifier.statusChanged(m, g.id, next.status, now);
      return next;
    });
    this.notifier.kick();
    return this.view(saved, viewer, this.grievanceAccess.relation(viewer, saved));
  }

  /** The worker's verdict: satisfied closes; dissatisfied reopens once (new limits), then closes. */
  async feedback(userId: string, id: string, dto: GrievanceFeedbackDto): Promise<GrievanceView> {
    const comment = normalizeText(dto.comment ?? '');
    const problem = commentProblem(comment);
    if (problem) throw invalid({ comment: problem });
    return retryStale(() => this.feedbackOnce(userId, id, dto, comment));
  }

  private async feedbackOnce(userId: string, id: string, dto: GrievanceFeedbackDto, comment: string): Promise<GrievanceView> {
    const { g, viewer, rel } = await this.visible(userId, id);
    // Only the reporter gives feedback; to anyone else it is not there.
    if (!rel.reporter) throw notFound();
    const saved = await this.recordFeedback(g, dto, comment, userId);
    return this.view(saved, viewer, this.grievanceAccess.relation(viewer, saved));
  }

  /**
   * The reporter's verdict (found by their session, or by the tracking code when `moderateAs` is null:
   * no account, so no openid for WeChat's text check).
   */
  async recordFeedback(g: Grievance, dto: GrievanceFeedbackDto, comment: string, moderateAs: string | null): Promise<Grievance> {
    const now = this.clock.now();
    const step = grievanceStep(stateOf(g, now), { kind: 'feedback', verdict: dto.verdict });
    if (!step) throw new DomainError('STATE_CONFLICT');
    if (comment && moderateAs) await this.moderation.check(moderateAs, comment);

    const changes: Partial<Grievance> = { status: step.next.status, feedbackVerdict: dto.verdict, feedbackComment: comment || null };
    if (step.newRound) {
      // A new round of handling with fresh limits, counted from today.
      const isWorkday = await this.calendar.lookup(g.orgPath);
      const limits = (await this.settings.forOrgPath(g.orgPath)).grievances;
      Object.assign(changes, {
        reopened: true,
        extended: false,
        completedAt: null,
        finalReminded: false,
        dueAt: workingDayDeadline(now, finalLimit(limits, g.type).days, isWorkday),
      });
    }
    const events: NewEvent[] = step.events.map((kind) =>
      kind === 'feedback'
        ? { kind, actorRole: 'reporter', message: comment || null, verdict: dto.verdict }
        : { kind, actorRole: 'reporter' },
    );
    return this.tx.run(async (m) => {
      const next = await this.store.apply(m, g, changes, events, now);
      // Closed: an opt-in that was never used has nothing left to announce; its openid goes.
      if (next.status === 'closed') await this.notifier.forget(m, g.id);
      return next;
    });
  }

  /** The reporter allows one more subscribe message (after wx.requestSubscribeMessage). */
  async subscribe(userId: string, id: string): Promise<void> {
    const { g, rel } = await this.visible(userId, id);
    if (!rel.reporter) throw notFound();
    const openid = (await this.users.findOne({ where: { id: userId }, select: { id: true, openid: true } }))?.openid;
    if (!openid || !this.notifier.enabled || isGrievanceEnded(g.status))
      throw new DomainError('STATE_CONFLICT', '当前无法订阅该诉求的进度通知');
    await this.tx.run((m) => this.notifier.subscribe(m, g.id, openid, this.clock.now()));
  }

  /** The grievance if the caller filed or handles it; 404 otherwise. */
  async visible(userId: string, id: string): Promise<{ g: Grievance; viewer: Viewer; rel: Relation }> {
    const g = await this.store.find(id);
    if (!g) throw notFound();
    const viewer = await this.grievanceAccess.viewer(userId);
    const rel = this.grievanceAccess.relation(viewer, g);
    if (!rel.reporter && !rel.handles) throw notFound();
    return { g, viewer, rel };
  }

  async view(g: Grievance, viewer: Viewer, rel: Relation): Promise<GrievanceView> {
    const [names, events, attachments, provisional, settings] = await Promise.all([
      this.store.placeNames([g]),
      this.store.timeline(g.id),
      this.attachments.list(g.id),
      this.calendar.provisional([g.orgPath]),
      this.settings.forOrgPath(g.orgPath),
    ]);
    const view = grievanceView(g, names.get(GrievanceStore.placeId(g)) ?? '', rel, events, attachments, this.clock.now(), provisional(g));
    return { ...view, limits: grievanceLimits(settings.grievances) };
  }

  private async summaries(rows: Grievance[], viewer: Viewer) {
    const [names, provisional] = await Promise.all([this.store.placeNames(rows), this.calendar.provisional(rows.map((g) => g.orgPath))]);
    const now = this.clock.now();
    return rows.map((g) =>
      summaryView(g, names.get(GrievanceStore.placeId(g)) ?? '', this.grievanceAccess.relation(viewer, g), now, provisional(g)),
    );
  }
}
