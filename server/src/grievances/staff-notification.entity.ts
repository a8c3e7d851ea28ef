import type { StaffNotificationKind } from '@pingjia/shared';
import { Column, Entity, Index } from 'typeorm';
import { IdColumn, PrimaryIdColumn, TimeColumn } from '../common/columns';

// A staff member's in-app notice about a grievance they handle: a new one, a reminder (催办), an escalation
// to their level. Only generic text: never the grievance's content, the reporter, or anything a handler of
// another level would not see.
@Entity('staff_notifications')
@Index('ix_staff_notifications_user', ['userId', 'createdAt'])
export class StaffNotification {
  @PrimaryIdColumn()
  id: string;

  @IdColumn('user_id')
  userId: string;

  @IdColumn('grievance_id')
  grievanceId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: StaffNotificationKind;

  @Column({ type: 'varchar', length: 200 })
  text: string;

  @TimeColumn('created_at')
  createdAt: string;

  @TimeColumn('read_at', { nullable: true })
  readAt: string | null;
}
