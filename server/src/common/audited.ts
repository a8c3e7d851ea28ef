import { applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata, UseInterceptors } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, mergeMap, Observable } from 'rxjs';
import type { AuthUser } from './auth.decorators';
import { REPLAYED } from './idempotency';

// The @Audited marker: features mark their handlers with it; its interceptor runs on those handlers only
// (every other request skips Nest's interceptor chain) and hands the entry to the audit module's
// AuditTrail. The marker lives here, below the features, so marking a handler does not make a feature
// depend on the audit module (which itself reads the orgs and campaigns it logs).

/** a small detail of an audit entry; never personal data */
export type AuditDetail = Record<string, string | number | boolean | null>;

export interface AuditedOptions {
  action: string;
  target: 'org' | 'home' | 'campaign';
  /** where the target's id is: the route's :id, or the `id` of the answer (for creations) */
  idFrom: 'param' | 'result';
  /** a small detail from the answer; never personal data */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the answer's type differs by route
  detail?: (result: any) => AuditDetail;
}

/** Writes the entry of an @Audited action once it succeeded (provided by the audit module). */
export abstract class AuditTrail {
  abstract afterAction(options: AuditedOptions, userId: string | undefined, paramId: string | undefined, result: unknown): Promise<void>;
}

const AUDITED = 'audited';

// The log entry is written right after the action commits. Oversight's own actions (invites,
// rectification, comment moderation) write theirs inside the action's transaction instead (AuditService.record).
@Injectable()
class AuditedInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly trail: AuditTrail,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options = this.reflector.get<AuditedOptions | undefined>(AUDITED, context.getHandler());
    if (!options) return next.handle();
    const req = context.switchToHttp().getRequest<{ user?: AuthUser; params?: Record<string, string>; [REPLAYED]?: boolean }>();
    return next.handle().pipe(
      mergeMap((result) =>
        from(
          // A replayed answer (Idempotency-Key) did nothing new: its first request was audited.
          (req[REPLAYED] ? Promise.resolve() : this.trail.afterAction(options, req.user?.id, req.params?.id, result)).then(() => result),
        ),
      ),
    );
  }
}

/** Records the action in the audit log after the handler succeeded. */
export const Audited = (options: AuditedOptions) => applyDecorators(SetMetadata(AUDITED, options), UseInterceptors(AuditedInterceptor));
