import { Column, Entity } from 'typeorm';
import { PrimaryIdColumn, TimeColumn } from './columns';

// A request's Idempotency-Key, per caller, so a retried submission answers with the first result,
// across restarts and instances. Grievances (keyed hash callers, never a user id: grievances/) and the
// staff pages' creates (common/idempotency.ts) keep theirs here, each under its own scope.
@Entity('idempotency_keys')
export class IdempotencyKey {
  @PrimaryIdColumn()
  id: string;

  @Column({ type: 'varchar', length: 40 })
  scope: string;

  @Column({ name: 'caller_key', type: 'varchar', length: 64 })
  callerKey: string;

  @Column({ name: 'key_hash', type: 'varchar', length: 64 })
  keyHash: string;

  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  /** the work's first write transaction committed (in that COMMIT): a retry must not run it again */
  @Column({ type: 'boolean', default: false })
  committed: boolean;

  /** the first answer, JSON */
  @Column({ type: 'text' })
  response: string;

  @TimeColumn('created_at')
  createdAt: string;
}
