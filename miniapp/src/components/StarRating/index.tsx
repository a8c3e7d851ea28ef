import { Text, View } from '@tarojs/components';
import { SCORE_LABELS, SCORE_MAX, SCORE_MIN, type Criterion } from '@pingjia/shared';
import { a11y } from '../../utils/a11y';
import './index.less';

interface Props {
  criterion: Criterion;
  value: number | undefined;
  error?: string;
  onChange: (score: number) => void;
}

const SCORES = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i);

/** One criterion card: label, hint and five stars (ids star-<key>-<n>). */
export default function StarRating({ criterion, value, error, onChange }: Props) {
  const { key, label, hint } = criterion;
  return (
    <View className="criterion card" id={`criterion-${key}`}>
      <Text className="criterion__label">{label}</Text>
      <Text className="criterion__hint">{hint}</Text>
      <View className="criterion__stars" {...a11y({ role: 'radiogroup', label: `${label}评分` })}>
        {SCORES.map((n) => {
          const on = value !== undefined && n <= value;
          return (
            <View
              key={n}
              id={`star-${key}-${n}`}
              className={`criterion__star${on ? ' criterion__star--on' : ''}`}
              {...a11y({ role: 'radio', label: `${label} ${n} 分，${SCORE_LABELS[n]}`, checked: value === n })}
              onClick={() => onChange(n)}
            >
              {on ? '★' : '☆'}
            </View>
          );
        })}
      </View>
      <Text className="criterion__score" id={`score-${key}`}>
        {value ? `${value} 分 · ${SCORE_LABELS[value]}` : '请点击星星评分'}
      </Text>
      {error && (
        <Text className="field-error" id={`error-${key}`}>
          {error}
        </Text>
      )}
    </View>
  );
}
