import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { staffLogin } from '../../services/auth';
import { errorMessage, isApiRequestError } from '../../services/request';
import { a11y } from '../../utils/a11y';
import SubmitButton from '../Form/SubmitButton';
import TextField from '../Form/TextField';
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
  const [missing, setMissing] = useState<{ username?: string; password?: string }>({});

  const submit = async () => {
    const unfilled = { username: username.trim() ? undefined : '请输入用户名', password: password ? undefined : '请输入密码' };
    setMissing(unfilled);
    setError(null);
    if (unfilled.username || unfilled.password) return;
    setBusy(true);
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
      <TextField
        id="login-username"
        label="用户名"
        placeholder="请输入用户名"
        value={username}
        onInput={setUsername}
        error={missing.username}
      />
      <TextField
        id="login-password"
        label="密码"
        placeholder="请输入密码"
        password
        value={password}
        onInput={setPassword}
        onConfirm={submit}
        error={missing.password}
      />
      {error && (
        <View className="callout callout--error" id="login-error" {...a11y({ role: 'alert' })}>
          {error}
        </View>
      )}
      <SubmitButton id="login-submit" label="登录" busy={busy} spinner onClick={submit} />
    </View>
  );
}
