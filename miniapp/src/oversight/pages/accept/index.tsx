import { useState, type ReactNode } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import type { AuthResponse } from '@pingjia/shared';
import { acceptInvite } from '../../../services/oversight';
import { errorMessage, isApiRequestError } from '../../../services/request';
import { a11y, fieldA11y, heading } from '../../../utils/a11y';
import { param } from '../../../utils/url';
import Notice from '../../components/StaffPage/Notice';
import { go } from '../../lib/routes';
import '../../components/StaffPage/index.less';

const WEAPP = process.env.TARO_ENV === 'weapp';
const USERNAME = /^[A-Za-z0-9._-]{3,64}$/;
const CODE = /^[A-Za-z0-9_-]{43}$/;

type Fields = Partial<Record<'code' | 'username' | 'password' | 'password2', string>>;

function check(code: string, username: string, password: string, password2: string): Fields {
  const f: Fields = {};
  if (!CODE.test(code)) f.code = '邀请码是 43 位字母、数字、- 或 _，请完整粘贴';
  if (WEAPP) return f;
  if (!USERNAME.test(username)) f.username = '用户名为 3–64 位字母、数字或 . _ -';
  if (password.length < 10) f.password = '密码至少 10 位';
  else if (password !== password2) f.password2 = '两次输入的密码不一致';
  return f;
}

/** Where the new session goes: the invited home's dashboard, or the federation's. */
function landing(auth: AuthResponse): void {
  const chair = auth.user.roles.find((r) => r.role === 'chair');
  const admin = auth.user.roles.find((r) => r.role === 'federation_admin');
  if (chair) go('chair', { homeId: chair.orgId }, true);
  else if (admin) go('federation', { orgId: admin.orgId }, true);
  else go('staff', {}, true);
}

function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: ReactNode }) {
  return (
    <>
      <Text className="field-label">{label}</Text>
      {children}
      {error && (
        <View className="field-error" id={`${id}-error`} {...a11y({ role: 'alert' })}>
          {error}
        </View>
      )}
    </>
  );
}

/** Accepting an invite: H5 sets up a username and password; weapp binds the WeChat account. */
export default function AcceptInvitePage() {
  const { params } = useRouter();
  const [code, setCode] = useState(param(params.code));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [password2, setPassword2] = useState('');
  const [fields, setFields] = useState<Fields>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const c = code.trim();
    const found = check(c, username.trim(), password, password2);
    setFields(found);
    setError(null);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      landing(await acceptInvite(c, WEAPP ? undefined : { username: username.trim(), password }));
    } catch (e) {
      if (isApiRequestError(e) && e.fields) setFields(e.fields as Fields);
      if (isApiRequestError(e) && e.status === 404) setError('邀请码不存在，请核对后重试');
      else if (isApiRequestError(e) && e.code === 'DUPLICATE') setError('该用户名已被使用，请换一个');
      else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page ov" {...a11y({ role: 'main' })}>
      <Text className="ov__title" id="ov-title" {...heading(1)}>
        接受邀请
      </Text>
      <View className="card">
        <Text className="ov-sub">
          {WEAPP ? '接受后，本微信账号即可查看和管理被邀请的职工之家。' : '设置用户名和密码后即可登录，查看和管理被邀请的职工之家。'}
        </Text>
        <Field id="accept-code" label="邀请码" error={fields.code}>
          <Input
            id="accept-code"
            className="text-input"
            {...fieldA11y('邀请码')}
            value={code}
            placeholder="粘贴上级工会发来的邀请码"
            onInput={(e) => setCode(e.detail.value)}
          />
        </Field>
        {!WEAPP && (
          <>
            <Field id="accept-username" label="用户名" error={fields.username}>
              <Input
                id="accept-username"
                className="text-input"
                {...fieldA11y('用户名')}
                value={username}
                placeholder="字母、数字或 . _ -，3 位以上"
                onInput={(e) => setUsername(e.detail.value)}
              />
            </Field>
            <Field id="accept-password" label="密码" error={fields.password}>
              <Input
                id="accept-password"
                className="text-input"
                {...fieldA11y('密码')}
                password
                value={password}
                placeholder="至少 10 位"
                onInput={(e) => setPassword(e.detail.value)}
              />
            </Field>
            <Field id="accept-password2" label="再次输入密码" error={fields.password2}>
              <Input
                id="accept-password2"
                className="text-input"
                {...fieldA11y('再次输入密码')}
                password
                value={password2}
                placeholder="与上面的密码相同"
                onInput={(e) => setPassword2(e.detail.value)}
                onConfirm={submit}
              />
            </Field>
          </>
        )}
        <Notice id="accept-error" text={error} error />
        <Button
          id="accept-submit"
          className={`btn btn--primary${busy ? ' btn--disabled' : ''}`}
          disabled={busy}
          loading={busy}
          {...a11y({ role: 'button', label: WEAPP ? '绑定微信并接受邀请' : '接受邀请并登录', disabled: busy })}
          onClick={submit}
        >
          {WEAPP ? '绑定微信并接受邀请' : '接受邀请并登录'}
        </Button>
      </View>
    </View>
  );
}
