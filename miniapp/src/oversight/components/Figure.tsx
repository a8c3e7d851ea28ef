import { Text, View } from '@tarojs/components';

/** One headline figure of a dashboard: its label, the value (already formatted or withheld) and an optional note. */
export default function Figure({ id, label, value, note }: { id: string; label: string; value: string; note?: string }) {
  return (
    <View className="ov-figure">
      <Text className="ov-figure__label">{label}</Text>
      <Text className="ov-figure__value" id={id}>
        {value}
      </Text>
      {note && <Text className="ov-figure__note">{note}</Text>}
    </View>
  );
}
