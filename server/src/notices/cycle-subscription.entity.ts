import { Column, Entity, Index } from 'typeorm';
import { DayColumn, IdColumn, PrimaryIdColumn } from '../common/columns';

// A member's one-time opt-in to "a rating cycle opened for your home" (a subscribe message). No user
// id, no link to a rating: the sealed openid (random IV, keys.ts) and the day only. It becomes an outbox
// message, and is deleted, in the transaction that opens a cycle covering the home.
@Entity('cycle_subscriptions')
@Index('ix_cycle_subscriptions_home', ['homeId'])
export class CycleSubscription {
  @PrimaryIdColumn()
  id: string;

  @IdColumn('home_id')
  homeId: string;

  /** sealed (AES-GCM, random IV) */
  @Column({ type: 'varchar', length: 200 })
  openid: string;

  @Column({ name: 'template_id', type: 'varchar', length: 128 })
  templateId: string;

  @DayColumn('created_on')
  createdOn: string;
}
