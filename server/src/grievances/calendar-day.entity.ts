import { Column, Entity, PrimaryColumn } from 'typeorm';
import { IdColumn, PrimaryIdColumn, TimeColumn } from '../common/columns';

// A province's own entry for one day, over the national holiday list (a local holiday, a year the list
// does not cover yet). The national list itself is read-only here (chinese-days; a yearly import will
// add its own rows beside these, issue 18). Every change is also in the audit log with its actor.
@Entity('province_calendar_days')
export class CalendarDayRow {
  @PrimaryIdColumn('province_id')
  provinceId: string;

  /** YYYY-MM-DD */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @Column({ type: 'varchar', length: 8 })
  kind: 'workday' | 'holiday';

  @Column({ type: 'varchar', length: 100, nullable: true })
  note: string | null;

  @TimeColumn('updated_at')
  updatedAt: string;

  /** the admin who made the entry; null for entries carried over from the single national table */
  @IdColumn('updated_by', { nullable: true })
  updatedBy: string | null;
}
