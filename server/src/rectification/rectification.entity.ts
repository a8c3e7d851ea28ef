import type { RectificationStatus } from '@pingjia/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

// 整改: a home's plan after a cycle, the progress reported back, the upper level's sign-off.
@Entity('rectifications')
@Index('uq_rectification', ['campaignId', 'homeId'], { unique: true })
export class RectificationRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'campaign_id', type: 'varchar', length: 36 })
  campaignId: string;

  @Column({ name: 'home_id', type: 'varchar', length: 36 })
  homeId: string;

  @Column({ type: 'varchar', length: 16 })
  status: RectificationStatus;

  @Column({ type: 'text' })
  plan: string;

  @Column({ name: 'plan_on', type: 'varchar', length: 10 })
  planOn: string;

  @Column({ name: 'signed_off_on', type: 'varchar', length: 10, nullable: true })
  signedOffOn: string | null;

  /** the level above's reason for sending the plan back (退回); cleared when the chair revises it */
  @Column({ name: 'sent_back_reason', type: 'text', nullable: true })
  sentBackReason: string | null;

  @Column({ name: 'sent_back_on', type: 'varchar', length: 10, nullable: true })
  sentBackOn: string | null;

  /** optimistic lock: every change bumps it */
  @Column({ type: 'int', default: 0 })
  version: number;
}

@Entity('rectification_updates')
@Index('uq_rectification_update', ['rectificationId', 'seq'], { unique: true })
export class RectificationUpdateRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'rectification_id', type: 'varchar', length: 36 })
  rectificationId: string;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 10 })
  day: string;
}
