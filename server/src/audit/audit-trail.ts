import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity';
import { AuditedOptions, AuditTrail } from '../common/audited';
import { Home } from '../orgs/home.entity';
import { Org } from '../orgs/org.entity';
import { AuditService } from './audit.service';

// For handlers marked @Audited (orgs, homes, campaigns, roster; common/audited.ts runs it after the
// action): the entry names the target's place in the tree. A failed write is logged, never the action's failure.
@Injectable()
export class AuditTrailWriter extends AuditTrail {
  private readonly logger = new Logger('Audit');

  constructor(
    private readonly audit: AuditService,
    @InjectRepository(Org) private readonly orgs: Repository<Org>,
    @InjectRepository(Home) private readonly homes: Repository<Home>,
    @InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>,
  ) {
    super();
  }

  async afterAction(o: AuditedOptions, userId: string | undefined, paramId: string | undefined, result: unknown): Promise<void> {
    await this.write(o, userId, paramId, result).catch((e) =>
      this.logger.error(`audit write failed for ${o.action}: ${(e as Error).message}`),
    );
  }

  private async write(o: AuditedOptions, userId: string | undefined, paramId: string | undefined, result: unknown): Promise<void> {
    const targetId = o.idFrom === 'param' ? paramId : (result as { id?: unknown } | null | undefined)?.id;
    if (!userId || typeof targetId !== 'string') return;
    let scopePath: string | undefined;
    if (o.target === 'org') scopePath = (await this.orgs.findOne({ where: { id: targetId } }))?.path;
    if (o.target === 'home') scopePath = (await this.homes.findOne({ where: { id: targetId } }))?.orgPath;
    if (o.target === 'campaign') scopePath = (await this.campaigns.findOne({ where: { id: targetId } }))?.orgPath;
    if (!scopePath) return;
    await this.audit.record({
      actorUserId: userId,
      scopePath,
      action: o.action,
      targetType: o.target,
      targetId,
      homeId: o.target === 'home' ? targetId : undefined,
      detail: o.detail?.(result),
    });
  }
}
