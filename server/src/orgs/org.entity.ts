import type { OrgLevel } from '@pingjia/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('orgs')
export class Org {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'parent_id', type: 'varchar', length: 36, nullable: true })
  parentId: string | null;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  level: OrgLevel;

  // Materialised path '/<root id>/…/<own id>/': "is X below Y" is a prefix test, one indexed query.
  @Index('idx_orgs_path')
  @Column({ type: 'varchar', length: 400 })
  path: string;

  @Column({ name: 'created_on', type: 'varchar', length: 10 })
  createdOn: string;

  /** ISO 8601 UTC when deactivated (hidden from new cycles and QR scans, kept in history); null while active */
  @Column({ name: 'deactivated_at', type: 'varchar', length: 30, nullable: true })
  deactivatedAt: string | null;
}
