import { Button, Text, View } from '@tarojs/components';
import { a11y } from '../../utils/a11y';
import './index.less';

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
      {onRetry && (
        <Button className="btn btn--secondary status__retry" id="retry" {...a11y({ role: 'button', label: '重试' })} onClick={onRetry}>
          重试
        </Button>
      )}
    </View>
  );
}
