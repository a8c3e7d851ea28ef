import {
  GRIEVANCE_TYPE_LABELS,
  GRIEVANCE_TYPES,
  HANDLER_LEVEL_LABELS,
  HANDLER_LEVELS,
  THRESHOLD_LABELS,
  type ProvinceSettings,
  type Thresholds,
} from '@pingjia/shared';

// The settings form: one text box per setting, keyed by the same path the server's field errors use
// ('thresholds.minSlice'). Rates are typed as percentages and kept in basis points.

export interface SettingField {
  path: string;
  label: string;
  unit: '%' | '人' | '个工作日' | '天';
  /** empty means "never" (escalation) */
  optional?: boolean;
}

const PERCENT: Array<keyof Thresholds> = [
  'qualifiedBp',
  'advancedBp',
  'modelBp',
  'nationalSatisfactionBp',
  'nationalMembershipBp',
  'validParticipationBp',
];

export const THRESHOLD_FIELDS: SettingField[] = [
  ...PERCENT.map((k) => ({ path: `thresholds.${k}`, label: THRESHOLD_LABELS[k], unit: '%' as const })),
  { path: 'thresholds.minSlice', label: THRESHOLD_LABELS.minSlice, unit: '人' },
  { path: 'thresholds.minComments', label: THRESHOLD_LABELS.minComments, unit: '人' },
];

export const LIMIT_FIELDS: SettingField[] = [
  { path: 'grievances.acceptDays', label: '受理时限', unit: '个工作日' },
  ...GRIEVANCE_TYPES.map((t) => ({
    path: `grievances.finalDays.${t}`,
    label: `${GRIEVANCE_TYPE_LABELS[t]}：办理时限`,
    unit: '个工作日' as const,
  })),
  { path: 'grievances.maxExtensionDays', label: '每轮最长延期', unit: '个工作日' },
  { path: 'grievances.autoCloseDays', label: '办结后职工未评价，自动结案', unit: '个工作日' },
];

export const RECTIFICATION_FIELDS: SettingField[] = [{ path: 'rectification.planDays', label: '评议结束后提交整改方案的期限', unit: '天' }];

export const LEVEL_FIELDS: Array<{ level: string; title: string; fields: SettingField[] }> = HANDLER_LEVELS.map((level) => ({
  level,
  title: HANDLER_LEVEL_LABELS[level],
  fields: [
    { path: `grievances.levels.${level}.remindAfterDays`, label: '超期后催办', unit: '个工作日' as const },
    ...(level === 'province'
      ? []
      : [
          {
            path: `grievances.levels.${level}.escalateAfterDays`,
            label: '超期后转上级（留空：不转）',
            unit: '个工作日' as const,
            optional: true,
          },
        ]),
    ...(level === 'home'
      ? []
      : [{ path: `grievances.levels.${level}.handleDays`, label: '转到本级后的办理时限', unit: '个工作日' as const }]),
  ],
}));

const isPercent = (path: string) => PERCENT.some((k) => path === `thresholds.${k}`);

function leaves(value: unknown, at: string, out: Record<string, string>): Record<string, string> {
  if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) leaves(v, at ? `${at}.${k}` : k, out);
  else out[at] = value === null ? '' : isPercent(at) ? String((value as number) / 100) : String(value);
  return out;
}

/** Settings as the form's text boxes. */
export const toForm = (s: ProvinceSettings): Record<string, string> => leaves(s, '', {});

/** The form's text as settings (what cannot be read as a number stays NaN, and the shared check names it). */
export function fromForm(base: ProvinceSettings, form: Record<string, string>): ProvinceSettings {
  const out = JSON.parse(JSON.stringify(base)) as ProvinceSettings;
  for (const [path, text] of Object.entries(form)) {
    const keys = path.split('.');
    let at = out as unknown as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
    const raw = text.trim();
    const n = raw === '' ? Number.NaN : Number(raw);
    const last = keys[keys.length - 1];
    if (last === 'escalateAfterDays' && raw === '') at[last] = null;
    else at[last] = isPercent(path) ? Math.round(n * 100) : n;
  }
  return out;
}

/** The fields whose value differs from the saved one, by label (for the confirmation). */
export function changedLabels(saved: Record<string, string>, form: Record<string, string>): string[] {
  const all = [
    ...THRESHOLD_FIELDS,
    ...LIMIT_FIELDS,
    ...RECTIFICATION_FIELDS,
    ...LEVEL_FIELDS.flatMap((l) => l.fields.map((f) => ({ ...f, label: `${l.title}：${f.label}` }))),
  ];
  const unit = (f: SettingField) => (f.unit === '%' ? '%' : '');
  return all
    .filter((f) => (saved[f.path] ?? '') !== (form[f.path] ?? '').trim())
    .map(
      (f) =>
        `${f.label} ${saved[f.path] ? saved[f.path] + unit(f) : '不转'} → ${form[f.path].trim() ? form[f.path].trim() + unit(f) : '不转'}`,
    );
}
