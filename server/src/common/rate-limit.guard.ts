import { applyDecorators, CanActivate, ExecutionContext, HttpCode, Inject, Injectable, Logger, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerStorage } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Public, type AuthUser } from './auth.decorators';
import { DomainError } from './domain-error';

const MINUTE = 60_000;
const RATE_LIMIT_KIND = 'rateLimitKind';
/** Marks a login route: limited per address, with its own budget. */
export const LoginRateLimit = () => SetMetadata(RATE_LIMIT_KIND, 'login');

/**
 * A request without a token that hands out a session (a password, a WeChat code, an invite, a reset
 * link): public, counted against the per-address login limit, answered 200.
 */
export const SignIn = () => applyDecorators(Public(), LoginRateLimit(), HttpCode(200));

// Limits writes per user and per address, and logins per address (429 with Retry-After). Reads are
// not limited here. Counters live in the throttler storage: in this process for one instance, in Redis
// (REDIS_URL) for several, so a limit counts the hits on every instance.
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly logger = new Logger('RateLimit');

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(ThrottlerStorage) private readonly storage: ThrottlerStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return true;
    const limits = this.config.rateLimits;
    const kind = this.reflector.getAllAndOverride<string>(RATE_LIMIT_KIND, [context.getHandler(), context.getClass()]);
    if (kind === 'login') {
      await this.hit(`login:ip:${req.ip}`, limits.loginsPerIp, MINUTE);
      return true;
    }
    await this.hit(`write:ip:${req.ip}`, limits.writesPerIp, MINUTE);
    if (req.user) await this.hit(`write:user:${req.user.id}`, limits.writesPerUser, MINUTE);
    return true;
  }

  /** Counts one hit; throws RATE_LIMITED once over the limit. */
  async hit(key: string, limit: number, ttlMs: number): Promise<void> {
    let r: Awaited<ReturnType<ThrottlerStorage['increment']>>;
    try {
      r = await this.storage.increment(key, ttlMs, limit, ttlMs, 'default');
    } catch (e) {
      // Redis unreachable: refuse the write for now rather than let it through uncounted.
      this.logger.error(`rate-limit counters unavailable: ${(e as Error).message}`);
      throw new DomainError('SERVICE_UNAVAILABLE', undefined, undefined, { 'retry-after': '5' });
    }
    if (r.isBlocked) {
      throw new DomainError('RATE_LIMITED', undefined, undefined, { 'retry-after': String(Math.max(1, Math.ceil(r.timeToBlockExpire))) });
    }
  }
}
