import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import SubmitButton from '../../components/Form/SubmitButton';
import { askToSubscribe, canSubscribe } from '../../platform/subscribe';
import { acceptCycleMessage, getCycleMessages } from '../../services/homes';
import { errorMessage } from '../../services/request';
import { a11y } from '../../utils/a11y';

/**
 * In the mini-program a member may ask WeChat to tell them (one message) when the next rating cycle opens
 * for this home. Nothing about it is tied to a rating.
 */
export default function CycleReminder({ homeId }: { homeId: string }) {
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ text: string; error?: boolean } | null>(null);
  const running = useRef(false);
  useEffect(() => {
    if (!canSubscribe) return;
    // Asked for before the tap: WeChat's popup must open straight from it.
    getCycleMessages().then(
      (s) => setTemplateId(s.available ? s.templateId : null),
      () => setTemplateId(null),
    );
  }, []);
  if (!canSubscribe || !templateId) return null;

  const ask = async () => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setResult(null);
    try {
      if (!(await askToSubscribe(templateId))) setResult({ text: '未允许接收消息，可随时再次订阅。' });
      else {
        await acceptCycleMessage(homeId, [templateId]);
        setResult({ text: '已订阅：本职工之家下次开始评议时，微信会提醒您一次。' });
      }
    } catch (e) {
      setResult({ text: errorMessage(e), error: true });
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  return (
    <View className="card home__reminder" id="cycle-reminder">
      <Text className="home__campaign-name">评议提醒</Text>
      <SubmitButton id="cycle-remind" label="下次评议开始时提醒我" secondary spinner busy={busy} onClick={ask} />
      {result && (
        <Text
          className={result.error ? 'field-error' : 'callout'}
          id="cycle-remind-result"
          {...a11y({ role: result.error ? 'alert' : 'status' })}
        >
          {result.text}
        </Text>
      )}
    </View>
  );
}
