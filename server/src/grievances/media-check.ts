import { Body, Controller, Get, HttpCode, Inject, Injectable, Logger, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { IsNull, LessThanOrEqual, Repository } from 'typeorm';
import { Public } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { DomainError, notFound } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { User } from '../auth/user.entity';
import { WechatClient } from '../wechat/wechat.client';
import { AttachmentStatus, GrievanceAttachmentRow } from './attachment.entity';
import { AttachmentsStore } from './attachments-store';
import { GrievanceKeys } from './keys';

/** What WeChat pushes back (message push in JSON mode, event wxa_media_check). */
interface MediaCheckEvent {
  Event?: string;
  trace_id?: string;
  errcode?: number;
  result?: { suggest?: string };
}

// WeChat's media check of attached images, where configured (WECHAT_MEDIA_CHECK). An image is stored
// `held` with a random download token; WeChat is asked to check it (mediaCheckAsync, as the worker's
// openid), downloads it from /api/wechat/media/<token>, and pushes its verdict to /api/wechat/push,
// signed with the message-push token: pass → approved (the handler sees it), risky → rejected (the
// file is deleted). A request WeChat refused (errcode ≠ 0) or that never reached it is asked again by
// the grievance sweep, with growing pauses, CHECK_ATTEMPTS times in all. What WeChat cannot decide — a
// review verdict, requests that kept failing, an image filed by tracking code (no openid to check as),
// and every PDF (WeChat checks no documents) — waits for a person at the level above the home
// (held-attachments.ts). On doubt nobody sees it meanwhile.
const CHECK_ATTEMPTS = 4;
/** pause before asking again after the n-th failure: 2, 4, 8 … minutes */
const retryPauseMs = (failures: number) => 2 ** failures * 60_000;
const RETRY_BATCH = 50;
/** a check WeChat accepted and never answered waits for a person after this */
const NO_VERDICT_MS = 24 * 3600_000;

@Injectable()
export class MediaCheck {
  private readonly logger = new Logger('MediaCheck');

  constructor(
    private readonly attachments: AttachmentsStore,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly wechat: WechatClient,
    private readonly clock: Clock,
    private readonly keys: GrievanceKeys,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get enabled(): boolean {
    return this.wechat.enabled && this.config.grievances.mediaCheck !== null;
  }

  /**
   * How a new attachment starts: under the check an image from a signed-in worker waits for WeChat; a
   * PDF, or an image sent by tracking code (no account to check it as), waits for a person.
   */
  initial(kind: 'image' | 'pdf', byAccount: boolean): Pick<GrievanceAttachmentRow, 'status' | 'checkToken' | 'heldFor'> {
    if (!this.enabled) return { status: 'approved', checkToken: null, heldFor: null };
    if (kind !== 'image' || !byAccount) return { status: 'held', checkToken: null, heldFor: 'person' };
    return { status: 'held', checkToken: randomBytes(24).toString('base64url'), heldFor: 'wechat' };
  }

  /** After the attachment's commit: asks WeChat to check it. Never throws: a failure is asked again later. */
  async submit(row: GrievanceAttachmentRow, uploaderId: string | null): Promise<void> {
    if (row.status !== 'held' || row.heldFor !== 'wechat' || !row.checkToken) return;
    const user = uploaderId ? await this.users.findOne({ where: { id: uploaderId }, select: { id: true, openid: true } }) : null;
    if (!user?.openid) {
      // Filed by tracking code: no WeChat account to check it as, so a person decides.
      await this.toPerson(row.id, 'no WeChat account to check it as');
      return;
    }
    await this.ask(row, user.openid);
  }

  /**
   * The sweep's part: asks WeChat again about the checks whose pause after a failure is over, and hands
   * to a person the checks WeChat accepted but never answered.
   */
  async retryDue(): Promise<number> {
    if (!this.enabled) return 0;
    const now = this.clock.now().toISOString();
    const silentSince = new Date(this.clock.now().getTime() - NO_VERDICT_MS).toISOString();
    const silent = await this.attachments.rows.find({
      where: { status: 'held', heldFor: 'wechat', checkRetryAt: IsNull(), checkSentAt: LessThanOrEqual(silentSince) },
      select: { id: true },
      take: RETRY_BATCH,
    });
    for (const row of silent) await this.toPerson(row.id, 'no verdict from WeChat within a day');
    const due = await this.attachments.rows.find({
      where: { status: 'held', heldFor: 'wechat', checkRetryAt: LessThanOrEqual(now) },
      order: { checkRetryAt: 'ASC' },
      take: RETRY_BATCH,
    });
    let asked = 0;
    for (const row of due) {
      // Claimed by clearing the retry time: another instance's sweep skips it.
      const claim = await this.attachments.rows.update(
        { id: row.id, status: 'held', checkRetryAt: row.checkRetryAt! },
        { checkRetryAt: null },
      );
      if (claim.affected !== 1) continue;
      if (!row.checkOpenid || !row.checkToken) await this.toPerson(row.id, 'nothing to ask WeChat again with');
      else if (await this.ask(row, this.keys.open(row.checkOpenid))) asked++;
    }
    return asked;
  }

  /** One request to WeChat; a failure is counted and asked again later, or handed to a person at the last. */
  private async ask(row: GrievanceAttachmentRow, openid: string): Promise<boolean> {
    try {
      const traceId = await this.wechat.mediaCheckAsync({
        mediaUrl: `${this.config.publicUrl}/api/wechat/media/${row.checkToken}`,
        openid,
      });
      // WeChat has it: the verdict comes by push, and the openid is no longer needed.
      await this.attachments.rows.update(
        { id: row.id, status: 'held' },
        { checkTraceId: traceId, checkSentAt: this.clock.now().toISOString(), checkRetryAt: null, checkOpenid: null },
      );
      return true;
    } catch (e) {
      const failures = row.checkAttempts + 1;
      if (failures >= CHECK_ATTEMPTS) {
        await this.attachments.rows.update({ id: row.id, status: 'held' }, { checkAttempts: failures });
        await this.toPerson(row.id, `media check failed ${failures} times (${(e as Error).message})`);
        return false;
      }
      const retryAt = new Date(this.clock.now().getTime() + retryPauseMs(failures)).toISOString();
      await this.attachments.rows.update(
        { id: row.id, status: 'held' },
        { checkAttempts: failures, checkRetryAt: retryAt, checkOpenid: row.checkOpenid ?? this.keys.seal(openid) },
      );
      this.logger.warn(`attachment held: media check failed (${(e as Error).message}), asked again at ${retryAt}`);
      return false;
    }
  }

  /** WeChat will not decide: the download address closes and the level above the home decides. */
  private async toPerson(id: string, why: string): Promise<void> {
    await this.attachments.rows.update(
      { id, status: 'held' },
      { heldFor: 'person', checkToken: null, checkRetryAt: null, checkOpenid: null },
    );
    this.logger.warn(`attachment held for a person: ${why}`);
  }

  /** The held image's bytes for WeChat's download, by its token only. */
  async media(token: string): Promise<{ mime: string; bytes: Buffer }> {
    if (!/^[A-Za-z0-9_-]{32}$/.test(token)) throw notFound();
    const row = await this.attachments.rows.findOne({ where: { checkToken: token, status: 'held', heldFor: 'wechat' } });
    const bytes = row ? await this.attachments.blobs.get(row.storageKey) : null;
    if (!row || !bytes) throw notFound();
    return { mime: row.mime, bytes };
  }

  /** Whether a push really comes from WeChat: sha1 of the sorted token, timestamp and nonce. */
  signed(q: Record<string, unknown>): boolean {
    const token = this.config.grievances.mediaCheck?.pushToken;
    const { signature, timestamp, nonce } = q;
    if (!token || typeof signature !== 'string' || typeof timestamp !== 'string' || typeof nonce !== 'string') return false;
    const expected = createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest();
    const given = Buffer.from(signature, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** WeChat's verdict on one check (only a held attachment changes, once). */
  async verdict(event: MediaCheckEvent): Promise<void> {
    if (event.Event !== 'wxa_media_check' || typeof event.trace_id !== 'string') return;
    const row = await this.attachments.rows.findOne({ where: { checkTraceId: event.trace_id, status: 'held' } });
    if (!row) return;
    const suggest = event.errcode ? 'review' : event.result?.suggest;
    const status: AttachmentStatus = suggest === 'pass' ? 'approved' : suggest === 'risky' ? 'rejected' : 'held';
    // The download address ends with the verdict, whatever it is; on doubt a person decides.
    const moved = await this.attachments.rows.update(
      { id: row.id, status: 'held' },
      { status, checkToken: null, heldFor: status === 'held' ? 'person' : null },
    );
    if (moved.affected && status === 'rejected') await this.attachments.blobs.delete(row.storageKey);
    this.logger.log(`attachment media check: ${suggest ?? 'no verdict'} → ${status}`);
  }
}

// WeChat's side: the message-push URL (JSON mode; its GET is WeChat's check of the URL) and the download
// of held images. Public, as WeChat calls them; a push must carry WeChat's signature.
@ApiExcludeController()
@Controller('wechat')
export class WechatPushController {
  constructor(private readonly check: MediaCheck) {}

  @Public()
  @Get('push')
  verify(@Query() q: Record<string, string>): string {
    if (!this.check.signed(q) || typeof q.echostr !== 'string') throw new DomainError('FORBIDDEN');
    return q.echostr;
  }

  @Public()
  @Post('push')
  @HttpCode(200)
  async push(@Query() q: Record<string, string>, @Body() body: unknown): Promise<string> {
    if (!this.check.signed(q)) throw new DomainError('FORBIDDEN');
    if (body && typeof body === 'object') await this.check.verdict(body as MediaCheckEvent);
    return 'success';
  }

  @Public()
  @Get('media/:token')
  async media(@Param('token') token: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const { mime, bytes } = await this.check.media(token);
    reply.header('content-type', mime);
    reply.header('cache-control', 'no-store');
    return bytes;
  }
}
