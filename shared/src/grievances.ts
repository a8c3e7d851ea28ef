import { isBlankText, textLength } from './text';

export const GRIEVANCE_TYPES = ['enquiry', 'help', 'complaint', 'legal_aid', 'suggestion'] as const;
export type GrievanceType = (typeof GRIEVANCE_TYPES)[number];
export const GRIEVANCE_TYPE_LABELS: Record<GrievanceType, string> = {
  enquiry: '咨询',
  help: '求助',
  complaint: '投诉',
  legal_aid: '法律援助',
  suggestion: '建议',
};

export const GRIEVANCE_TOPICS = ['wages', 'contract', 'hours', 'insurance', 'safety', 'agency', 'union', 'other'] as const;
export type GrievanceTopic = (typeof GRIEVANCE_TOPICS)[number];
export const GRIEVANCE_TOPIC_LABELS: Record<GrievanceTopic, string> = {
  wages: '工资报酬',
  contract: '劳动合同',
  hours: '工时休假',
  insurance: '社会保险',
  safety: '劳动安全卫生',
  agency: '劳务派遣',
  union: '工会工作',
  other: '其他',
};

/** A grievance about the union or its chair goes to the level above, never to that chair. */
export function routesToUpperLevel(topic: GrievanceTopic): boolean {
  return topic === 'union';
}

export const GRIEVANCE_CONTENT_MIN = 10;
export const GRIEVANCE_CONTENT_MAX = 2000;
export const GRIEVANCE_MESSAGE_MAX = 1000;
export const GRIEVANCE_FEEDBACK_MAX = 500;

/** Why grievance text is refused, in Chinese; null when fine. Takes normalised text (normalizeText). */
export function grievanceContentProblem(normalized: string): string | null {
  if (isBlankText(normalized)) return '请填写诉求内容';
  const n = textLength(normalized);
  if (n < GRIEVANCE_CONTENT_MIN) return `诉求内容至少 ${GRIEVANCE_CONTENT_MIN} 个字`;
  if (n > GRIEVANCE_CONTENT_MAX) return `诉求内容不能超过 ${GRIEVANCE_CONTENT_MAX} 个字`;
  return null;
}

/**
 * Where a grievance goes (filing it, or asking its limits): a home, or straight to a federation where the
 * workplace has none: exactly one of the two. Why not, in Chinese (the homeId field's message); null when fine.
 */
export function grievancePlaceProblem(place: { homeId?: string; orgId?: string }): string | null {
  return (place.homeId === undefined) === (place.orgId === undefined) ? '请选择职工之家，或选择直接向工会反映' : null;
}

/** A mainland China mobile number: 11 digits starting 13–19. */
export function isMainlandMobile(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone);
}

// Tracking codes: 20 characters of Crockford's base32 (no I, L, O, U), 100 random bits.
export const TRACKING_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TRACKING_CODE_LENGTH = 20;

/** What a person typed or pasted, as the code is stored: upper case, no spaces or dashes, O→0, I/L→1. */
export function normalizeTrackingCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function isTrackingCode(code: string): boolean {
  return code.length === TRACKING_CODE_LENGTH && [...code].every((c) => TRACKING_CODE_ALPHABET.includes(c));
}

/** "ABCD-EFGH-JKMN-PQRS-TVWX" for reading aloud or writing down. */
export function formatTrackingCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}
