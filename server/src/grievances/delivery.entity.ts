import { Column, Entity } from 'typeorm';
import { IdColumn, PrimaryIdColumn, TimeColumn } from '../common/columns';

// Delivery data for WeChat subscribe messages, apart from the grievance and read by no handler view.
// A subscription is the worker's one-time opt-in; it becomes an outbox row in the transaction that
// changes the status, and the outbox row is deleted once WeChat has answered.
@Entity('grievance_subscriptions')
export class GrievanceSubscription {
  @PrimaryIdColumn()
  id: string;

  @IdColumn('grievance_id')
  grievanceId: string;

  /** sealed (AES-GCM, random IV; keys.ts): never equal to users.openid or to another row's */
  @Column({ type: 'varchar', length: 200 })
  openid: string;

  @Column({ name: 'template_id', type: 'varchar', length: 128 })
  templateId: string;

  @TimeColumn('created_at')
  createdAt: string;
}

@Entity('notification_outbox')
export class OutboxMessage {
  @PrimaryIdColumn()
  id: string;

  /** sealed (AES-GCM, random IV; keys.ts): never equal to users.openid or to another row's */
  @Column({ type: 'varchar', length: 200 })
  openid: string;

  @Column({ name: 'template_id', type: 'varchar', length: 128 })
  templateId: string;

  @Column({ type: 'varchar', length: 200 })
  page: string;

  /** the template's data, JSON: a generic status line only, never grievance content */
  @Column({ type: 'text' })
  data: string;

  @Column({ type: 'int' })
  attempts: number;

  @TimeColumn('next_attempt_at')
  nextAttemptAt: string;

  /** another worker (or instance) is sending it until then */
  @TimeColumn('claimed_until', { nullable: true })
  claimedUntil: string | null;

  @TimeColumn('created_at')
  createdAt: string;
}
