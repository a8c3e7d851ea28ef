import { Column, Entity, PrimaryColumn } from 'typeorm';
import { IdColumn, PrimaryIdColumn, TimeColumn } from '../common/columns';

// A year whose official holiday arrangement a province imported (its days are rows of
// province_calendar_days). A year with neither this nor the bundled list is unknown: deadlines there
// are provisional.
@Entity('province_calendar_years')
export class CalendarYearRow {
  @PrimaryIdColumn('province_id')
  provinceId: string;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  holidays: number;

  @Column({ type: 'int' })
  workdays: number;

  @TimeColumn('imported_at')
  importedAt: string;

  @IdColumn('imported_by')
  importedBy: string;
}
