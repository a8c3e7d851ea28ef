import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimeColumn } from '../common/columns';

// Failed staff logins per username (known or not, so the answers do not tell which names exist).
// A row goes when the password is right, when an admin of the level above lifts the lockout, or
// when it has been quiet for a day.
@Entity('login_attempts')
export class LoginAttempt {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'int' })
  failures: number;

  @Index('idx_login_attempts_last')
  @TimeColumn('last_failed_at')
  lastFailedAt: string;

  /** set once failures reach LOGIN_LOCKOUT_AFTER */
  @TimeColumn('locked_at', { nullable: true })
  lockedAt: string | null;
}
