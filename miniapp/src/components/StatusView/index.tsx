import { Text, View } from '@tarojs/components';
import { a11y } from '../../utils/a11y';
import './index.less';
import ActionButton from '../Form/ActionButton';

interface Props {
  kind: 'loading' | 'empty' | 'error';
  text: string;
  onRetry?: () => void;
  id?: string;
}

/** The loading, empty and error states every page shares. */
export default function StatusView({ kind, text, onRetry, id }: Props) {
  return (
    <View className={`status status--${kind}`} id={id} {...a11y({ role: kind === 'error' ? 'alert' : 'status' })}>
      <Text className="status__text">{text}</Text>
      {onRetry && <ActionButton className="btn btn--secondary status__retry" id="retry" label="重试" onClick={onRetry} />}
    </View>
  );
}
