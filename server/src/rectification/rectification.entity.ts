import type { RectificationStatus } from '@pingjia/shared';
import { Column, Entity, Index } from 'typeorm';
import { DayColumn, IdColumn, PrimaryIdColumn } from '../common/columns';

// 整改: a home's plan after a cycle, the progress reported back, the upper level's sign-off.
@Entity('rectifications')
@Index('uq_rectification', ['campaignId', 'homeId'], { unique: true })
export class RectificationRow {
  @PrimaryIdColumn()
  id: string;

  @IdColumn('campaign_id')
  campaignId: string;

  @IdColumn('home_id')
  homeId: string;

  @Column({ type: 'varchar', length: 16 })
  status: RectificationStatus;

  @Column({ type: 'text' })
  plan: string;

  @DayColumn('plan_on')
  planOn: string;

  @DayColumn('signed_off_on', { nullable: true })
  signedOffOn: string | null;

  /** the level above's reason for sending the plan back (退回); cleared when the chair revises it */
  @Column({ name: 'sent_back_reason', type: 'text', nullable: true })
  sentBackReason: string | null;

  @DayColumn('sent_back_on', { nullable: true })
  sentBackOn: string | null;

  /** optimistic lock: every change bumps it */
  @Column({ type: 'int', default: 0 })
  version: number;
}

@Entity('rectification_updates')
@Index('uq_rectification_update', ['rectificationId', 'seq'], { unique: true })
export class RectificationUpdateRow {
  @PrimaryIdColumn()
  id: string;

  @IdColumn('rectification_id')
  rectificationId: string;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'text' })
  text: string;

  @DayColumn()
  day: string;
}
