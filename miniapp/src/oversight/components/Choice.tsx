import { Button, View } from '@tarojs/components'
import { a11y } from '../../utils/a11y'

interface Option<K extends string> {
  key: K
  label: string
}

/** A row of buttons of which one is chosen (sort keys, levels, kinds). ids: `${id}-${key}`. */
export default function Choice<K extends string>({ id, label, options, value, onChange }: { id: string; label: string; options: Array<Option<K>>; value: K | null; onChange: (key: K) => void }) {
  return (
    <View className='ov-choice' id={id} {...a11y({ role: 'radiogroup', label })}>
      {options.map((o) => (
        <Button
          key={o.key}
          id={`${id}-${o.key}`}
          className={`ov-choice__option${o.key === value ? ' ov-choice__option--on' : ''}`}
          {...a11y({ role: 'radio', label: o.label, checked: o.key === value })}
          onClick={() => onChange(o.key)}
        >
          {o.label}
        </Button>
      ))}
    </View>
  )
}
