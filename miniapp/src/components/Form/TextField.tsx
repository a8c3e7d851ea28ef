import { Input, Text } from '@tarojs/components';
import { fieldA11y } from '../../utils/a11y';
import FieldMessage from './FieldMessage';

interface Props {
  /** the Input's id; its message is `error-<id>` unless `errorId` says otherwise */
  id: string;
  label: string;
  /** what a screen reader announces, when the visible label needs its context (职工之家名称 for 名称) */
  spoken?: string;
  value: string;
  onInput: (value: string) => void;
  /** the message about this field (ours, or the server's `fields`), shown right under it */
  error?: string;
  errorId?: string;
  type?: 'text' | 'number' | 'digit';
  password?: boolean;
  placeholder?: string;
  maxlength?: number;
  onConfirm?: () => void;
}

/** A labelled text input with its message under it: the one way a form field is written. */
export default function TextField({
  id,
  label,
  spoken,
  value,
  onInput,
  error,
  errorId,
  type,
  password,
  placeholder,
  maxlength,
  onConfirm,
}: Props) {
  return (
    <>
      <Text className="field-label">{label}</Text>
      <Input
        id={id}
        className="text-input"
        {...fieldA11y(spoken ?? label)}
        type={type}
        password={password}
        value={value}
        placeholder={placeholder}
        maxlength={maxlength}
        onInput={(e) => onInput(e.detail.value)}
        onConfirm={onConfirm}
      />
      <FieldMessage id={errorId ?? `error-${id}`} text={error} />
    </>
  );
}
