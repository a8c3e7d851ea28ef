import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

// A staff member's in-app notice about a grievance they handle: a reminder (催办), an escalation to their
// level. Only generic text: never the grievance's content, the reporter, or anything a handler of
// another level would not see.
@Entity('staff_notifications')
@Index('ix_staff_notifications_user', ['userId', 'createdAt'])
export class StaffNotification {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'grievance_id', type: 'varchar', length: 36 })
  grievanceId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: 'reminded' | 'escalated';

  @Column({ type: 'varchar', length: 200 })
  text: string;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ name: 'read_at', type: 'varchar', length: 30, nullable: true })
  readAt: string | null;
}
