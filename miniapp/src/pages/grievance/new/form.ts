import { grievanceContentProblem, isMainlandMobile, normalizeText, type CreateGrievanceRequest } from '@pingjia/shared';
import type { GrievanceValues, KnownHome } from '../../../services/grievanceDrafts';

type GrievanceField = 'type' | 'topic' | 'content' | 'anonymous' | 'contact' | 'general';
export type GrievanceErrors = Partial<Record<GrievanceField, string>>;

/** Spaces and dashes people type in phone numbers are dropped before the shared check. */
const cleanContact = (contact: string) => contact.replace(/[\s-]/g, '');

export function contactProblem(contact: string): string | null {
  const c = cleanContact(contact);
  if (!c) return null;
  return isMainlandMobile(c) ? null : '请填写 11 位手机号码，如 13800138000；也可以不填';
}

/** What still blocks submitting, in words; null when the form is complete. */
export function grievanceHint(v: GrievanceValues): string | null {
  const parts: string[] = [];
  if (!v.type) parts.push('选择诉求类型');
  if (!v.topic) parts.push('选择诉求事项');
  if (grievanceContentProblem(normalizeText(v.content))) parts.push('填写诉求内容（至少 10 个字）');
  if (v.anonymous === null) parts.push('选择是否匿名');
  if (v.anonymous === false && contactProblem(v.contact)) parts.push('改正联系电话');
  return parts.length ? `请${parts.join('、')}后再提交` : null;
}

/** The request body, or null while something is missing. */
export function grievanceRequestOf(place: KnownHome, v: GrievanceValues, subscribe: boolean): CreateGrievanceRequest | null {
  if (grievanceHint(v) || !v.type || !v.topic || v.anonymous === null) return null;
  const body: CreateGrievanceRequest = {
    ...(place.toOrg ? { orgId: place.homeId } : { homeId: place.homeId }),
    type: v.type,
    topic: v.topic,
    content: normalizeText(v.content),
    anonymous: v.anonymous,
  };
  const contact = cleanContact(v.contact);
  if (!v.anonymous && contact) body.contact = contact;
  if (subscribe) body.subscribe = true;
  return body;
}

/** Places the server's field errors next to their fields. */
export function splitGrievanceErrors(fields: Record<string, string>, fallback: string): GrievanceErrors {
  const out: GrievanceErrors = {};
  for (const [field, reason] of Object.entries(fields)) {
    if (field === 'type' || field === 'topic' || field === 'content' || field === 'anonymous' || field === 'contact') out[field] = reason;
    else out.general = out.general ? `${out.general}；${reason}` : reason;
  }
  if (Object.keys(out).length === 0) out.general = fallback;
  return out;
}
