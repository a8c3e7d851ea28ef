import type { OrgLevel } from '@pingjia/shared';
import { Column, Entity, Index } from 'typeorm';
import { IdColumn, PrimaryIdColumn } from '../common/columns';
import { TreeUnit } from './tree-unit';

@Entity('orgs')
@Index('uq_orgs_external_code', ['codeScope', 'externalCode'], { unique: true })
export class Org extends TreeUnit {
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
}
