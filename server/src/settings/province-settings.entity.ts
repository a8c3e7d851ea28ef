import { Column, Entity } from 'typeorm';
import { IdColumn, PrimaryIdColumn, TimeColumn } from '../common/columns';

// A province's own settings (thresholds, suppression sizes, grievance limits), as JSON of the shared
// ProvinceSettings; a province without a row uses the defaults. Every change is in the audit log.
@Entity('province_settings')
export class ProvinceSettingsRow {
  @PrimaryIdColumn('province_id')
  provinceId: string;

  @Column({ type: 'text' })
  settings: string;

  @TimeColumn('updated_at')
  updatedAt: string;

  @IdColumn('updated_by')
  updatedBy: string;
}
