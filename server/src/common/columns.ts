import { Column, PrimaryColumn } from 'typeorm';

// The column shapes every table repeats, named for what they hold. Each gives TypeORM exactly the options
// of the plain column it stands for, so the metadata and the migrations are unchanged.
interface Extras {
  nullable?: boolean;
}
const named = (name: string | undefined) => (name ? { name } : {});

/** An id (common/ids.ts: 36 characters), of this row or of another. */
export const IdColumn = (name?: string, extras: Extras = {}) => Column({ ...named(name), type: 'varchar', length: 36, ...extras });

export const PrimaryIdColumn = (name?: string) => PrimaryColumn({ ...named(name), type: 'varchar', length: 36 });

/** An instant as an ISO 8601 string in UTC (Clock.now().toISOString()). */
export const TimeColumn = (name?: string, extras: Extras = {}) => Column({ ...named(name), type: 'varchar', length: 30, ...extras });

/** A China calendar day, 2026-12-05. */
export const DayColumn = (name?: string, extras: Extras = {}) => Column({ ...named(name), type: 'varchar', length: 10, ...extras });
