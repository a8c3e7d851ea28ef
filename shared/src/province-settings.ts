// Province settings (issue 18): the figures a province sets for itself — title thresholds, the validity
// line, the suppression sizes, grievance time limits and the reminder/escalation steps per level. A
// campaign takes a copy of its province's settings when it opens (frozen), and every figure of that
// cycle is computed from the copy, so a later change never moves a past result. Defaults are the
// values the product had hard-wired before settings existed.
import { GRIEVANCE_TYPES, GRIEVANCE_TYPE_LABELS, type GrievanceType } from './grievances';
import { GRIEVANCE_ACCEPT_DAYS, GRIEVANCE_FINAL_LIMITS, GRIEVANCE_MAX_EXTENSION_DAYS } from './grievance-workflow';
import type { GrievanceLimits } from './grievance-api';
import { RECTIFICATION_PLAN_DAYS } from './rectification';
import { DEFAULT_THRESHOLDS, type Thresholds } from './scoring';

/** Who holds a grievance: the home's chair, then each federation level above it, up to the province. */
export const HANDLER_LEVELS = ['home', 'street', 'county', 'city', 'province'] as const;
export type HandlerLevel = (typeof HANDLER_LEVELS)[number];
export const HANDLER_LEVEL_LABELS: Record<HandlerLevel, string> = {
  home: '职工之家（工会主席）',
  street: '街道（园区）工会',
  county: '县（区）总工会',
  city: '市总工会',
  province: '省总工会',
};

/** What happens at one level when a limit runs out there (all in working days). */
export interface EscalationStep {
  /** working days after the limit ran out before the handler gets a reminder (催办); 0 = that day */
  remindAfterDays: number;
  /** working days after the limit ran out before it goes up one level; null = it stays (always null for the province) */
  escalateAfterDays: number | null;
  /** the new limit this level gets when a grievance is escalated to it (unused for the home) */
  handleDays: number;
}

export interface GrievanceSettings {
  /** accept (受理) within this many working days */
  acceptDays: number;
  /** the last limit per type: answer (enquiry, suggestion) or resolve (the rest) */
  finalDays: Record<GrievanceType, number>;
  /** an extension adds at most this many working days, once per round */
  maxExtensionDays: number;
  /** a resolved grievance the worker never rates closes itself after this many working days */
  autoCloseDays: number;
  levels: Record<HandlerLevel, EscalationStep>;
}

/** 整改 follow-up after a cycle closes. */
export interface RectificationSettings {
  /** calendar days after the cycle's closing day by which a home posts its rectification plan */
  planDays: number;
}

export interface ProvinceSettings {
  thresholds: Thresholds;
  grievances: GrievanceSettings;
  rectification: RectificationSettings;
}

// The floors the privacy rules never go below, whatever a province sets (domain README).
export const MIN_SLICE_FLOOR = 5;
export const MIN_COMMENTS_FLOOR = 10;
export const MAX_LIMIT_DAYS = 60;
/** the latest a rectification plan may be due: half a year after the close */
export const MAX_PLAN_DAYS = 180;

const finalDays = Object.fromEntries(GRIEVANCE_TYPES.map((t) => [t, GRIEVANCE_FINAL_LIMITS[t].days])) as Record<GrievanceType, number>;

export const DEFAULT_PROVINCE_SETTINGS: ProvinceSettings = {
  thresholds: { ...DEFAULT_THRESHOLDS },
  grievances: {
    acceptDays: GRIEVANCE_ACCEPT_DAYS,
    finalDays,
    maxExtensionDays: GRIEVANCE_MAX_EXTENSION_DAYS,
    autoCloseDays: 7,
    // Today: a reminder as soon as a limit runs out, and the chair's grievance goes up at once.
    levels: {
      home: { remindAfterDays: 0, escalateAfterDays: 0, handleDays: 0 },
      street: { remindAfterDays: 0, escalateAfterDays: 3, handleDays: 5 },
      county: { remindAfterDays: 0, escalateAfterDays: 3, handleDays: 5 },
      city: { remindAfterDays: 0, escalateAfterDays: 3, handleDays: 5 },
      province: { remindAfterDays: 0, escalateAfterDays: null, handleDays: 5 },
    },
  },
  rectification: { planDays: RECTIFICATION_PLAN_DAYS },
};

/** The level above a handler level; null above the province. */
export function levelAbove(level: HandlerLevel): HandlerLevel | null {
  return HANDLER_LEVELS[HANDLER_LEVELS.indexOf(level) + 1] ?? null;
}

/** The final limit of a grievance type under these settings, with its kind (answer or resolve). */
export function finalLimit(s: GrievanceSettings, type: GrievanceType): { kind: 'reply' | 'resolve'; days: number } {
  return { kind: GRIEVANCE_FINAL_LIMITS[type].kind, days: s.finalDays[type] };
}

export const THRESHOLD_LABELS: Record<keyof Thresholds, string> = {
  qualifiedBp: '合格职工之家满意率',
  advancedBp: '先进职工之家满意率',
  modelBp: '模范职工之家满意率',
  nationalSatisfactionBp: '全国模范职工之家满意率',
  nationalMembershipBp: '全国模范职工之家入会率',
  validParticipationBp: '有效参评率',
  minSlice: '显示评分的最少参评人数',
  minComments: '显示留言的最少参评人数',
};

/** The limits a grievance of this province gets, as the app shows them (GrievanceLimits). */
export function grievanceLimits(s: GrievanceSettings): GrievanceLimits {
  return {
    acceptDays: s.acceptDays,
    final: Object.fromEntries(GRIEVANCE_TYPES.map((t) => [t, finalLimit(s, t)])) as GrievanceLimits['final'],
    maxExtensionDays: s.maxExtensionDays,
  };
}

type Problems = Record<string, string>;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

function intIn(out: Problems, field: string, v: unknown, min: number, max: number, what: string): boolean {
  if (isInt(v) && v >= min && v <= max) return true;
  out[field] = `${what}须为 ${min}～${max} 之间的整数`;
  return false;
}

/** A percentage kept in basis points: 1%..100% in whole hundredths of a percent. */
function bpIn(out: Problems, field: string, v: unknown, what: string): boolean {
  if (isInt(v) && v >= 100 && v <= 10000) return true;
  out[field] = `${what}须在 1%～100% 之间`;
  return false;
}

const pct = (bp: number): string => `${bp / 100}%`;

/**
 * Why these settings are refused, by field path ('thresholds.minSlice', 'grievances.levels.city.handleDays');
 * empty when fine. The server and the settings form both ask this.
 */
export function provinceSettingsProblems(s: ProvinceSettings): Problems {
  const out: Problems = {};
  const t = (s?.thresholds ?? {}) as Partial<Thresholds>;
  const tiers = ['qualifiedBp', 'advancedBp', 'modelBp', 'nationalSatisfactionBp'] as const;
  const tiersOk = tiers.map((k) => bpIn(out, `thresholds.${k}`, t[k], THRESHOLD_LABELS[k])).every(Boolean);
  if (tiersOk) {
    for (let i = 1; i < tiers.length; i++) {
      const lower = t[tiers[i - 1]] as number;
      if ((t[tiers[i]] as number) < lower)
        out[`thresholds.${tiers[i]}`] = `${THRESHOLD_LABELS[tiers[i]]}不能低于${THRESHOLD_LABELS[tiers[i - 1]]}（${pct(lower)}）`;
    }
  }
  bpIn(out, 'thresholds.nationalMembershipBp', t.nationalMembershipBp, THRESHOLD_LABELS.nationalMembershipBp);
  bpIn(out, 'thresholds.validParticipationBp', t.validParticipationBp, THRESHOLD_LABELS.validParticipationBp);
  if (!isInt(t.minSlice) || t.minSlice < MIN_SLICE_FLOOR || t.minSlice > 100)
    out['thresholds.minSlice'] = `为保护评议人隐私，不能少于 ${MIN_SLICE_FLOOR} 人（最多 100 人）`;
  if (!isInt(t.minComments) || t.minComments < MIN_COMMENTS_FLOOR || t.minComments > 200)
    out['thresholds.minComments'] = `为保护评议人隐私，不能少于 ${MIN_COMMENTS_FLOOR} 人（最多 200 人）`;

  const g = (s?.grievances ?? {}) as Partial<GrievanceSettings>;
  intIn(out, 'grievances.acceptDays', g.acceptDays, 1, 10, '受理时限');
  for (const type of GRIEVANCE_TYPES)
    intIn(out, `grievances.finalDays.${type}`, g.finalDays?.[type], 1, MAX_LIMIT_DAYS, `${GRIEVANCE_TYPE_LABELS[type]}办理时限`);
  intIn(out, 'grievances.maxExtensionDays', g.maxExtensionDays, 0, MAX_LIMIT_DAYS, '最长延期');
  intIn(out, 'grievances.autoCloseDays', g.autoCloseDays, 1, MAX_LIMIT_DAYS, '未评价自动办结');
  for (const level of HANDLER_LEVELS) {
    const step = g.levels?.[level] as Partial<EscalationStep> | undefined;
    const at = `grievances.levels.${level}`;
    intIn(out, `${at}.remindAfterDays`, step?.remindAfterDays, 0, MAX_LIMIT_DAYS, '催办');
    if (level === 'province') {
      if (step?.escalateAfterDays !== null) out[`${at}.escalateAfterDays`] = '省总工会之上没有上级，不能再上报';
    } else if (step?.escalateAfterDays !== null) {
      intIn(out, `${at}.escalateAfterDays`, step?.escalateAfterDays, 0, MAX_LIMIT_DAYS, '上报');
    }
    if (level === 'home') {
      if (step?.handleDays !== 0) out[`${at}.handleDays`] = '职工之家的时限按诉求类型设置，此处填 0';
    } else intIn(out, `${at}.handleDays`, step?.handleDays, 1, MAX_LIMIT_DAYS, '上级办理时限');
  }
  intIn(out, 'rectification.planDays', s?.rectification?.planDays, 1, MAX_PLAN_DAYS, '整改方案提交期限');
  return out;
}

/**
 * Settings from storage or the wire: only the known fields, each missing one (an older copy, a partial
 * body) filled from the defaults. Check the result with provinceSettingsProblems.
 */
export function withSettingDefaults(s: DeepPartial<ProvinceSettings> | null | undefined): ProvinceSettings {
  const d = DEFAULT_PROVINCE_SETTINGS;
  const pick = <T extends object>(base: T, over: Partial<T> | null | undefined): T =>
    Object.fromEntries(
      Object.keys(base).map((k) => [k, over?.[k as keyof T] !== undefined ? over[k as keyof T] : base[k as keyof T]]),
    ) as T;
  const g = s?.grievances;
  return {
    thresholds: pick(d.thresholds, s?.thresholds),
    grievances: {
      acceptDays: g?.acceptDays ?? d.grievances.acceptDays,
      finalDays: pick(d.grievances.finalDays, g?.finalDays),
      maxExtensionDays: g?.maxExtensionDays ?? d.grievances.maxExtensionDays,
      autoCloseDays: g?.autoCloseDays ?? d.grievances.autoCloseDays,
      levels: Object.fromEntries(HANDLER_LEVELS.map((l) => [l, pick(d.grievances.levels[l], g?.levels?.[l])])) as Record<
        HandlerLevel,
        EscalationStep
      >,
    },
    rectification: pick(d.rectification, s?.rectification),
  };
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> | null : T[K] };

/** GET/PUT /api/orgs/:id/settings: the settings of the province the org lies in. */
export interface ProvinceSettingsView {
  provinceId: string;
  provinceName: string;
  settings: ProvinceSettings;
  defaults: ProvinceSettings;
  /** null while the province uses the defaults */
  updatedAt: string | null;
  /** the caller administers the province and may change them */
  editable: boolean;
}
