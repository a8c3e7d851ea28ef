import type { Role } from '@pingjia/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

// A user's place in the org tree: federation_admin of an org (and its subtree), chair of a home.
@Entity('role_grants')
@Index('uq_role_grant', ['userId', 'role', 'orgId'], { unique: true })
export class RoleGrant {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 24 })
  role: Role;

  /** the org for federation_admin, the home for chair */
  @Column({ name: 'org_id', type: 'varchar', length: 36 })
  orgId: string;
}
