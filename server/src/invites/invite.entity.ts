import { Column, Entity } from 'typeorm';
import { IdColumn } from '../common/columns';
import { OneTimeCode } from './one-time-code';

// A one-time invitation to a role. Only a hash of the code is kept: the code itself is shown once.
@Entity('invites')
export class Invite extends OneTimeCode {
  @Column({ type: 'varchar', length: 24 })
  role: 'chair' | 'federation_admin';

  /** the home for a chair, the org for a federation admin */
  @IdColumn('org_id')
  orgId: string;

  @Column({ name: 'scope_path', type: 'varchar', length: 400 })
  scopePath: string;

  @IdColumn('used_by', { nullable: true })
  usedBy: string | null;
}
