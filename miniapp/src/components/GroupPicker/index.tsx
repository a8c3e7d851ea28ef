import { Text, View } from '@tarojs/components';
import { MEMBER_GROUP_KEYS, MEMBER_GROUP_LABELS, type MemberGroup } from '@pingjia/shared';
import { a11y } from '../../utils/a11y';
import './index.less';

interface Props {
  value: MemberGroup[];
  error?: string;
  onChange: (groups: MemberGroup[]) => void;
}

/** Optional, self-declared groups (PIPL): chips with ids group-<key>, none ticked by default. */
export default function GroupPicker({ value, error, onChange }: Props) {
  const toggle = (key: MemberGroup) =>
    onChange(value.includes(key) ? value.filter((g) => g !== key) : MEMBER_GROUP_KEYS.filter((g) => g === key || value.includes(g)));
  return (
    <View className="groups card" id="groups">
      <Text className="title">您的职工身份（选填，可多选）</Text>
      <Text className="note" id="groups-why">
        用于了解农民工、女职工等群体对职工之家的感受。不填不影响评议；人数太少的群体不单独统计，不会显示到个人。
      </Text>
      <View className="groups__chips" {...a11y({ role: 'group', label: '职工身份（选填）' })}>
        {MEMBER_GROUP_KEYS.map((key) => {
          const on = value.includes(key);
          return (
            <View
              key={key}
              id={`group-${key}`}
              className={`groups__chip${on ? ' groups__chip--on' : ''}`}
              {...a11y({ role: 'checkbox', label: MEMBER_GROUP_LABELS[key], checked: on })}
              onClick={() => toggle(key)}
            >
              {on ? `✓ ${MEMBER_GROUP_LABELS[key]}` : MEMBER_GROUP_LABELS[key]}
            </View>
          );
        })}
      </View>
      {error && (
        <Text className="field-error" id="error-groups">
          {error}
        </Text>
      )}
    </View>
  );
}
