import { useState } from 'react';
import { View } from '@tarojs/components';
import { staffLoginWithWechat } from '../../../services/oversight';
import { errorMessage } from '../../../services/request';
import Notice from './Notice';
import SubmitButton from '../../../components/Form/SubmitButton';

/** weapp only: sign in with the WeChat account an invite was accepted with. */
export default function WechatLogin({ onLoggedIn }: { onLoggedIn: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const login = async () => {
    setBusy(true);
    setError(null);
    try {
      await staffLoginWithWechat();
      onLoggedIn();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card">
      <SubmitButton id="login-wechat" label="使用微信身份登录" spinner busy={busy} onClick={login} />
      <Notice id="login-wechat-error" text={error} error />
    </View>
  );
}
