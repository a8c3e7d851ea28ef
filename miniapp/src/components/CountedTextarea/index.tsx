import { Text, Textarea } from '@tarojs/components';
import { normalizeText, textLength } from '@pingjia/shared';
import { fieldA11y } from '../../utils/a11y';
import './index.less';

interface Props {
  /** the textarea's id; the count is `${id}-count` */
  id: string;
  label: string;
  value: string;
  max: number;
  placeholder?: string;
  onInput: (value: string) => void;
  onBlur?: () => void;
}

/** A textarea with a live count, measured as the server measures it (normalised, one per character). */
export default function CountedTextarea({ id, label, value, max, placeholder, onInput, onBlur }: Props) {
  const count = textLength(normalizeText(value));
  return (
    <>
      <Textarea
        id={id}
        className="counted__textarea"
        {...fieldA11y(label)}
        placeholder={placeholder}
        value={value}
        maxlength={max}
        autoHeight
        onInput={(e) => onInput(e.detail.value)}
        onBlur={onBlur}
      />
      <Text className={`counted__count${count > max ? ' counted__count--over' : ''}`} id={`${id}-count`}>
        {count}/{max}
      </Text>
    </>
  );
}
