import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AuthResponse, PasswordResetPreview, PasswordResetResponse } from '@pingjia/shared';
import { createHmac, randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { AuthService } from '../auth/auth.service';
import { LoginLockout } from '../auth/login-lockout';
import { hashPassword } from '../auth/passwords';
import { RoleGrant } from '../auth/role-grant.entity';
import { TokenVersions } from '../auth/token-versions';
import { User } from '../auth/user.entity';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { DomainError, notFound } from '../common/domain-error';
import { newId } from '../common/ids';
import { RateLimitGuard } from '../common/rate-limit.guard';
import { Transactions } from '../common/transactions';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { PasswordReset } from './password-reset.entity';

const RESET_PAGE = 'oversight/pages/reset/index';
const MINUTE = 60_000;

// A forgotten staff password: an admin of the level above (the one who may remove the grant) makes a
// one-time link; whoever opens it sets a new password. It is used once, expires, replaces any older
// link for the account, ends every session of the account and lifts its login lockout.
@Injectable()
export class PasswordResetsService {
  constructor(
    @InjectRepository(PasswordReset) private readonly resets: Repository<PasswordReset>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly auth: AuthService,
    private readonly lockout: LoginLockout,
    private readonly audit: AuditService,
    private readonly limiter: RateLimitGuard,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly versions: TokenVersions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private hashCode(code: string): string {
    return createHmac('sha256', this.config.jwtSecret).update(`password-reset:${code}`).digest('hex');
  }

  /** For the holder of `grant`, already checked to be below the actor (InvitesService). Audited. */
  async create(actorId: string, grant: RoleGrant, scopePath: string, homeId?: string): Promise<PasswordResetResponse> {
    const holder = await this.users.findOne({ where: { id: grant.userId } });
    if (!holder) throw notFound();
    if (!holder.username) throw new DomainError('STATE_CONFLICT', '该账号用微信登录，没有密码，无需重置');
    const code = randomBytes(24).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.oversight.passwordResetTtlHours * 3600_000).toISOString();
    await this.tx.run(async (m) => {
      await m.delete(PasswordReset, { userId: holder.id });
      await m.insert(PasswordReset, {
        id: newId(),
        codeHash: this.hashCode(code),
        userId: holder.id,
        createdBy: actorId,
        createdAt: now.toISOString(),
        expiresAt,
        usedAt: null,
      });
      await this.audit.record(
        {
          actorUserId: actorId,
          scopePath,
          action: 'password.reset_link',
          targetType: 'grant',
          targetId: grant.id,
          homeId,
          detail: { role: grant.role },
        },
        m,
      );
    });
    return { code, expiresAt, link: `${this.config.publicUrl}/${RESET_PAGE}?code=${code}` };
  }

  private async find(code: string): Promise<{ reset: PasswordReset; user: User }> {
    const reset = /^[A-Za-z0-9_-]{32}$/.test(code) ? await this.resets.findOne({ where: { codeHash: this.hashCode(code) } }) : null;
    const user = reset && (await this.users.findOne({ where: { id: reset.userId } }));
    if (!reset || !user?.username) throw new DomainError('NOT_FOUND', '重置链接无效，请向上级工会管理员索取新的链接');
    if (reset.usedAt || reset.expiresAt <= this.clock.now().toISOString()) {
      throw new DomainError('STATE_CONFLICT', '重置链接已使用或已过期，请向上级工会管理员索取新的链接');
    }
    return { reset, user };
  }

  async preview(code: string, ip: string): Promise<PasswordResetPreview> {
    // A read, so the guard does not count it: a look-up spends the address's login budget like a use.
    await this.limiter.hit(`login:ip:${ip}`, this.config.rateLimits.loginsPerIp, MINUTE);
    const { reset, user } = await this.find(code);
    return { username: user.username!, expiresAt: reset.expiresAt };
  }

  /** Sets the password (once even under races), ends old sessions, lifts the lockout, signs in. */
  async use(code: string, password: string): Promise<AuthResponse> {
    const { reset, user } = await this.find(code);
    const passwordHash = await hashPassword(password);
    const now = this.clock.now().toISOString();
    try {
      await this.tx.run(async (m) => {
        const taken = await m
          .createQueryBuilder()
          .update(PasswordReset)
          .set({ usedAt: now })
          .where('id = :id AND used_at IS NULL AND expires_at > :now', { id: reset.id, now })
          .execute();
        if (!taken.affected) throw new DomainError('STATE_CONFLICT', '重置链接已使用或已过期，请向上级工会管理员索取新的链接');
        await m.update(User, { id: user.id }, { passwordHash });
        await this.versions.increment(m, user.id);
      });
    } finally {
      await this.versions.changed(user.id);
    }
    await this.lockout.lift(user.username!);
    return this.auth.issue(await this.users.findOneOrFail({ where: { id: user.id } }));
  }
}
