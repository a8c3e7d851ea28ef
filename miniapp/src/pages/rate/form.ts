import { CRITERION_KEYS, isCriterionKey, unscoredCriteria, type CriterionKey, type Scores, type Verdict } from '@pingjia/shared';

export type FormErrors = Partial<Record<CriterionKey | 'verdict' | 'comment' | 'groups' | 'general', string>>;

/** What still blocks submitting, in words; null when the form is complete. */
export function missingHint(scores: Partial<Scores>, verdict: Verdict | null | undefined): string | null {
  const unscored = unscoredCriteria(scores).map((c) => c.label);
  const parts: string[] = [];
  if (unscored.length) parts.push(`请为${unscored.join('、')}评分`);
  if (!verdict) parts.push('请选择总体评价');
  return parts.length ? `${parts.join('；')}后再提交` : null;
}

/** Places the server's field errors (e.g. "scores.rights", "verdict") next to their fields. */
export function splitFieldErrors(fields: Record<string, string>, fallback: string): FormErrors {
  const out: FormErrors = {};
  for (const [field, reason] of Object.entries(fields)) {
    const last = field.split('.').pop() ?? field;
    if (isCriterionKey(last)) out[last] = reason;
    else if (field === 'verdict' || field === 'comment') out[field] = reason;
    else if (field === 'groups' || field.startsWith('groups.')) out.groups = reason;
    else if (field === 'scores') CRITERION_KEYS.forEach((k) => (out[k] = out[k] ?? reason));
    else out.general = out.general ? `${out.general}；${reason}` : reason;
  }
  if (!out.general && Object.keys(out).length === 0) out.general = fallback;
  return out;
}
