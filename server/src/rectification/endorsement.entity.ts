import type { EndorsementVerdict } from '@pingjia/shared';
import { Column, Entity, Index } from 'typeorm';
import { DayColumn, IdColumn, PrimaryIdColumn } from '../common/columns';

// A member's 认可/不认可 of a rectification plan, stored like a rating: no user id, no openid, a keyed
// hash of the member in its own domain (rater-key.ts with an `endorsement:` subject, so it never equals
// the same member's ratings.rater_key), the day only, and on SQLite WITHOUT ROWID (rows in random id order).
@Entity('plan_endorsements', { withoutRowid: true })
@Index('uq_plan_endorsements_rater', ['rectificationId', 'raterKey'], { unique: true })
export class PlanEndorsement {
  @PrimaryIdColumn()
  id: string;

  @IdColumn('rectification_id')
  rectificationId: string;

  @Column({ name: 'rater_key', type: 'varchar', length: 64 })
  raterKey: string;

  @Column({ type: 'varchar', length: 12 })
  verdict: EndorsementVerdict;

  /** YYYY-MM-DD (coarsened on purpose) */
  @DayColumn('updated_on')
  updatedOn: string;
}
