import type { ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { a11y } from '../../../utils/a11y';
import ActionButton from '../../../components/Form/ActionButton';

interface Props {
  id: string;
  /** the question's own id, for tests and screen readers that read it again */
  textId?: string;
  yesId: string;
  noId: string;
  yes: string;
  busy?: boolean;
  onYes: () => void;
  onNo: () => void;
  children: ReactNode;
}

/** The question asked before an irreversible step (replace a roster, apply an import), with yes and cancel. */
export default function Confirm({ id, textId, yesId, noId, yes, busy = false, onYes, onNo, children }: Props) {
  return (
    <View className="ov-confirm" id={id} {...a11y({ role: 'group', label: yes })}>
      <Text className="ov-confirm__text" id={textId}>
        {children}
      </Text>
      <View className="ov-actions">
        <Button
          id={yesId}
          className="btn btn--primary"
          disabled={busy}
          {...a11y({ role: 'button', label: yes, disabled: busy })}
          onClick={onYes}
        >
          {yes}
        </Button>
        <ActionButton id={noId} className="btn btn--secondary" label="取消" onClick={onNo} />
      </View>
    </View>
  );
}
