import { Injectable, PipeTransform } from '@nestjs/common';
import { CRITERIA, Criterion, MEMBER_GROUP_KEYS, MemberGroup, Scores, scoreProblem, Verdict, VERDICT_KEYS } from '@pingjia/shared';
import { arrayMaxSize, arrayUnique, isArray, isIn, maxLength } from 'class-validator';
import { invalid } from '../common/domain-error';
import { FIELD_MESSAGES as M } from '../common/validation';

/** A rating request's body once checked (ratings/dto.ts RatingDto documents it in the OpenAPI spec). */
export interface RatingBody {
  scores: Scores;
  verdict: Verdict;
  comment?: string;
  groups?: MemberGroup[];
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The rating body's check, built once from a criteria list (shared's CRITERIA in production; the
 * sixth-criterion spec builds one from a longer list): plain comparisons instead of class-validator's
 * reflection over decorators on every request (90–190 µs of a rating PUT in the cost table). The answer
 * is the global ValidationPipe's for the same rules, field for field and message for message: unknown
 * fields first, then scores (each criterion required and an integer 1..5, shared scoreProblem), the
 * verdict, the comment (bounded here; its own rules run after normalisation) and the groups. Returns the
 * fields in error, or null.
 */
export function ratingBodyCheck(criteria: readonly Criterion[]): (body: unknown) => Record<string, string> | null {
  const keys = criteria.map((c) => c.key as string);
  const scoreKeys = new Set(keys);
  const fieldNames = new Set(['scores', 'verdict', 'comment', 'groups']);

  const unknownFields = (o: Record<string, unknown>, known: Set<string>, prefix: string, out: Record<string, string>) => {
    for (const k of Object.keys(o)) if (!known.has(k)) out[prefix + k] = M.whitelistValidation;
  };
  const checkScores = (s: Record<string, unknown>, path: string, out: Record<string, string>) => {
    unknownFields(s, scoreKeys, `${path}.`, out);
    for (const k of keys) {
      const v = s[k];
      if (v === undefined || v === null) out[`${path}.${k}`] = M.isDefined;
      else {
        const problem = scoreProblem(v);
        if (problem) out[`${path}.${k}`] = problem;
      }
    }
  };

  return (input) => {
    // A body that is not an object is read as an empty one: every required field missing (an array's
    // items are unknown fields).
    const body = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
    const out: Record<string, string> = {};
    unknownFields(body, fieldNames, '', out);

    const { scores, verdict, comment, groups } = body;
    if (scores === undefined || scores === null) out.scores = M.isDefined;
    else if (isPlainObject(scores)) checkScores(scores, 'scores', out);
    else {
      out.scores = M.isObject;
      // An array's items are each checked as a scores object (arrays within it item by item).
      const nested = (item: unknown, path: string): void => {
        if (Array.isArray(item)) item.forEach((x, i) => nested(x, `${path}.${i}`));
        else if (isPlainObject(item)) checkScores(item, path, out);
        else out[path] = M.nestedValidation;
      };
      if (Array.isArray(scores)) nested(scores, 'scores');
    }
    if (!isIn(verdict, VERDICT_KEYS)) out.verdict = M.isIn;
    // Left out is fine; null is not (common/validation.ts Optional). The first failing rule names the
    // message, in the order the DTO declared them.
    if (comment !== undefined && !maxLength(comment, 2000)) out.comment = M.maxLength;
    else if (comment !== undefined && typeof comment !== 'string') out.comment = M.isString;
    if (groups !== undefined) {
      const items = Array.isArray(groups) ? groups : [groups];
      if (!items.every((g) => isIn(g, MEMBER_GROUP_KEYS))) out.groups = M.isIn;
      else if (!arrayUnique(groups as unknown[])) out.groups = M.arrayUnique;
      else if (!arrayMaxSize(groups, MEMBER_GROUP_KEYS.length)) out.groups = M.arrayMaxSize;
      else if (!isArray(groups)) out.groups = M.isArray;
    }
    return Object.keys(out).length ? out : null;
  };
}

/** The rating PUT's body pipe: the compiled check for shared's criteria list; 400 VALIDATION_FAILED with the fields. */
@Injectable()
export class RatingBodyPipe implements PipeTransform<unknown, RatingBody> {
  private readonly check = ratingBodyCheck(CRITERIA);

  transform(body: unknown): RatingBody {
    const fields = this.check(body);
    if (fields) throw invalid(fields);
    return body as RatingBody;
  }
}
