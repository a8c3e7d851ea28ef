import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThanOrEqual, MoreThan, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Campaign } from './campaign.entity';
import { CampaignTransitions } from './campaign-transitions';

const BATCH = 100;

export interface SchedulePass {
  opened: number;
  closed: number;
}

// Opens scheduled cycles at opensAt and closes open ones at closesAt. It keeps nothing in memory: each
// pass reads what is due from the database, so a cycle due while the server was down is moved by the
// first pass after it starts (one runs at boot). Every instance runs the timer; each move is a
// conditional UPDATE (CampaignTransitions), so a cycle is opened and closed once however many race.
@Injectable()
export class CampaignScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CampaignScheduler');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SchedulePass> | null = null;

  constructor(
    @InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>,
    private readonly transitions: CampaignTransitions,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.campaigns.scheduleIntervalMs;
    if (!every) return;
    const tick = () => void this.pass().catch((e) => this.logger.error(`schedule pass failed: ${(e as Error).message}`));
    setImmediate(tick);
    this.timer = setInterval(tick, every);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass over what is due now; a pass while one runs on this instance returns that one. */
  pass(): Promise<SchedulePass> {
    this.running ??= this.moveDue().finally(() => (this.running = null));
    return this.running;
  }

  private async moveDue(): Promise<SchedulePass> {
    const now = this.clock.now();
    const at = now.toISOString();
    const result: SchedulePass = { opened: 0, closed: 0 };
    // Closing first: a cycle that ends now frees its homes for one that starts now.
    const toClose = await this.campaigns.find({
      where: { status: 'open', closesAt: LessThanOrEqual(at) },
      order: { closesAt: 'ASC' },
      take: BATCH,
    });
    for (const c of toClose) {
      if (await this.transitions.close(c, 'schedule')) result.closed++;
    }
    // A scheduled cycle whose whole window passed while the server was down stays scheduled for its owner to change.
    const toOpen = await this.campaigns.find({
      where: { status: 'scheduled', opensAt: LessThanOrEqual(at), closesAt: MoreThan(at) },
      order: { opensAt: 'ASC' },
      take: BATCH,
    });
    for (const c of toOpen) {
      try {
        if (await this.transitions.open(c, now, 'schedule')) result.opened++;
      } catch (e) {
        // Refused (its window passed while the server was down, or another cycle took a home): it
        // stays scheduled for its owner to change; the next pass tries again.
        if (!(e instanceof DomainError)) throw e;
        this.logger.warn(`scheduled campaign ${c.id} not opened: ${e.message}`);
      }
    }
    if (result.opened || result.closed) this.logger.log(`schedule: opened ${result.opened}, closed ${result.closed}`);
    return result;
  }
}
