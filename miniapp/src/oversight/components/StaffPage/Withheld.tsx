import { Text } from '@tarojs/components';

export const WITHHELD_TEXT = '样本不足，暂不显示';

/** A figure the privacy rules hold back: said so in words, never shown as 0. */
export default function Withheld({ id, reason }: { id?: string; reason?: string }) {
  return (
    <Text className="ov-withheld" id={id}>
      {WITHHELD_TEXT}
      {reason ? `（${reason}）` : ''}
    </Text>
  );
}
