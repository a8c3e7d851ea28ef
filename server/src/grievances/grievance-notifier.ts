import { GrievanceKeys } from './keys';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { GRIEVANCE_STATUS_LABELS, GrievanceStatus } from '@pingjia/shared';
import { EntityManager, IsNull, LessThanOrEqual, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Locks } from '../common/shared-state';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { WechatClient } from '../wechat/wechat.client';
import { WECHAT_ERR, WechatError } from '../wechat/wechat.errors';
import { GrievanceSubscription, OutboxMessage } from './delivery.entity';

/** The mini-program page a message opens (no leading slash, as WeChat wants it). */
const GRIEVANCE_PAGE = 'pages/grievance/index';
const MAX_ATTEMPTS = 5;
const CLAIM_MS = 60_000;
const BATCH = 50;
const OUTBOX_LOCK_MS = 2 * 60_000;

/** A message's time field, China time to the minute (2026年12月5日 09:30). */
export function messageTime(at: Date): string {
  const t = new Date(at.getTime() + 8 * 3600_000);
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}`;
}

// A generic status line only: never the grievance's content, type, topic or any name.
export function statusMessageData(status: GrievanceStatus, at: Date): Record<string, { value: string }> {
  return {
    phrase1: { value: GRIEVANCE_STATUS_LABELS[status] },
    thing2: { value: '您的诉求有新进展，请进入小程序查看' },
    time3: { value: messageTime(at) },
  };
}

// Subscribe messages through an outbox: the status change and the message to send commit together,
// and sending happens afterwards (right after the commit, and again on every sweep), so an action
// never waits on WeChat or fails because of it, and nothing acknowledged is lost across a restart.
@Injectable()
export class GrievanceNotifier implements OnApplicationShutdown {
  private readonly logger = new Logger('GrievanceNotifier');
  private running: Promise<number> | null = null;
  private again = false;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    @InjectRepository(OutboxMessage) private readonly outbox: Repository<OutboxMessage>,
    private readonly wechat: WechatClient,
    private readonly clock: Clock,
    private readonly locks: Locks,
    private readonly keys: GrievanceKeys,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Whether an opt-in can ever be delivered here. */
  get enabled(): boolean {
    return this.wechat.enabled && this.config.grievances.templateId !== null;
  }

  /** Keeps one opt-in of the worker (openid and template live only in the delivery tables). */
  async subscribe(m: EntityManager, grievanceId: string, openid: string, now: Date): Promise<void> {
    if (!this.enabled) return;
    // Sealed with a random IV: the delivery tables hold no value that matches users.openid.
    await m.insert(GrievanceSubscription, {
      id: newId(),
      grievanceId,
      openid: this.keys.seal(openid),
      templateId: this.config.grievances.templateId!,
      createdAt: now.toISOString(),
    });
  }

  /** Inside the transaction that changed the status: uses up one opt-in, if any, for one message. */
  async statusChanged(m: EntityManager, grievanceId: string, status: GrievanceStatus, now: Date): Promise<boolean> {
    const sub = await m.findOne(GrievanceSubscription, { where: { grievanceId }, order: { createdAt: 'ASC', id: 'ASC' } });
    if (!sub) return false;
    const used = await m.delete(GrievanceSubscription, { id: sub.id });
    if (used.affected !== 1) return false;
    await this.queue(
      m,
      {
        openid: this.keys.open(sub.openid),
        templateId: sub.templateId,
        page: `${GRIEVANCE_PAGE}?id=${grievanceId}`,
        data: statusMessageData(status, now),
      },
      now,
    );
    return true;
  }

  /**
   * Inside the transaction whose change the message announces: one outbox row (the openid sealed with a
   * fresh IV, so no delivery row equals another or users.openid), sent after the commit (kick) or by the sweep.
   */
  async queue(
    m: EntityManager,
    msg: { openid: string; templateId: string; page: string; data: Record<string, { value: string }> },
    now: Date,
  ): Promise<void> {
    const at = now.toISOString();
    await m.insert(OutboxMessage, {
      id: newId(),
      openid: this.keys.seal(msg.openid),
      templateId: msg.templateId,
      page: msg.page,
      data: JSON.stringify(msg.data),
      attempts: 0,
      nextAttemptAt: at,
      claimedUntil: null,
      createdAt: at,
    });
  }

  /** Drops a grievance's unused opt-ins (it is closed). */
  async forget(m: EntityManager, grievanceId: string): Promise<void> {
    await m.delete(GrievanceSubscription, { grievanceId });
  }

  /** After a commit: send what is due, without making the caller wait. */
  kick(): void {
    if (this.closed) return;
    setImmediate(() => void this.flush().catch((e) => this.logger.error(`outbox: ${(e as Error).message}`)));
  }

  /** Sends every message that is due; one run at a time (a call during a run schedules one more). */
  async flush(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let sent = 0;
      do {
        this.again = false;
        sent += await this.sendDueAlone();
      } while (this.again && !this.closed);
      return sent;
    })().finally(() => (this.running = null));
    return this.running;
  }

  /** With several instances, one sends at a time (each message is also claimed in its row). */
  private async sendDueAlone(): Promise<number> {
    const lease = await this.locks.tryAcquire('outbox', OUTBOX_LOCK_MS);
    if (!lease) {
      // Another instance is sending: what we just queued may have missed its read, so look again soon.
      if (!this.retry && !this.closed) {
        this.retry = setTimeout(() => ((this.retry = null), this.kick()), 1000);
        this.retry.unref();
      }
      return 0;
    }
    try {
      return await this.sendDue();
    } finally {
      await lease.release().catch(() => undefined);
    }
  }

  private async sendDue(): Promise<number> {
    if (!this.wechat.enabled) return 0;
    const now = this.clock.now().toISOString();
    const due = await this.outbox.find({ where: { nextAttemptAt: LessThanOrEqual(now) }, order: { nextAttemptAt: 'ASC' }, take: BATCH });
    let sent = 0;
    for (const msg of due) {
      if (this.closed) break;
      if (msg.claimedUntil && msg.claimedUntil > now) continue;
      // Claim it, so another instance's sweep does not send it too.
      const claimUntil = new Date(Date.parse(now) + CLAIM_MS).toISOString();
      const claim = await this.outbox.update(
        { id: msg.id, claimedUntil: msg.claimedUntil === null ? IsNull() : msg.claimedUntil },
        { claimedUntil: claimUntil },
      );
      if (claim.affected !== 1) continue;
      if (await this.send(msg)) sent++;
    }
    return sent;
  }

  private async send(msg: OutboxMessage): Promise<boolean> {
    try {
      await this.wechat.sendSubscribeMessage({
        touser: this.keys.open(msg.openid),
        templateId: msg.templateId,
        page: msg.page,
        data: JSON.parse(msg.data),
      });
      await this.outbox.delete({ id: msg.id });
      return true;
    } catch (e) {
      const errcode = e instanceof WechatError ? e.errcode : -1;
      const transient = errcode === WECHAT_ERR.BUSY || errcode === WECHAT_ERR.RATE_LIMITED || (e instanceof WechatError && e.tokenRejected);
      const attempts = msg.attempts + 1;
      if (!transient || attempts >= MAX_ATTEMPTS) {
        // Refused by the user (43101), bad openid or template (40003, 40037), or tried enough: drop it.
        this.logger.warn(`subscribe message dropped after ${attempts} attempt(s): errcode ${errcode}`);
        await this.outbox.delete({ id: msg.id });
        return false;
      }
      const retryAt = new Date(this.clock.now().getTime() + attempts * attempts * 30_000).toISOString();
      await this.outbox.update({ id: msg.id }, { attempts, nextAttemptAt: retryAt, claimedUntil: null });
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    await this.running?.catch(() => undefined);
  }
}
