import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { staffLogin } from '../../services/auth';
import { errorMessage, isApiRequestError } from '../../services/request';
import { a11y } from '../../utils/a11y';
import './index.less';

interface Props {
  notice?: string;
  onLoggedIn: () => void;
}

/** Username and password login for chairs and federation staff. */
export default function StaffLogin({ notice, onLoggedIn }: Props) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!username.trim() || !password) {
      setError('请输入用户名和密码');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await staffLogin(username.trim(), password);
      onLoggedIn();
    } catch (e) {
      setError(isApiRequestError(e) && e.status === 401 ? '用户名或密码不正确' : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card login">
      <Text className="title">工会工作人员登录</Text>
      {notice && <Text className="login__notice">{notice}</Text>}
      <Text className="field-label">用户名</Text>
      <Input
        id="login-username"
        className="text-input"
        aria-label="用户名"
        placeholder="请输入用户名"
        value={username}
        onInput={(e) => setUsername(e.detail.value)}
      />
      <Text className="field-label">密码</Text>
      <Input
        id="login-password"
        className="text-input"
        aria-label="密码"
        placeholder="请输入密码"
        password
        value={password}
        onInput={(e) => setPassword(e.detail.value)}
        onConfirm={submit}
      />
      {error && (
        <View className="field-error" id="login-error" {...a11y({ role: 'alert' })}>
          {error}
        </View>
      )}
      <Button
        id="login-submit"
        className={`btn btn--primary${busy ? ' btn--disabled' : ''}`}
        {...a11y({ role: 'button', label: '登录', disabled: busy })}
        loading={busy}
        disabled={busy}
        onClick={submit}
      >
        登录
      </Button>
    </View>
  );
}
