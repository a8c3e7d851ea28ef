import { useState } from 'react';
import { Button, View } from '@tarojs/components';
import { staffLoginWithWechat } from '../../../services/oversight';
import { errorMessage } from '../../../services/request';
import { a11y } from '../../../utils/a11y';
import Notice from './Notice';

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
      <Button
        id="login-wechat"
        className={`btn btn--primary${busy ? ' btn--disabled' : ''}`}
        disabled={busy}
        loading={busy}
        {...a11y({ role: 'button', label: '使用微信身份登录', disabled: busy })}
        onClick={login}
      >
        使用微信身份登录
      </Button>
      <Notice id="login-wechat-error" text={error} error />
    </View>
  );
}
