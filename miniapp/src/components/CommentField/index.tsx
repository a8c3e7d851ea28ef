import { Text, View } from '@tarojs/components';
import { COMMENT_MAX, commentProblem, normalizeText } from '@pingjia/shared';
import CountedTextarea from '../CountedTextarea';

interface Props {
  value: string;
  error?: string;
  onChange: (comment: string) => void;
}

/** The optional comment with a live count, measured as the server measures it (shared textLength). */
export default function CommentField({ value, error, onChange }: Props) {
  const shown = error ?? commentProblem(normalizeText(value)) ?? undefined;
  return (
    <View className="card comment">
      <Text className="title">意见建议（选填）</Text>
      <CountedTextarea
        id="comment"
        label="意见建议（选填）"
        placeholder="您对职工之家有什么意见或建议？"
        value={value}
        max={COMMENT_MAX}
        onInput={onChange}
      />
      {shown && (
        <Text className="field-error" id="error-comment">
          {shown}
        </Text>
      )}
    </View>
  );
}
