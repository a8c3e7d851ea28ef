import { Column, Entity, PrimaryColumn } from 'typeorm';

// A province's own settings (thresholds, suppression sizes, grievance limits), as JSON of the shared
// ProvinceSettings; a province without a row uses the defaults. Every change is in the audit log.
@Entity('province_settings')
export class ProvinceSettingsRow {
  @PrimaryColumn({ name: 'province_id', type: 'varchar', length: 36 })
  provinceId: string;

  @Column({ type: 'text' })
  settings: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt: string;

  @Column({ name: 'updated_by', type: 'varchar', length: 36 })
  updatedBy: string;
}
