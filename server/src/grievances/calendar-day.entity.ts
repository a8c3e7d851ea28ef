import { Column, Entity, PrimaryColumn } from 'typeorm';

// An admin's entry for one day, overriding the holiday list (a year it does not cover yet, a local change).
@Entity('calendar_days')
export class CalendarDayRow {
  /** YYYY-MM-DD */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @Column({ type: 'varchar', length: 8 })
  kind: 'workday' | 'holiday';

  @Column({ type: 'varchar', length: 100, nullable: true })
  note: string | null;

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt: string;
}
