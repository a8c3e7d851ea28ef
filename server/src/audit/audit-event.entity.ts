import type { Role } from '@pingjia/shared';
import { Column, Entity } from 'typeorm';
import { IdColumn, PrimaryIdColumn, TimeColumn } from '../common/columns';

// One admin action: who (a staff account, never a member's identity), in which part of the tree,
// did what to which object, with a small detail that holds no personal data.
@Entity('audit_events')
export class AuditEventRow {
  @PrimaryIdColumn()
  id: string;

  /** ISO 8601 UTC */
  @TimeColumn()
  at: string;

  @IdColumn('actor_user_id')
  actorUserId: string;

  @Column({ name: 'actor_role', type: 'varchar', length: 24 })
  actorRole: Role;

  /** path of the org the target belongs to (a home's org for home-level actions) */
  @Column({ name: 'scope_path', type: 'varchar', length: 400 })
  scopePath: string;

  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Column({ name: 'target_type', type: 'varchar', length: 24 })
  targetType: string;

  @IdColumn('target_id')
  targetId: string;

  /** JSON */
  @Column({ type: 'text', nullable: true })
  detail: string | null;

  /** path of the org the actor acted from: the entry is shown to that level and those above, never below */
  @Column({ name: 'actor_path', type: 'varchar', length: 400, nullable: true })
  actorPath: string | null;

  /** the target's name at the time (kept when it is renamed or deleted) */
  @Column({ name: 'target_name', type: 'varchar', length: 100, nullable: true })
  targetName: string | null;
}
