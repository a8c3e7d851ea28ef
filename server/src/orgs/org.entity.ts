import type { OrgLevel } from '@pingjia/shared';
import { Column, Entity, Index } from 'typeorm';
import { DayColumn, IdColumn, PrimaryIdColumn, TimeColumn } from '../common/columns';

@Entity('orgs')
@Index('uq_orgs_external_code', ['codeScope', 'externalCode'], { unique: true })
export class Org {
  @PrimaryIdColumn()
  id: string;

  @IdColumn('parent_id', { nullable: true })
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

  @IdColumn('code_scope', { nullable: true })
  codeScope: string | null;

  @DayColumn('created_on')
  createdOn: string;

  /** ISO 8601 UTC when deactivated (hidden from new cycles and QR scans, kept in history); null while active */
  @TimeColumn('deactivated_at', { nullable: true })
  deactivatedAt: string | null;
}
