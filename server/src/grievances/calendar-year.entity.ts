import { Column, Entity, PrimaryColumn } from 'typeorm';

// A year whose official holiday arrangement a province imported (its days are rows of
// province_calendar_days). A year with neither this nor the bundled list is unknown: deadlines there
// are provisional.
@Entity('province_calendar_years')
export class CalendarYearRow {
  @PrimaryColumn({ name: 'province_id', type: 'varchar', length: 36 })
  provinceId: string;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  holidays: number;

  @Column({ type: 'int' })
  workdays: number;

  @Column({ name: 'imported_at', type: 'varchar', length: 30 })
  importedAt: string;

  @Column({ name: 'imported_by', type: 'varchar', length: 36 })
  importedBy: string;
}
