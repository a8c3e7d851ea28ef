import { Text } from '@tarojs/components';

/** A message about one field (ours or the server's `fields`), shown right under that field. */
export default function FieldMessage({ id, text }: { id: string; text?: string }) {
  if (!text) return null;
  return (
    <Text className="field-error" id={id}>
      {text}
    </Text>
  );
}
