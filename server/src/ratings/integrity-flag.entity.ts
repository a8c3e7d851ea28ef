import { Column, Entity, PrimaryColumn } from 'typeorm';
import { PrimaryIdColumn } from '../common/columns';

// Per cycle, home and day (never finer): first ratings from accounts created that day or the day
// before, and ratings refused because the home already counted as many as its members. Read only by
// the dashboard of the level above (rating-integrity.ts); it names no account.
@Entity('home_integrity_flags')
export class HomeIntegrityFlag {
  @PrimaryIdColumn('campaign_id')
  campaignId: string;

  @PrimaryIdColumn('home_id')
  homeId: string;

  /** YYYY-MM-DD */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @Column({ name: 'new_account_ratings', type: 'int', default: 0 })
  newAccountRatings: number;

  @Column({ name: 'refused_over_members', type: 'int', default: 0 })
  refusedOverMembers: number;
}
