import { Column, Entity, PrimaryColumn } from 'typeorm';

// Delivery data for WeChat subscribe messages, apart from the grievance and read by no handler view.
// A subscription is the worker's one-time opt-in; it becomes an outbox row in the transaction that
// changes the status, and the outbox row is deleted once WeChat has answered.
@Entity('grievance_subscriptions')
export class GrievanceSubscription {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'grievance_id', type: 'varchar', length: 36 })
  grievanceId: string;

  /** sealed (AES-GCM, random IV; keys.ts): never equal to users.openid or to another row's */
  @Column({ type: 'varchar', length: 200 })
  openid: string;

  @Column({ name: 'template_id', type: 'varchar', length: 128 })
  templateId: string;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;
}

@Entity('notification_outbox')
export class OutboxMessage {
  @PrimaryColumn({ type: 'varchar', length: 36 })
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

  @Column({ name: 'next_attempt_at', type: 'varchar', length: 30 })
  nextAttemptAt: string;

  /** another worker (or instance) is sending it until then */
  @Column({ name: 'claimed_until', type: 'varchar', length: 30, nullable: true })
  claimedUntil: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;
}
