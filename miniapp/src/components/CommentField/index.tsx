import { Text, Textarea, View } from '@tarojs/components'
import { COMMENT_MAX, commentProblem, normalizeText, textLength } from '@pingjia/shared'
import { fieldA11y } from '../../utils/a11y'
import './index.less'

interface Props {
  value: string
  error?: string
  onChange: (comment: string) => void
}

/** The optional comment with a live count, measured as the server measures it (shared textLength). */
export default function CommentField({ value, error, onChange }: Props) {
  const normalized = normalizeText(value)
  const count = textLength(normalized)
  const shown = error ?? commentProblem(normalized) ?? undefined
  return (
    <View className='card comment'>
      <Text className='title'>意见建议（选填）</Text>
      <Textarea
        id='comment'
        className='comment__textarea'
        {...fieldA11y('意见建议（选填）')}
        placeholder='您对职工之家有什么意见或建议？'
        value={value}
        maxlength={COMMENT_MAX}
        autoHeight
        onInput={(e) => onChange(e.detail.value)}
      />
      <Text
        className={`comment__count${count > COMMENT_MAX ? ' comment__count--over' : ''}`}
        id='comment-count'
      >
        {count}/{COMMENT_MAX}
      </Text>
      {shown && <Text className='field-error' id='error-comment'>{shown}</Text>}
    </View>
  )
}
