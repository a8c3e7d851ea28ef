import { CRITERION_KEYS, MEMBER_GROUP_KEYS, MemberGroup, SCORES, Verdict, VERDICT_KEYS } from '@pingjia/shared';
import { EntitySchema, EntitySchemaColumnOptions } from 'typeorm';

// Running totals per (campaign, home), updated in the same transaction as each rating, so a
// dashboard reads one row whatever the number of ratings. Only the totals store
// (rating-totals.store.ts) reads or writes these tables; the column names are built here from the
// criteria list in shared, so a new criterion brings its columns with it (and one migration).
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

export const sumColumn = (k: string) => `sum_${k}`;
export const distColumn = (k: string, score: number) => `d_${k}_${score}`;
export const groupColumn = (g: MemberGroup) => `g_${g}`;
/** verdicts within a self-declared group (added by the oversight migration) */
export const groupVerdictColumn = (g: MemberGroup, v: Verdict) => `gv_${g}_${v}`;
const GROUP_VERDICT_COLUMNS: string[] = MEMBER_GROUP_KEYS.flatMap((g) => VERDICT_KEYS.map((v) => groupVerdictColumn(g, v)));

/** A criterion's counters: its sum and one count per score. */
export const criterionColumns = (k: string): string[] => [sumColumn(k), ...SCORES.map((s) => distColumn(k, s))];

/** Every counter column for a criteria list: name in the entity equals the name in the table. */
export function counterColumns(criteria: readonly string[]): string[] {
  return [
    'ratings',
    'satisfied',
    'basically_satisfied',
    'dissatisfied',
    'comments_approved',
    ...criteria.map(sumColumn),
    ...criteria.flatMap((k) => SCORES.map((s) => distColumn(k, s))),
    ...MEMBER_GROUP_KEYS.map(groupColumn),
  ];
}

/** Every figure column, each moved by a rating: the counters and the group verdicts. */
export const figureColumns = (criteria: readonly string[]): string[] => [...counterColumns(criteria), ...GROUP_VERDICT_COLUMNS];

const counter: EntitySchemaColumnOptions = { type: 'int', default: 0 };
const PROPERTY: Record<string, string> = { basically_satisfied: 'basicallySatisfied', comments_approved: 'commentsApproved' };
/** The entity property of a counter column (the two verdict-like columns are camelCase in the entity). */
const propertyOf = (column: string) => PROPERTY[column] ?? column;

export function totalsSchema(name: string, tableName: string, criteria: readonly string[] = CRITERION_KEYS) {
  return new EntitySchema<RatingTotals>({
    name,
    tableName,
    columns: {
      campaignId: { name: 'campaign_id', type: 'varchar', length: 36, primary: true },
      homeId: { name: 'home_id', type: 'varchar', length: 36, primary: true },
      ...Object.fromEntries(figureColumns(criteria).map((c) => [propertyOf(c), { ...counter, name: c }])),
    },
  });
}

export const RatingTotalsSchema = totalsSchema('RatingTotals', 'rating_totals');
