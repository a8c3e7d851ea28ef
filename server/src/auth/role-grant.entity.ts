import type { Role } from '@pingjia/shared';
import { Column, Entity, Index } from 'typeorm';
import { IdColumn, PrimaryIdColumn } from '../common/columns';

// A user's place in the org tree: federation_admin of an org (and its subtree), chair of a home.
@Entity('role_grants')
@Index('uq_role_grant', ['userId', 'role', 'orgId'], { unique: true })
export class RoleGrant {
  @PrimaryIdColumn()
  id: string;

  @IdColumn('user_id')
  userId: string;

  @Column({ type: 'varchar', length: 24 })
  role: Role;

  /** the org for federation_admin, the home for chair */
  @IdColumn('org_id')
  orgId: string;
}
