import { Column } from 'typeorm';
import { IdColumn, PrimaryIdColumn, TimeColumn } from '../common/columns';

/** What an invite and a password-reset link both keep: a keyed hash of the code, who made it, its expiry and its one use. */
export abstract class OneTimeCode {
  @PrimaryIdColumn()
  id: string;

  @Column({ name: 'code_hash', type: 'varchar', length: 64, unique: true })
  codeHash: string;

  @IdColumn('created_by')
  createdBy: string;

  @TimeColumn('created_at')
  createdAt: string;

  @TimeColumn('expires_at')
  expiresAt: string;

  @TimeColumn('used_at', { nullable: true })
  usedAt: string | null;
}
