import type { HomeKind, MembershipMode, Ownership } from '@pingjia/shared';
import { Column, Entity, Index } from 'typeorm';
import { IdColumn, PrimaryIdColumn } from '../common/columns';
import { TreeUnit } from './tree-unit';

@Entity('homes')
@Index('uq_homes_external_code', ['codeScope', 'externalCode'], { unique: true })
export class Home extends TreeUnit {
  @PrimaryIdColumn()
  id: string;

  @IdColumn('org_id')
  orgId: string;

  // The owning org's path, copied so subtree queries over homes need no join.
  @Index('idx_homes_org_path')
  @Column({ name: 'org_path', type: 'varchar', length: 400 })
  orgPath: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: HomeKind;

  @Column({ name: 'member_count', type: 'int' })
  memberCount: number;

  /** workers of the unit, for the membership rate (入会率) that 全国模范 needs; null when unknown */
  @Column({ name: 'worker_count', type: 'int', nullable: true })
  workerCount: number | null;

  @Column({ name: 'membership_mode', type: 'varchar', length: 16 })
  membershipMode: MembershipMode;

  @Column({ type: 'varchar', length: 16, nullable: true })
  ownership: Ownership | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  industry: string | null;

  // Opaque random token printed in the QR code; never a sequential id.
  @Column({ name: 'scene_token', type: 'varchar', length: 32, unique: true })
  sceneToken: string;
}
