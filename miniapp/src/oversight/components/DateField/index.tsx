import { Picker, Text, View } from '@tarojs/components';
import { formatChinaDate } from '@pingjia/shared';
import { a11y } from '../../../utils/a11y';
import FieldMessage from '../StaffPage/FieldMessage';
import './index.less';

/**
 * A day chosen with the platform's date picker (Taro Picker mode="date": WeChat's own wheel on weapp,
 * Taro's wheel on H5), never typed. `value` is a China calendar day, 2026-12-01; the picker opens on it,
 * or on `start` when empty. ids: `<id>` (the tappable field), `<id>-value`, `error-<id>`.
 */
export default function DateField({
  id,
  label,
  value,
  start,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  /** the earliest day offered */
  start?: string;
  error?: string;
  onChange: (day: string) => void;
}) {
  const shown = value ? formatChinaDate(`${value}T12:00:00+08:00`) : '请选择日期';
  return (
    <View className="date-field">
      <Text className="field-label">{label}</Text>
      <Picker mode="date" value={value || start || ''} start={start} onChange={(e) => onChange(String(e.detail.value))}>
        <View
          className={`text-input date-field__value${value ? '' : ' date-field__value--empty'}`}
          id={id}
          {...a11y({ role: 'button', label: `${label}：${shown}，点按选择日期` })}
        >
          <Text id={`${id}-value`}>{shown}</Text>
        </View>
      </Picker>
      <FieldMessage id={`error-${id}`} text={error} />
    </View>
  );
}
