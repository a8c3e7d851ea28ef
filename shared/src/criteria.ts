// The five criteria of a 职工之家, as the provincial federation's opinion names them. Everything that
// lists criteria (rating and totals columns, request validation, league sort keys, labels, exports,
// test helpers) is built from this list: a sixth criterion is one entry here plus one migration.
export const CRITERION_KEYS = ['organization', 'rights', 'work', 'role', 'trust'] as const;
export type CriterionKey = (typeof CRITERION_KEYS)[number];

export interface Criterion {
  key: CriterionKey;
  label: string;
  hint: string;
}

export const CRITERIA: readonly Criterion[] = [
  { key: 'organization', label: '组织健全', hint: '工会组织机构健全，按期换届，召开会员大会，农民工、劳务派遣工依法入会' },
  { key: 'rights', label: '维权到位', hint: '开展工资集体协商，依法签订劳动合同，职代会和厂务公开落实，诉求有回应' },
  { key: 'work', label: '工作规范', hint: '制度健全，财务公开规范，活动有计划有总结，会费使用合规' },
  { key: 'role', label: '作用明显', hint: '促进劳动关系和谐，推动技能提升与创新，文体活动丰富，关心关爱职工' },
  { key: 'trust', label: '职工信赖', hint: '职工信任工会，遇到困难首先想到找工会' },
];

/** "五项" for five criteria: how titles count them (五项指标, 五项评议内容). */
export const CRITERIA_COUNT_TEXT = `${'零一二三四五六七八九十'[CRITERIA.length] ?? CRITERIA.length}项`;

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
/** Every score a criterion can get, lowest first (1..5). */
export const SCORES: readonly number[] = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i);
export const SCORE_LABELS: Record<number, string> = { 1: '很差', 2: '较差', 3: '一般', 4: '较好', 5: '很好' };

export type Scores = Record<CriterionKey, number>;

export function isCriterionKey(key: string): key is CriterionKey {
  return (CRITERION_KEYS as readonly string[]).includes(key);
}

export function isValidScore(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= SCORE_MIN && value <= SCORE_MAX;
}

/** Why a score is refused, in Chinese; null when it is one of SCORES. The server's DTO and the form both ask this. */
export function scoreProblem(value: unknown): string | null {
  return isValidScore(value) ? null : `评分须为 ${SCORE_MIN} 到 ${SCORE_MAX} 的整数`;
}

/** The criteria (in list order) not yet given a valid score: what still blocks a rating form. */
export function unscoredCriteria(scores: Partial<Record<CriterionKey, unknown>>, criteria: readonly Criterion[] = CRITERIA): Criterion[] {
  return criteria.filter((c) => !isValidScore(scores[c.key]));
}
