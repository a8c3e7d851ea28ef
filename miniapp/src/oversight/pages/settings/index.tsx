import { useState } from 'react';
import SubmitButton from '../../../components/Form/SubmitButton';
import './index.less';
import { useRouter } from '@tarojs/taro';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import {
  arrangementProblems,
  CALENDAR_KIND_LABELS,
  missingArrangementText,
  parseArrangementTable,
  provinceSettingsProblems,
  type ArrangementDay,
  type CalendarYears,
  type ProvinceSettingsView,
} from '@pingjia/shared';
import { useResource } from '../../../hooks/useResource';
import { getCalendarYears, getProvinceSettings, importHolidayArrangement, saveProvinceSettings } from '../../../services/oversight';
import { a11y, fieldA11y, heading } from '../../../utils/a11y';
import { formatDate } from '../../../utils/format';
import { param } from '../../../utils/url';
import { pickTextFile } from '../../lib/files';
import { FederationNav } from '../../components/Nav';
import StaffPage, { STAFF_PAGE } from '../../components/StaffPage';
import FieldMessage from '../../components/StaffPage/FieldMessage';
import Notice from '../../components/StaffPage/Notice';
import { InputError, useAction } from '../../components/StaffPage/useAction';
import {
  changedLabels,
  fromForm,
  LEVEL_FIELDS,
  LIMIT_FIELDS,
  RECTIFICATION_FIELDS,
  THRESHOLD_FIELDS,
  toForm,
  type SettingField,
} from './form';

const fieldId = (path: string) => `setting-${path.replace(/\./g, '-')}`;
const SOURCE_LABELS = { list: '已内置', import: '已导入' } as const;

/** The province's settings (thresholds, suppression sizes, grievance limits) and its holiday calendar. */
export default function SettingsPage() {
  const { params } = useRouter();
  const orgId = param(params.orgId);
  const { state, update, reload } = useResource(
    async () => {
      const [settings, calendar] = await Promise.all([getProvinceSettings(orgId), getCalendarYears(orgId)]);
      return { settings, calendar };
    },
    [orgId],
    STAFF_PAGE,
  );

  return (
    <StaffPage title="省级设置" wide state={state} onReload={reload} nav={<FederationNav active="settings" orgId={orgId} />}>
      {({ settings, calendar }) => (
        <>
          <SettingsForm view={settings} onSaved={(v) => update((d) => ({ ...d, settings: v }))} />
          <HolidayImport calendar={calendar} onImported={(c) => update((d) => ({ ...d, calendar: c }))} />
        </>
      )}
    </StaffPage>
  );
}

function SettingsForm({ view, onSaved }: { view: ProvinceSettingsView; onSaved: (v: ProvinceSettingsView) => void }) {
  const saved = toForm(view.settings);
  const [form, setForm] = useState(saved);
  const [confirming, setConfirming] = useState<string[] | null>(null);
  const { busy, notice, run, setNotice, fieldError } = useAction();
  const readOnly = !view.editable;

  const review = () => {
    // The shared check first, field by field; then the confirmation names what will change.
    const problems = provinceSettingsProblems(fromForm(view.settings, form));
    if (Object.keys(problems).length) {
      setConfirming(null);
      setNotice({ text: '有设置不符合要求，请按提示修改', error: true, fields: problems });
      return;
    }
    const changes = changedLabels(saved, form);
    if (!changes.length) return setNotice({ text: '没有修改任何设置' });
    setNotice(null);
    setConfirming(changes);
  };

  const save = () =>
    run(async () => {
      const next = await saveProvinceSettings(view.provinceId, fromForm(view.settings, form));
      setConfirming(null);
      onSaved(next);
      return '设置已保存：此后开始的评议周期和新提交的诉求将按新设置执行';
    });

  const field = (f: SettingField) => (
    <View key={f.path} className="settings__field">
      <Text className="field-label">
        {f.label}（{f.unit}）
      </Text>
      <Input
        id={fieldId(f.path)}
        className="text-input"
        type="digit"
        disabled={readOnly}
        {...fieldA11y(`${f.label}，单位${f.unit}`)}
        value={form[f.path] ?? ''}
        placeholder={f.optional ? '不转' : ''}
        onInput={(e) => {
          setConfirming(null);
          setForm((old) => ({ ...old, [f.path]: e.detail.value }));
        }}
      />
      <FieldMessage id={`error-${fieldId(f.path)}`} text={fieldError(f.path)} />
    </View>
  );

  return (
    <View className="card" id="settings-form">
      <Text className="ov-section" {...heading(2)}>
        {view.provinceName}的设置
      </Text>
      <Text className="ov-sub">
        保存后，新设置适用于此后开始的评议周期和新提交的诉求；已开始、已结束和已公布的评议周期保持开始时的设置，结果不会改变。
        {view.updatedAt ? `最近修改：${formatDate(view.updatedAt)}。` : '目前使用默认设置。'}
        {readOnly ? '只有省总工会管理员可以修改。' : ''}
      </Text>
      <Text className="title">称号与有效参评</Text>
      {THRESHOLD_FIELDS.slice(0, 6).map(field)}
      <Text className="title">隐私保护（不少于 5 人 / 10 人）</Text>
      {THRESHOLD_FIELDS.slice(6).map(field)}
      <Text className="title">整改</Text>
      {RECTIFICATION_FIELDS.map(field)}
      <Text className="title">维权诉求时限</Text>
      {LIMIT_FIELDS.map(field)}
      <Text className="title">逐级催办与转办</Text>
      {LEVEL_FIELDS.map((l) => (
        <View key={l.level} className="settings__level">
          <Text className="ov-sub">{l.title}</Text>
          {l.fields.map(field)}
        </View>
      ))}
      {!readOnly && !confirming && <SubmitButton id="settings-review" label="保存设置" busy={busy} onClick={review} />}
      {confirming && (
        <View className="callout" id="settings-confirm" {...a11y({ role: 'region', label: '确认保存设置' })}>
          <Text className="note">将修改以下设置，适用于此后开始的评议周期和新提交的诉求（已开始的周期不变）：</Text>
          {confirming.map((c) => (
            <Text key={c} className="note">
              · {c}
            </Text>
          ))}
          <View className="ov-actions">
            <SubmitButton id="settings-save" label="确认保存" busy={busy} onClick={save} />
            <Button id="settings-cancel" className="btn btn--secondary" disabled={busy} onClick={() => setConfirming(null)}>
              取消
            </Button>
          </View>
        </View>
      )}
      <Notice id="settings-notice" text={notice?.text ?? null} error={notice?.error} />
    </View>
  );
}

function HolidayImport({ calendar, onImported }: { calendar: CalendarYears; onImported: (c: CalendarYears) => void }) {
  const next = calendar.items[calendar.items.length - 1]?.year;
  const [year, setYear] = useState(String(calendar.missingYear ?? next ?? ''));
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<ArrangementDay[] | null>(null);
  const { busy, notice, run, setNotice, fieldError } = useAction();

  const check = () => {
    setPreview(null);
    const y = Number(year);
    if (!Number.isInteger(y) || y < 2000 || y > 2100)
      return setNotice({ text: '请填写年份，如 2027', error: true, fields: { year: '请填写年份，如 2027' } });
    const parsed = parseArrangementTable(text);
    // The server's check (shared) before anything is sent: days in the year, no duplicates, make-up days on weekends.
    const problems = Object.keys(parsed.problems).length || !parsed.days.length ? parsed.problems : arrangementProblems(y, parsed.days);
    if (Object.keys(problems).length || !parsed.days.length) {
      const message = Object.values(problems).join('；') || '请粘贴或上传放假安排：每行一天，“日期,放假/上班,备注”';
      return setNotice({ text: message, error: true, fields: { days: message } });
    }
    const days = parsed.days;
    setNotice(null);
    setPreview(days);
  };

  const save = () =>
    run(async () => {
      if (!preview) throw new InputError('请先检查放假安排', 'days');
      const result = await importHolidayArrangement(calendar.provinceId, Number(year), preview);
      setPreview(null);
      setText('');
      onImported(result);
      return `${year} 年放假安排已导入：放假 ${preview.filter((d) => d.kind === 'holiday').length} 天，调休上班 ${preview.filter((d) => d.kind === 'workday').length} 天；办理中诉求的期限已按新安排重新计算`;
    });

  // The server names bad rows as days.N: shown with the table.
  const rowErrors = Object.entries(notice?.fields ?? {})
    .filter(([k]) => k.startsWith('days.'))
    .map(([, v]) => v);

  return (
    <View className="card" id="calendar-import">
      <Text className="ov-section" {...heading(2)}>
        法定节假日安排
      </Text>
      {calendar.missingYear !== null && (
        <View className="callout callout--error" id="calendar-warning" {...a11y({ role: 'alert' })}>
          {missingArrangementText(calendar.missingYear)}
        </View>
      )}
      {calendar.items.map((y) => (
        <Text key={y.year} className="ov-sub" id={`calendar-year-${y.year}`}>
          {y.year} 年：
          {y.source
            ? `${SOURCE_LABELS[y.source]}（放假 ${y.holidays} 天，调休上班 ${y.workdays} 天${y.importedAt ? `，${formatDate(y.importedAt)}导入` : ''}）`
            : '未导入，期限暂按周一至周五计算'}
        </Text>
      ))}
      {calendar.editable ? (
        <>
          <Text className="ov-sub">
            按国务院办公厅公布的通知填写，每行一天：日期,放假 或 上班,备注（可选）。导入会替换本省该年已有的日历设置。
          </Text>
          <Text className="field-label">年份</Text>
          <Input
            id="calendar-year"
            className="text-input"
            type="number"
            {...fieldA11y('年份')}
            value={year}
            onInput={(e) => {
              setPreview(null);
              setYear(e.detail.value.trim());
            }}
          />
          <FieldMessage id="error-calendar-year" text={fieldError('year')} />
          <Text className="field-label">放假安排</Text>
          <Textarea
            id="calendar-text"
            className="text-input settings__table"
            maxlength={10000}
            {...fieldA11y('放假安排，每行一天')}
            value={text}
            placeholder={'2027-01-01,放假,元旦\n2027-02-06,上班,春节调休'}
            onInput={(e) => {
              setPreview(null);
              setText(e.detail.value);
            }}
          />
          <FieldMessage id="error-calendar-text" text={fieldError('days') ?? (rowErrors.length ? rowErrors.join('；') : undefined)} />
          <View className="ov-actions">
            <Button
              id="calendar-upload"
              className="btn btn--secondary"
              disabled={busy}
              onClick={async () => {
                const file = await pickTextFile();
                if (file !== null) {
                  setPreview(null);
                  setText(file);
                }
              }}
            >
              上传 CSV 文件
            </Button>
            <Button id="calendar-check" className="btn btn--secondary" disabled={busy} onClick={check}>
              检查
            </Button>
          </View>
          {preview && (
            <View className="callout" id="calendar-confirm" {...a11y({ role: 'region', label: '确认导入' })}>
              <Text className="note">
                {year} 年共 {preview.length} 天：放假 {preview.filter((d) => d.kind === 'holiday').length} 天，调休上班{' '}
                {preview.filter((d) => d.kind === 'workday').length} 天。导入后，新计算的办理期限按此安排执行。
              </Text>
              {preview.slice(0, 40).map((d) => (
                <Text key={d.day} className="note">
                  {d.day} {CALENDAR_KIND_LABELS[d.kind]} {d.note ?? ''}
                </Text>
              ))}
              <View className="ov-actions">
                <SubmitButton id="calendar-save" label={`确认导入 ${year} 年放假安排`} text="确认导入" busy={busy} onClick={save} />
                <Button id="calendar-cancel" className="btn btn--secondary" disabled={busy} onClick={() => setPreview(null)}>
                  取消
                </Button>
              </View>
            </View>
          )}
        </>
      ) : (
        <Text className="ov-sub">放假安排由省总工会管理员导入。</Text>
      )}
      <Notice id="calendar-notice" text={notice?.text ?? null} error={notice?.error} />
    </View>
  );
}
