import { CRITERION_KEYS, type Scores, type Verdict } from '@pingjia/shared';
import { Column, Entity, Index } from 'typeorm';
import { DayColumn, IdColumn, PrimaryIdColumn } from '../common/columns';

export type CommentStatus = 'none' | 'approved' | 'held' | 'rejected';

// Anonymous by construction: no user id, no openid. `raterKey` is a keyed hash (server secret) of
// campaign, home and member, so the database alone cannot name a rater; times are kept to the day.
// On SQLite a WITHOUT ROWID table: rows sit in the random id's order, not in the order members rated.
@Entity('ratings', { withoutRowid: true })
@Index('uq_ratings_rater', ['campaignId', 'homeId', 'raterKey'], { unique: true })
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the scores, see below
export class Rating {
  @PrimaryIdColumn()
  id: string;

  @IdColumn('campaign_id')
  campaignId: string;

  @IdColumn('home_id')
  homeId: string;

  @Column({ name: 'rater_key', type: 'varchar', length: 64 })
  raterKey: string;

  @Column({ type: 'varchar', length: 24 })
  verdict: Verdict;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'comment_status', type: 'varchar', length: 12 })
  commentStatus: CommentStatus;

  /** comma-separated self-declared groups, '' when none */
  @Column({ name: 'member_groups', type: 'varchar', length: 120 })
  memberGroups: string;

  /** YYYY-MM-DD (coarsened on purpose) */
  @DayColumn('updated_on')
  updatedOn: string;
}

/** The column of a criterion's score in `ratings`. */
export const scoreColumn = (k: string) => `s_${k}`;

/** One smallint column per criterion (property `organization`, column `s_organization`…), from the criteria list. */
export function addScoreColumns(entity: abstract new () => object, criteria: readonly string[]): void {
  for (const k of criteria) Column({ name: scoreColumn(k), type: 'smallint' })(entity.prototype, k);
}

// Each criterion's score is a property of the rating (declaration merging gives the class its type).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface Rating extends Scores {}
addScoreColumns(Rating, CRITERION_KEYS);
