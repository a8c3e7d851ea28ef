import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import { from, mergeMap, Observable } from 'rxjs';
import { Repository } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity';
import { AUDITED, AuditedOptions } from '../common/audited';
import { REPLAYED } from '../common/idempotency';
import type { AuthUser } from '../common/auth.decorators';
import { Home } from '../orgs/home.entity';
import { Org } from '../orgs/org.entity';
import { AuditService } from './audit.service';

// For handlers marked @Audited (orgs, homes, campaigns, roster): the log entry is written right after
// the action commits. Oversight's own actions (invites, rectification, comment moderation) write
// theirs inside the action's transaction instead (AuditService.record).
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Audit');

  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
    @InjectRepository(Org) private readonly orgs: Repository<Org>,
    @InjectRepository(Home) private readonly homes: Repository<Home>,
    @InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options = this.reflector.get<AuditedOptions | undefined>(AUDITED, context.getHandler());
    if (!options) return next.handle();
    const req = context.switchToHttp().getRequest<{ user?: AuthUser; params?: Record<string, string>; [REPLAYED]?: boolean }>();
    return next.handle().pipe(
      mergeMap((result) =>
        from(
          // A replayed answer (Idempotency-Key) did nothing new: its first request was audited.
          (req[REPLAYED] ? Promise.resolve() : this.write(options, req.user?.id, req.params?.id, result))
            .catch((e) => this.logger.error(`audit write failed for ${options.action}: ${(e as Error).message}`))
            .then(() => result),
        ),
      ),
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
