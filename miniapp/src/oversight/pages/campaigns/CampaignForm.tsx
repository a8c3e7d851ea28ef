import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { chinaDay, type CreateCampaignRequest } from '@pingjia/shared';
import { fieldA11y } from '../../../utils/a11y';
import DateField from '../../components/DateField';
import FieldMessage from '../../components/StaffPage/FieldMessage';
import Notice from '../../components/StaffPage/Notice';
import { InputError, useAction } from '../../components/StaffPage/useAction';
import ActionButton from '../../../components/Form/ActionButton';
import SubmitButton from '../../../components/Form/SubmitButton';

/** China time: a cycle opens at the start of its first day and closes at the end of its last. */
const dayStart = (day: string) => `${day}T00:00:00+08:00`;
const dayEnd = (day: string) => `${day}T23:59:59+08:00`;

export type CampaignFields = Pick<CreateCampaignRequest, 'name' | 'opensAt' | 'closesAt'>;

/**
 * Name and dates of a cycle, for a new one or an edit: days from the date picker, checked here for what
 * can be told before sending (a name, both days, the end not before the start) and by the server for the
 * rest (a start already past for a schedule, an overlap), each message under its field.
 * ids: `<idPrefix>-name`, `-opens`, `-closes`, `-submit`, `-notice`.
 */
export default function CampaignForm({
  idPrefix,
  submitLabel,
  initial,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  submitLabel: string;
  initial?: { name: string; opensAt: string; closesAt: string };
  /** sends the fields (with the attempt's Idempotency-Key: a second click or a retry creates nothing twice); the answer is the notice shown */
  onSubmit: (fields: CampaignFields, idempotencyKey: string) => Promise<string>;
  onCancel?: () => void;
}) {
  const today = chinaDay(Date.now());
  const [name, setName] = useState(initial?.name ?? '');
  const [opens, setOpens] = useState(initial ? chinaDay(initial.opensAt) : '');
  const [closes, setCloses] = useState(initial ? chinaDay(initial.closesAt) : '');
  const { busy, notice, run, fieldError } = useAction();

  const submit = () =>
    run(async (key) => {
      if (name.trim().length < 2) throw new InputError('请填写评议周期名称（至少 2 个字）', 'name');
      if (!opens) throw new InputError('请选择开始日期', 'opensAt');
      if (!closes) throw new InputError('请选择结束日期', 'closesAt');
      if (closes < opens) throw new InputError('结束日期不能早于开始日期', 'closesAt');
      const message = await onSubmit({ name: name.trim(), opensAt: dayStart(opens), closesAt: dayEnd(closes) }, key);
      if (!initial) setName('');
      return message;
    });

  return (
    <View className="campaign-form">
      <Text className="field-label">名称</Text>
      <Input
        id={`${idPrefix}-name`}
        className="text-input"
        {...fieldA11y('评议周期名称')}
        value={name}
        placeholder="如：2026年度会员评家"
        onInput={(e) => setName(e.detail.value)}
      />
      <FieldMessage id={`error-${idPrefix}-name`} text={fieldError('name')} />
      <DateField id={`${idPrefix}-opens`} label="开始日期" value={opens} start={today} error={fieldError('opensAt')} onChange={setOpens} />
      <DateField
        id={`${idPrefix}-closes`}
        label="结束日期（含当天）"
        value={closes}
        start={opens || today}
        error={fieldError('closesAt')}
        onChange={setCloses}
      />
      <View className="ov-actions">
        <SubmitButton id={`${idPrefix}-submit`} label={submitLabel} busy={busy} onClick={submit} />
        {onCancel && <ActionButton id={`${idPrefix}-cancel`} className="btn btn--secondary" label="不修改了" onClick={onCancel} />}
      </View>
      <Notice id={`${idPrefix}-notice`} text={notice?.text ?? null} error={notice?.error} />
    </View>
  );
}
