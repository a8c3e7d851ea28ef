import { useEffect, useState, type ReactNode } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { formatInviteCode, normalizeInviteCode, type AuthResponse, type InvitePreview } from '@pingjia/shared';
import { acceptInvite, previewInvite } from '../../../services/oversight';
import { errorMessage, isApiRequestError } from '../../../services/request';
import { a11y, fieldA11y, heading } from '../../../utils/a11y';
import { formatDeadline } from '../../../utils/format';
import { param } from '../../../utils/url';
import Notice from '../../components/StaffPage/Notice';
import { go } from '../../lib/routes';
import '../../components/StaffPage/index.less';

const WEAPP = process.env.TARO_ENV === 'weapp';
const USERNAME = /^[A-Za-z0-9._-]{3,64}$/;
const ROLE_LABELS: Record<InvitePreview['role'], string> = { chair: '职工之家工会主席', federation_admin: '工会管理员' };

type Fields = Partial<Record<'code' | 'username' | 'password' | 'password2', string>>;

function check(username: string, password: string, password2: string): Fields {
  const f: Fields = {};
  if (WEAPP) return f;
  if (!USERNAME.test(username)) f.username = '用户名为 3–64 位字母、数字或 . _ -';
  if (password.length < 10) f.password = '密码至少 10 位';
  else if (password !== password2) f.password2 = '两次输入的密码不一致';
  return f;
}

/** Where the new session goes: the invited home's dashboard, or the federation's. */
function landing(auth: AuthResponse, invite: InvitePreview): void {
  if (invite.role === 'chair') go('chair', { homeId: invite.org.id }, true);
  else if (auth.user.roles.some((r) => r.orgId === invite.org.id)) go('federation', { orgId: invite.org.id }, true);
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

/** The code as it arrives: `?code=` from a link, `scene` from WeChat's mini-program code. */
function codeFrom(params: Record<string, string | undefined>): string {
  return param(params.code) || param(params.scene);
}

/**
 * Accepting an invite, in two steps: the code first, answered with what it is for (the org or home by
 * name, the role, who invited, until when); then the account (H5: a username and password; weapp: this
 * WeChat account) and an explicit confirmation.
 */
export default function AcceptInvitePage() {
  const { params } = useRouter();
  const [code, setCode] = useState(codeFrom(params));
  const [invite, setInvite] = useState<InvitePreview | null>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [password2, setPassword2] = useState('');
  const [fields, setFields] = useState<Fields>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const look = async (text: string) => {
    const c = normalizeInviteCode(text);
    setError(null);
    setFields(c ? {} : { code: '邀请码是 8 位字母或数字（如 ABCD-EFGH），请核对后重新输入' });
    if (!c) return;
    setBusy(true);
    try {
      setInvite(await previewInvite(c));
      setCode(formatInviteCode(c));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  // A link or a scanned code brings the code along: show what it is for at once.
  useEffect(() => {
    if (code) void look(code);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the code the page opened with
  }, []);

  const accept = async () => {
    if (!invite) return;
    const found = check(username.trim(), password, password2);
    setFields(found);
    setError(null);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const c = normalizeInviteCode(code)!;
      landing(await acceptInvite(c, WEAPP ? undefined : { username: username.trim(), password }), invite);
    } catch (e) {
      if (isApiRequestError(e) && e.fields) setFields(e.fields as Fields);
      if (isApiRequestError(e) && e.code === 'DUPLICATE') setError('该用户名已被使用，请换一个');
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
      {!invite ? (
        <View className="card">
          <Text className="ov-sub">请输入上级工会发给您的 8 位邀请码，先查看邀请内容，确认后再接受。</Text>
          <Field id="accept-code" label="邀请码" error={fields.code}>
            <Input
              id="accept-code"
              className="text-input"
              {...fieldA11y('邀请码')}
              value={code}
              maxlength={12}
              placeholder="如 ABCD-EFGH，不区分大小写"
              onInput={(e) => setCode(e.detail.value)}
              onConfirm={() => look(code)}
            />
          </Field>
          <Notice id="accept-error" text={error} error />
          <Button
            id="accept-look"
            className={`btn btn--primary${busy ? ' btn--disabled' : ''}`}
            disabled={busy}
            loading={busy}
            {...a11y({ role: 'button', label: '查看邀请', disabled: busy })}
            onClick={() => look(code)}
          >
            查看邀请
          </Button>
        </View>
      ) : (
        <View className="card" id="accept-preview">
          <Text className="ov-section" {...heading(2)}>
            邀请内容
          </Text>
          <View className="ov-kv">
            <Text className="field-label">{invite.org.type === 'home' ? '职工之家' : '工会'}</Text>
            <Text className="title" id="accept-org">
              {invite.org.name}
            </Text>
            {invite.parentName && (
              <Text className="ov-sub" id="accept-parent">
                隶属：{invite.parentName}
              </Text>
            )}
            <Text className="field-label">身份</Text>
            <Text id="accept-role">{ROLE_LABELS[invite.role]}</Text>
            <Text className="field-label">邀请人</Text>
            <Text id="accept-inviter">{invite.invitedBy}</Text>
            <Text className="field-label">有效期至</Text>
            <Text id="accept-expiry">{formatDeadline(invite.expiresAt)}（只能使用一次）</Text>
          </View>
          <Text className="ov-sub">
            {WEAPP
              ? `确认后，本微信账号将成为「${invite.org.name}」的${ROLE_LABELS[invite.role]}。`
              : `确认后，将以您设置的用户名和密码成为「${invite.org.name}」的${ROLE_LABELS[invite.role]}。`}
          </Text>
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
                />
              </Field>
            </>
          )}
          <Notice id="accept-error" text={error} error />
          <View className="ov-actions">
            <Button
              id="accept-submit"
              className={`btn btn--primary${busy ? ' btn--disabled' : ''}`}
              disabled={busy}
              loading={busy}
              {...a11y({ role: 'button', label: WEAPP ? '确认接受，绑定本微信' : '确认接受并登录', disabled: busy })}
              onClick={accept}
            >
              {WEAPP ? '确认接受，绑定本微信' : '确认接受并登录'}
            </Button>
            <Button
              id="accept-other"
              className="btn btn--secondary"
              disabled={busy}
              {...a11y({ role: 'button', label: '不是这个邀请，重新输入', disabled: busy })}
              onClick={() => {
                setInvite(null);
                setError(null);
              }}
            >
              不是这个邀请，重新输入
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}
