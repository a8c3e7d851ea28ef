import { View } from '@tarojs/components';
import { a11y } from '../../../utils/a11y';

/** The outcome of an action (saved, refused): read out by screen readers as it appears. */
export default function Notice({ id, text, error }: { id: string; text: string | null; error?: boolean }) {
  if (!text) return null;
  return (
    <View id={id} className={`callout ${error ? 'callout--error' : 'callout--success'}`} {...a11y({ role: error ? 'alert' : 'status' })}>
      {text}
    </View>
  );
}
