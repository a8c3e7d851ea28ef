import { View } from '@tarojs/components';
import { a11y } from '../../../utils/a11y';
import type { ActionNotice } from './useAction';

/**
 * The outcome of an action (saved, refused): read out by screen readers as it appears. Success and
 * refusal never share a style. `of` shows how a useAction() went.
 */
export default function Notice({
  id,
  text,
  error,
  of,
}: {
  id: string;
  text?: string | null;
  error?: boolean;
  of?: { notice: ActionNotice | null };
}) {
  const shown = of ? of.notice?.text : text;
  const failed = of ? of.notice?.error : error;
  if (!shown) return null;
  return (
    <View id={id} className={`callout ${failed ? 'callout--error' : 'callout--success'}`} {...a11y({ role: failed ? 'alert' : 'status' })}>
      {shown}
    </View>
  );
}
