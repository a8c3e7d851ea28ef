import { Column } from 'typeorm';
import { DayColumn, IdColumn, TimeColumn } from '../common/columns';

/** The columns an org and a home both have as units of the tree kept over time (each entity its own table). */
export abstract class TreeUnit {
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
