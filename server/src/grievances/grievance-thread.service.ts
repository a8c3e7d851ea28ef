import { Injectable } from '@nestjs/common';
import {
  chinaDay,
  commentProblem,
  GRIEVANCE_ATTACHMENT_MAX_COUNT,
  GRIEVANCE_MESSAGE_MAX,
  grievanceStep,
  isBlankText,
  normalizeText,
  textLength,
  type Grievance as GrievanceView,
  type GrievanceAttachment,
  type GrievanceTrack,
} from '@pingjia/shared';
import { Clock } from '../common/clock';
import { DomainError, invalid, notFound } from '../common/domain-error';
import { newId } from '../common/ids';
import { isUniqueViolation, Transactions } from '../common/transactions';
import { ModerationService } from '../moderation/moderation.service';
import { GrievanceAttachmentRow } from './attachment.entity';
import { CalendarService } from './calendar.service';
import { prepareAttachment } from './attachment-files';
import { AttachmentsStore } from './attachments-store';
import { MediaCheck } from './media-check';
import { GrievanceAnswerDto, GrievanceFeedbackDto } from './dto';
import { GrievanceHandlingService } from './grievance-handling.service';
import { Grievance } from './grievance.entity';
import { GrievanceNotifier } from './grievance-notifier';
import { GrievanceStore, retryStale, stateOf } from './grievance-store';
import { attachmentViews, reporterMoves, trackView } from './grievance-views';

/** Who is asking: a signed-in user (the reporter by their keys, or a handler), or the holder of a tracking code. */
export type ThreadCaller = { userId: string } | { trackingCode: string };

/** The reporter's side of the conversation (answers, withdrawal, feedback, evidence), by session or by tracking code. */
@Injectable()
export class GrievanceThreadService {
  constructor(
    private readonly store: GrievanceStore,
    private readonly attachments: AttachmentsStore,
    private readonly mediaCheck: MediaCheck,
    private readonly handling: GrievanceHandlingService,
    private readonly moderation: ModerationService,
    private readonly calendar: CalendarService,
    private readonly notifier: GrievanceNotifier,
    private readonly tx: Transactions,
    private readonly clock: Clock,
  ) {}

  /** Public: the conversation and what the code holder may do next; no content, no names. */
  async track(code: string): Promise<GrievanceTrack> {
    return this.trackOf(await this.byCode(code));
  }

  /** The worker answers the handler's open question. */
  answer(caller: { userId: string }, id: string, dto: GrievanceAnswerDto): Promise<GrievanceView>;
  answer(caller: { trackingCode: string }, id: null, dto: GrievanceAnswerDto): Promise<GrievanceTrack>;
  async answer(caller: ThreadCaller, id: string | null, dto: GrievanceAnswerDto): Promise<GrievanceView | GrievanceTrack> {
    const message = normalizeText(dto.message);
    if (isBlankText(message)) throw invalid({ message: '请填写回答内容' });
    if (textLength(message) > GRIEVANCE_MESSAGE_MAX) throw invalid({ message: `不能超过 ${GRIEVANCE_MESSAGE_MAX} 个字` });
    return retryStale(async () => {
      const g = await this.reporterOwn(caller, id);
      // Risky text is refused (422); by tracking code there is no account, so no openid to check with.
      if ('userId' in caller) await this.moderation.check(caller.userId, message);
      return this.answerFor(caller, await this.move(g, 'answer', message));
    });
  }

  /** The worker withdraws before any answer: no further handling; the timeline records it, by role only. */
  withdraw(caller: { userId: string }, id: string): Promise<GrievanceView>;
  withdraw(caller: { trackingCode: string }, id: null): Promise<GrievanceTrack>;
  async withdraw(caller: ThreadCaller, id: string | null): Promise<GrievanceView | GrievanceTrack> {
    return retryStale(async () => this.answerFor(caller, await this.move(await this.reporterOwn(caller, id), 'withdraw', null)));
  }

  /** Public: the code holder's verdict on the handling (as the reporter's, from the app). */
  async trackFeedback(code: string, dto: GrievanceFeedbackDto): Promise<GrievanceTrack> {
    const comment = normalizeText(dto.comment ?? '');
    const problem = commentProblem(comment);
    if (problem) throw invalid({ comment: problem });
    return retryStale(async () => this.trackOf(await this.handling.recordFeedback(await this.byCode(code), dto, comment, null)));
  }

  /** The reporter adds a photo or PDF while the grievance is being handled. */
  async attach(caller: ThreadCaller, id: string | null, body: unknown): Promise<GrievanceAttachment> {
    const g = await this.reporterOwn(caller, id);
    if (!reporterMoves(g, this.clock.now()).attach) throw new DomainError('STATE_CONFLICT', '诉求已结束，不能再添加附件');
    const file = await prepareAttachment(body);
    const key = AttachmentsStore.newKey();
    // The bytes first, then the record: a crash in between leaves a file nothing points to, never a
    // record without its file.
    await this.attachments.blobs.put(key, file.bytes);
    try {
      const row = await this.tx.run(async (m) => {
        const last = await m
          .createQueryBuilder(GrievanceAttachmentRow, 'a')
          .select('MAX(a.seq)', 'seq')
          .addSelect('COUNT(*)', 'n')
          .where('a.grievance_id = :id', { id: g.id })
          .getRawOne<{ seq: number | string | null; n: number | string }>();
        if (Number(last?.n ?? 0) >= GRIEVANCE_ATTACHMENT_MAX_COUNT)
          throw new DomainError('STATE_CONFLICT', `每件诉求最多 ${GRIEVANCE_ATTACHMENT_MAX_COUNT} 个附件`);
        const r: GrievanceAttachmentRow = {
          id: newId(),
          grievanceId: g.id,
          seq: Number(last?.seq ?? 0) + 1,
          kind: file.kind,
          mime: file.mime,
          size: file.bytes.length,
          storageKey: key,
          ...this.mediaCheck.initial(file.kind, 'userId' in caller),
          createdOn: chinaDay(this.clock.now().toISOString()),
          checkTraceId: null,
          checkSentAt: null,
          checkAttempts: 0,
          checkRetryAt: null,
          checkOpenid: null,
        };
        await m.insert(GrievanceAttachmentRow, r);
        return r;
      });
      await this.mediaCheck.submit(row, 'userId' in caller ? caller.userId : null);
      return attachmentViews([row])[0];
    } catch (e) {
      await this.attachments.blobs.delete(key);
      // Two uploads at once took the same number: the other one counts; this one may be sent again.
      if (isUniqueViolation(e)) throw new DomainError('STATE_CONFLICT', '另一个附件正在上传，请稍后重试');
      throw e;
    }
  }

  /**
   * The bytes of an approved attachment: for the reporter (session or code) and the roles handling it.
   * A held one is served to no one here — only to WeChat's check and the level above (held-attachments.ts):
   * it may be what the check exists to keep off the server's pages.
   */
  async read(caller: ThreadCaller, id: string | null, attachmentId: string): Promise<{ mime: string; bytes: Buffer; name: string }> {
    const g = 'trackingCode' in caller ? await this.byCode(caller.trackingCode) : (await this.handling.visible(caller.userId, id!)).g;
    const row = await this.attachments.find(g.id, attachmentId);
    if (!row || row.status !== 'approved') throw notFound();
    const bytes = await this.attachments.blobs.get(row.storageKey);
    if (!bytes) throw notFound();
    const ext = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' }[row.mime];
    return { mime: row.mime, bytes, name: `attachment-${row.seq}.${ext}` };
  }

  private async move(g: Grievance, kind: 'answer' | 'withdraw', message: string | null): Promise<Grievance> {
    const now = this.clock.now();
    const step = grievanceStep(stateOf(g, now), { kind });
    if (!step) {
      throw new DomainError(
        'STATE_CONFLICT',
        kind === 'withdraw' ? '诉求已经答复或已结束，不能撤回；如对结果不满意，请进行评价' : '处理人目前没有需要您回答的问题',
      );
    }
    const changes: Partial<Grievance> = { status: step.next.status, questionOpen: step.next.questionOpen };
    const saved = await this.tx.run(async (m) => {
      const next = await this.store.apply(m, g, changes, [{ kind: step.events[0], actorRole: 'reporter', message }], now);
      // Withdrawn: nothing more to announce; an unused opt-in's openid goes.
      if (next.status === 'withdrawn') await this.notifier.forget(m, g.id);
      return next;
    });
    return saved;
  }

  private async reporterOwn(caller: ThreadCaller, id: string | null): Promise<Grievance> {
    if ('trackingCode' in caller) return this.byCode(caller.trackingCode);
    const { g, rel } = await this.handling.visible(caller.userId, id!);
    // Only the reporter answers, withdraws or attaches; to anyone else it is not there.
    if (!rel.reporter) throw notFound();
    return g;
  }

  private async byCode(code: string): Promise<Grievance> {
    const g = await this.store.findByTrackingCode(code);
    if (!g) throw notFound();
    return g;
  }

  private async answerFor(caller: ThreadCaller, g: Grievance): Promise<GrievanceView | GrievanceTrack> {
    if ('trackingCode' in caller) return this.trackOf(g);
    const { viewer, rel } = await this.handling.visible(caller.userId, g.id);
    return this.handling.view(g, viewer, rel);
  }

  private async trackOf(g: Grievance): Promise<GrievanceTrack> {
    const [events, attachments, provisional] = await Promise.all([
      this.store.timeline(g.id),
      this.attachments.list(g.id),
      this.calendar.provisional([g.orgPath]),
    ]);
    return trackView(g, events, attachments, this.clock.now(), provisional(g));
  }
}
