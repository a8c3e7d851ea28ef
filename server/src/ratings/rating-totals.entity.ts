import { CRITERION_KEYS, CriterionKey, MEMBER_GROUP_KEYS, MemberGroup, SCORE_MAX, SCORE_MIN, Verdict, VERDICT_KEYS } from '@pingjia/shared';
import { EntitySchema, EntitySchemaColumnOptions } from 'typeorm';

// Running totals per (campaign, home), updated in the same transaction as each rating, so a
// dashboard reads one row whatever the number of ratings.
export interface RatingTotals {
  campaignId: string;
  homeId: string;
  ratings: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  commentsApproved: number;
  [column: string]: string | number;
}

export const SCORES = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i);
export const sumColumn = (k: CriterionKey) => `sum_${k}`;
export const distColumn = (k: CriterionKey, score: number) => `d_${k}_${score}`;
export const groupColumn = (g: MemberGroup) => `g_${g}`;
/** verdicts within a self-declared group (added by the oversight migration) */
export const groupVerdictColumn = (g: MemberGroup, v: Verdict) => `gv_${g}_${v}`;
export const GROUP_VERDICT_COLUMNS: string[] = MEMBER_GROUP_KEYS.flatMap((g) => VERDICT_KEYS.map((v) => groupVerdictColumn(g, v)));

/** Every counter column: name in the entity equals the name in the table. */
export const COUNTER_COLUMNS: string[] = [
  'ratings',
  'satisfied',
  'basically_satisfied',
  'dissatisfied',
  'comments_approved',
  ...CRITERION_KEYS.map(sumColumn),
  ...CRITERION_KEYS.flatMap((k) => SCORES.map((s) => distColumn(k, s))),
  ...MEMBER_GROUP_KEYS.map(groupColumn),
];

/** Every figure column: the counters and the group verdicts. */
export const FIGURE_COLUMNS: string[] = [...COUNTER_COLUMNS, ...GROUP_VERDICT_COLUMNS];

const counter: EntitySchemaColumnOptions = { type: 'int', default: 0 };
const PROPERTY: Record<string, string> = { basically_satisfied: 'basicallySatisfied', comments_approved: 'commentsApproved' };
/** The entity property of a counter column (the two verdict-like columns are camelCase in the entity). */
export const propertyOf = (column: string) => PROPERTY[column] ?? column;

export const RatingTotalsSchema = new EntitySchema<RatingTotals>({
  name: 'RatingTotals',
  tableName: 'rating_totals',
  columns: {
    campaignId: { name: 'campaign_id', type: 'varchar', length: 36, primary: true },
    homeId: { name: 'home_id', type: 'varchar', length: 36, primary: true },
    ...Object.fromEntries(FIGURE_COLUMNS.map((c) => [propertyOf(c), { ...counter, name: c }])),
  },
});
