import { Column, Entity } from 'typeorm';
import { IdColumn, PrimaryIdColumn, TimeColumn } from '../common/columns';

// A one-time invitation to a role. Only a hash of the code is kept: the code itself is shown once.
@Entity('invites')
export class Invite {
  @PrimaryIdColumn()
  id: string;

  @Column({ name: 'code_hash', type: 'varchar', length: 64, unique: true })
  codeHash: string;

  @Column({ type: 'varchar', length: 24 })
  role: 'chair' | 'federation_admin';

  /** the home for a chair, the org for a federation admin */
  @IdColumn('org_id')
  orgId: string;

  @Column({ name: 'scope_path', type: 'varchar', length: 400 })
  scopePath: string;

  @IdColumn('created_by')
  createdBy: string;

  @TimeColumn('created_at')
  createdAt: string;

  @TimeColumn('expires_at')
  expiresAt: string;

  @TimeColumn('used_at', { nullable: true })
  usedAt: string | null;

  @IdColumn('used_by', { nullable: true })
  usedBy: string | null;
}
