import { Text, View } from '@tarojs/components';
import { a11y } from '../../utils/a11y';
import './index.less';

export interface Choice<K extends string> {
  key: K;
  label: string;
  /** a line under the label saying what the choice means; read out with it */
  hint?: string;
}

interface Props<K extends string> {
  /** options get ids `${idPrefix}-${key}` */
  idPrefix: string;
  title: string;
  choices: Array<Choice<K>>;
  value: K | null | undefined;
  onChange: (key: K) => void;
  error?: string;
  /** 'list': one option per row with its hint (long labels); 'chips': a wrapping grid; 'pills': a compact
   *  row of buttons (sort keys, levels, cycles on the oversight pages) */
  layout?: 'list' | 'chips' | 'pills';
}

/** A single choice as tappable options (radio group), for lists too short to need a picker. */
export default function ChoiceGroup<K extends string>({ idPrefix, title, choices, value, onChange, error, layout = 'chips' }: Props<K>) {
  return (
    <View className="choice">
      <Text className="field-label choice__title" id={`${idPrefix}-title`}>
        {title}
      </Text>
      <View className={`choice__options choice__options--${layout}`} {...a11y({ role: 'radiogroup', label: title })}>
        {choices.map((c) => {
          const on = value === c.key;
          return (
            <View
              key={c.key}
              id={`${idPrefix}-${c.key}`}
              className={`choice__option${on ? ' choice__option--on' : ''}`}
              {...a11y({ role: 'radio', label: c.hint ? `${c.label}：${c.hint}` : c.label, checked: on })}
              onClick={() => onChange(c.key)}
            >
              <Text className="choice__label">{on ? `✓ ${c.label}` : c.label}</Text>
              {c.hint && <Text className="choice__hint">{c.hint}</Text>}
            </View>
          );
        })}
      </View>
      {error && (
        <Text className="field-error" id={`error-${idPrefix}`}>
          {error}
        </Text>
      )}
    </View>
  );
}
