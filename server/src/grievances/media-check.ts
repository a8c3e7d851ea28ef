import { Body, Controller, Get, HttpCode, Inject, Injectable, Logger, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Repository } from 'typeorm';
import { Public } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { DomainError, notFound } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { User } from '../auth/user.entity';
import { WechatClient } from '../wechat/wechat.client';
import { AttachmentStatus, GrievanceAttachmentRow } from './attachment.entity';
import { AttachmentsStore } from './attachments-store';

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
// file is deleted). A review verdict, an error, or no openid to check as (filed by tracking code) keeps
// it held: on doubt nobody but the reporter sees it. WeChat checks no documents: PDFs are approved.
@Injectable()
export class MediaCheck {
  private readonly logger = new Logger('MediaCheck');

  constructor(
    private readonly attachments: AttachmentsStore,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly wechat: WechatClient,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get enabled(): boolean {
    return this.wechat.enabled && this.config.grievances.mediaCheck !== null;
  }

  /** How a new attachment starts: an image waits for the check where there is one. */
  initial(kind: 'image' | 'pdf'): { status: AttachmentStatus; checkToken: string | null } {
    if (!this.enabled || kind !== 'image') return { status: 'approved', checkToken: null };
    return { status: 'held', checkToken: randomBytes(24).toString('base64url') };
  }

  /** After the attachment's commit: asks WeChat to check it. Never throws: a failure leaves it held. */
  async submit(row: GrievanceAttachmentRow, uploaderId: string | null): Promise<void> {
    if (row.status !== 'held' || !row.checkToken) return;
    const user = uploaderId ? await this.users.findOne({ where: { id: uploaderId }, select: { id: true, openid: true } }) : null;
    if (!user?.openid) {
      this.logger.warn('attachment held: no WeChat account to check it as');
      return;
    }
    try {
      const traceId = await this.wechat.mediaCheckAsync({
        mediaUrl: `${this.config.publicUrl}/api/wechat/media/${row.checkToken}`,
        openid: user.openid,
      });
      await this.attachments.rows.update(
        { id: row.id, status: 'held' },
        { checkTraceId: traceId, checkSentAt: this.clock.now().toISOString() },
      );
    } catch (e) {
      this.logger.warn(`attachment held: media check not asked (${(e as Error).message})`);
    }
  }

  /** The held image's bytes for WeChat's download, by its token only. */
  async media(token: string): Promise<{ mime: string; bytes: Buffer }> {
    if (!/^[A-Za-z0-9_-]{32}$/.test(token)) throw notFound();
    const row = await this.attachments.rows.findOne({ where: { checkToken: token, status: 'held' } });
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
    // The download address ends with the verdict, whatever it is.
    const moved = await this.attachments.rows.update({ id: row.id, status: 'held' }, { status, checkToken: null });
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
