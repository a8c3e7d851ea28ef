import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

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
  @Column({ name: 'last_failed_at', type: 'varchar', length: 30 })
  lastFailedAt: string;

  /** set once failures reach LOGIN_LOCKOUT_AFTER */
  @Column({ name: 'locked_at', type: 'varchar', length: 30, nullable: true })
  lockedAt: string | null;
}
