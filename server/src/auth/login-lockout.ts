import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { isUniqueViolation } from '../common/transactions';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { LoginAttempt } from './login-attempt.entity';

const DAY = 24 * 3600_000;

// Staff password logins per account (the per-address limit is the rate-limit guard's): a few free
// failures, then a doubling wait between tries, then a lockout that an admin of the level above lifts
// (or that ends after LOGIN_LOCKOUT_MINUTES). A try refused here never reaches the password hash, so
// guessing costs the server one indexed read. Unknown usernames are counted the same way, so the
// answers do not tell which accounts exist.
@Injectable()
export class LoginLockout {
  constructor(
    @InjectRepository(LoginAttempt) private readonly attempts: Repository<LoginAttempt>,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Throws ACCOUNT_LOCKED or RATE_LIMITED (with Retry-After) when this username may not try now. */
  async check(username: string): Promise<void> {
    const row = await this.attempts.findOne({ where: { username } });
    if (!row) return;
    const now = this.clock.now().getTime();
    const { backoffAfter, lockoutMinutes } = this.config.login;
    if (row.lockedAt) {
      const until = lockoutMinutes === 0 ? Infinity : Date.parse(row.lockedAt) + lockoutMinutes * 60_000;
      if (now < until) throw new DomainError('ACCOUNT_LOCKED');
      // The lockout ran out: the count starts again.
      await this.attempts.delete({ username, lockedAt: row.lockedAt });
      return;
    }
    if (row.failures < backoffAfter) return;
    const waitMs = 1000 * 2 ** Math.min(row.failures - backoffAfter, 16);
    const until = Date.parse(row.lastFailedAt) + waitMs;
    if (now < until) {
      throw new DomainError('RATE_LIMITED', '登录失败次数过多，请稍后再试', undefined, {
        'retry-after': String(Math.ceil((until - now) / 1000)),
      });
    }
  }

  /** Counts a wrong password; the try that reaches LOGIN_LOCKOUT_AFTER locks the account. */
  async failed(username: string): Promise<void> {
    const now = this.clock.now();
    const at = now.toISOString();
    const lockAt = this.config.login.lockoutAfter;
    try {
      await this.attempts.insert({ username, failures: 1, lastFailedAt: at, lockedAt: lockAt <= 1 ? at : null });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      // One statement, so failures arriving together are all counted. locked_at is assigned first:
      // MySQL evaluates SET left to right with the new values, SQLite with the old ones.
      await this.attempts
        .createQueryBuilder()
        .update(LoginAttempt)
        .set({
          lockedAt: () => `CASE WHEN failures + 1 >= :lockAt AND locked_at IS NULL THEN :at ELSE locked_at END`,
          failures: () => 'failures + 1',
          lastFailedAt: at,
        })
        .setParameters({ lockAt, at })
        .where('username = :username', { username })
        .execute();
    }
    // Quiet rows of names nobody is trying any more (typos, old guessing) go after a day.
    await this.attempts.delete({ lastFailedAt: LessThan(new Date(now.getTime() - DAY).toISOString()), lockedAt: IsNull() });
  }

  /** The right password: the count starts again. */
  async succeeded(username: string): Promise<void> {
    await this.attempts.delete({ username });
  }

  /** An admin above the account lifts its lockout (and its backoff). Whether it was locked. */
  async lift(username: string): Promise<boolean> {
    const r = await this.attempts.delete({ username });
    return (r.affected ?? 0) > 0;
  }
}
