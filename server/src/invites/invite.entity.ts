import { Column, Entity, PrimaryColumn } from 'typeorm';

// A one-time invitation to a role. Only a hash of the code is kept: the code itself is shown once.
@Entity('invites')
export class Invite {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'code_hash', type: 'varchar', length: 64, unique: true })
  codeHash: string;

  @Column({ type: 'varchar', length: 24 })
  role: 'chair' | 'federation_admin';

  /** the home for a chair, the org for a federation admin */
  @Column({ name: 'org_id', type: 'varchar', length: 36 })
  orgId: string;

  @Column({ name: 'scope_path', type: 'varchar', length: 400 })
  scopePath: string;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ name: 'expires_at', type: 'varchar', length: 30 })
  expiresAt: string;

  @Column({ name: 'used_at', type: 'varchar', length: 30, nullable: true })
  usedAt: string | null;

  @Column({ name: 'used_by', type: 'varchar', length: 36, nullable: true })
  usedBy: string | null;
}
