import { CRITERION_KEYS, type Scores } from '@pingjia/shared';

// Rating scores for every criterion of shared's list, so a test body stays valid when the list grows.

/** `v` for every criterion. */
export const scoresOf = (v: number): Scores => Object.fromEntries(CRITERION_KEYS.map((k) => [k, v])) as Scores;

/** The criteria a test names, and 3 for any other criterion of the list. */
export const allCriteria = (named: Partial<Scores>): Scores => ({ ...scoresOf(3), ...named });
