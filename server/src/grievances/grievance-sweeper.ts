import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { Clock } from '../common/clock';
import { Locks } from '../common/shared-state';
import { Transactions } from '../common/transactions';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { GrievanceDeadlines } from './grievance-deadlines';
import { GrievanceNotifier } from './grievance-notifier';
import { HandlerNotifications } from './handler-notifications';
import { MediaCheck } from './media-check';
import { GrievanceReportsService } from './grievance-reports.service';
import { acceptOverdueSql, finalOverdueSql, GrievanceStore, NewEvent, StaleGrievance } from './grievance-store';
import { Grievance } from './grievance.entity';

/** a pass must finish within this; a crashed holder blocks the job no longer */
const SWEEP_LOCK_MS = 5 * 60_000;

export interface SweepResult {
  reminded: number;
  escalated: number;
  /** answered grievances the worker never rated, closed (grievance-deadlines.ts) */
  closed: number;
  sent: number;
  purged: number;
  /** held attachments whose failed media check was asked again (media-check.ts) */
  rechecked: number;
}

/** Told of every pass the timer ran on this instance (the testing module records them; nothing else listens). */
export abstract class SweepObserver {
  abstract passed(slot: number, result: SweepResult): void;
}

// The periodic job: a grievance past its acceptance limit gets a reminder (催办); one past its last
// limit gets a reminder and counts as late; the handler is told of each (in the app). Escalation level by
// level and auto-close after the worker's silence: grievance-deadlines.ts.
// Each step is a conditional write, so even two passes at once would record it once; with several
// instances the timer's pass also runs on one of them per tick (tick()).
@Injectable()
export class GrievanceSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('GrievanceSweeper');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SweepResult> | null = null;

  constructor(
    private readonly store: GrievanceStore,
    private readonly reports: GrievanceReportsService,
    private readonly notifier: GrievanceNotifier,
    private readonly deadlines: GrievanceDeadlines,
    private readonly handlers: HandlerNotifications,
    private readonly mediaCheck: MediaCheck,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly locks: Locks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly observer?: SweepObserver,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.grievances.sweepIntervalMs;
    if (!every) return;
    this.timer = setInterval(() => void this.tick(every).catch((e) => this.logger.error(`sweep failed: ${(e as Error).message}`)), every);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /**
   * One timer tick. Ticks are numbered by wall time (slot = now / interval), and each instance's timer
   * fires once per slot: the instance that claims the slot first runs the pass (a claim every instance
   * sees when they share Redis), and a pass still running elsewhere holds the job's lock, so across
   * instances the job runs once per tick and never twice at the same time.
   */
  async tick(every: number): Promise<void> {
    const slot = Math.floor(Date.now() / every);
    if (!(await this.locks.claim(`grievance-sweep:${slot}`, Math.max(every * 4, 10_000)))) return;
    const lease = await this.locks.tryAcquire('grievance-sweep', SWEEP_LOCK_MS);
    if (!lease) return;
    try {
      const result = await this.sweep();
      this.recordPass(slot, result);
    } finally {
      await lease.release().catch(() => undefined);
    }
  }

  private recordPass(slot: number, result: SweepResult): void {
    this.observer?.passed(slot, result);
    if (result.reminded || result.escalated || result.closed || result.sent || result.purged || result.rechecked) {
      this.logger.log(
        `sweep slot ${slot}: reminded ${result.reminded}, escalated ${result.escalated}, closed ${result.closed}, sent ${result.sent}, purged ${result.purged}, rechecked ${result.rechecked}`,
      );
    }
  }

  /** One full pass that starts now: a call while one runs waits for it, then makes its own. */
  async sweep(): Promise<SweepResult> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.pass().finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<SweepResult> {
    const now = this.clock.now();
    const result: SweepResult = { reminded: 0, escalated: 0, closed: 0, sent: 0, purged: 0, rechecked: 0 };

    const unaccepted = await this.store.dueBatch(`${acceptOverdueSql('g')} AND g.accept_reminded = 0`, now, 'g.accept_due_at');
    for (const g of unaccepted) {
      if (await this.step(g, { acceptReminded: true }, [{ kind: 'reminded', actorRole: 'system', message: '已超过受理时限' }], now))
        result.reminded++;
    }

    const late = await this.store.dueBatch(`${finalOverdueSql('g')} AND g.final_reminded = 0`, now, 'g.due_at');
    for (const stale of late) {
      // Re-read: the acceptance reminder above may have changed it.
      const g = await this.store.find(stale.id);
      if (!g || !(await this.deadlines.reminderDue(g, now))) continue;
      const events: NewEvent[] = [{ kind: 'reminded', actorRole: 'system', message: '已超过办理时限' }];
      if (await this.step(g, { finalReminded: true, onTime: false }, events, now)) result.reminded++;
    }
    // Then, level by level, up to the province, each level with a new limit.
    result.escalated = await this.deadlines.climb(now);
    result.closed = await this.deadlines.autoClose(now);

    result.purged = await this.reports.purgeIdempotencyKeys();
    result.sent = await this.notifier.flush();
    result.rechecked = await this.mediaCheck.retryDue();
    return result;
  }

  private async step(g: Grievance, changes: Partial<Grievance>, events: NewEvent[], now: Date): Promise<boolean> {
    try {
      await this.tx.run(async (m) => {
        const saved = await this.store.apply(m, g, changes, events, now);
        await this.handlers.notify(m, saved, 'reminded', now);
      });
      return true;
    } catch (e) {
      // Changed meanwhile (a handler acted, or another instance swept it): the next pass decides again.
      if (e instanceof StaleGrievance) return false;
      throw e;
    }
  }
}
