import { Text, View } from '@tarojs/components'
import { VERDICT_KEYS, VERDICT_LABELS, type Verdict } from '@pingjia/shared'
import { a11y } from '../../utils/a11y'
import './index.less'

interface Props {
  value: Verdict | undefined
  error?: string
  onChange: (verdict: Verdict) => void
}

/** The overall verdict: three options with ids verdict-<key>. */
export default function VerdictPicker({ value, error, onChange }: Props) {
  return (
    <View className='verdict card'>
      <Text className='verdict__title'>总体评价</Text>
      <View className='verdict__options' {...a11y({ role: 'radiogroup', label: '总体评价' })}>
        {VERDICT_KEYS.map((key) => (
          <View
            key={key}
            id={`verdict-${key}`}
            className={`verdict__option${value === key ? ' verdict__option--on' : ''}`}
            {...a11y({ role: 'radio', label: VERDICT_LABELS[key], checked: value === key })}
            onClick={() => onChange(key)}
          >
            {VERDICT_LABELS[key]}
          </View>
        ))}
      </View>
      {error && <Text className='field-error' id='error-verdict'>{error}</Text>}
    </View>
  )
}
