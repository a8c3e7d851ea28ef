import type { OrgLevel } from '@pingjia/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('orgs')
@Index('uq_orgs_external_code', ['codeScope', 'externalCode'], { unique: true })
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

  // The unit's own code (统一社会信用代码, or the province's code), unique within the province
  // (code_scope: the root org's id): a bulk import matches its rows by it, so importing again changes nothing.
  @Column({ name: 'external_code', type: 'varchar', length: 64, nullable: true })
  externalCode: string | null;

  @Column({ name: 'code_scope', type: 'varchar', length: 36, nullable: true })
  codeScope: string | null;

  @Column({ name: 'created_on', type: 'varchar', length: 10 })
  createdOn: string;

  /** ISO 8601 UTC when deactivated (hidden from new cycles and QR scans, kept in history); null while active */
  @Column({ name: 'deactivated_at', type: 'varchar', length: 30, nullable: true })
  deactivatedAt: string | null;
}
