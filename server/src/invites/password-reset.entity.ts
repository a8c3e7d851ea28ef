import { Column, Entity } from 'typeorm';
import { IdColumn, PrimaryIdColumn, TimeColumn } from '../common/columns';

// A one-time link to set a staff account's password, made by an admin of the level above. Only a keyed
// hash of the code is kept; a newer link for the same account replaces the older one.
@Entity('password_resets')
export class PasswordReset {
  @PrimaryIdColumn()
  id: string;

  @Column({ name: 'code_hash', type: 'varchar', length: 64, unique: true })
  codeHash: string;

  @IdColumn('user_id')
  userId: string;

  @IdColumn('created_by')
  createdBy: string;

  @TimeColumn('created_at')
  createdAt: string;

  @TimeColumn('expires_at')
  expiresAt: string;

  @TimeColumn('used_at', { nullable: true })
  usedAt: string | null;
}
