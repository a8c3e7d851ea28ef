import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  formatInviteCode,
  newPasswordProblems,
  normalizeInviteCode,
  USERNAME_PATTERN,
  type AuthResponse,
  type InvitePreview,
} from '@pingjia/shared';
import NewPasswordFields from '../../../components/Form/NewPasswordFields';
import SubmitButton from '../../../components/Form/SubmitButton';
import TextField from '../../../components/Form/TextField';
import { acceptInvite, previewInvite } from '../../../services/oversight';
import { isApiRequestError } from '../../../services/request';
import { a11y, heading } from '../../../utils/a11y';
import { formatDeadline } from '../../../utils/format';
import { param } from '../../../utils/url';
import Notice from '../../components/StaffPage/Notice';
import { InputError, useAction } from '../../components/StaffPage/useAction';
import { go } from '../../lib/routes';
import '../../components/StaffPage/index.less';

const WEAPP = process.env.TARO_ENV === 'weapp';
const ROLE_LABELS: Record<InvitePreview['role'], string> = { chair: '职工之家工会主席', federation_admin: '工会管理员' };

type Fields = Partial<Record<'code' | 'username' | 'password' | 'password2', string>>;

function check(username: string, password: string, password2: string): Fields {
  const f: Fields = {};
  if (WEAPP) return f;
  if (!USERNAME_PATTERN.test(username)) f.username = '用户名为 3–64 位字母、数字或 . _ -';
  const problems = newPasswordProblems(password, password2);
  if (problems.password) f.password = problems.password;
  if (problems.again) f.password2 = problems.again;
  return f;
}

/** Where the new session goes: the invited home's dashboard, or the federation's. */
function landing(auth: AuthResponse, invite: InvitePreview): void {
  if (invite.role === 'chair') go('chair', { homeId: invite.org.id }, true);
  else if (auth.user.roles.some((r) => r.orgId === invite.org.id)) go('federation', { orgId: invite.org.id }, true);
  else go('staff', {}, true);
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
  const { busy, notice, run, setNotice, fieldError } = useAction();

  const look = (text: string) =>
    run(async () => {
      const c = normalizeInviteCode(text);
      if (!c) throw new InputError('邀请码是 8 位字母或数字（如 ABCD-EFGH），请核对后重新输入', 'code');
      setInvite(await previewInvite(c));
      setCode(formatInviteCode(c));
      return '';
    });

  // A link or a scanned code brings the code along: show what it is for at once.
  useEffect(() => {
    if (code) void look(code);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the code the page opened with
  }, []);

  const accept = () =>
    run(async () => {
      if (!invite) return '';
      const found = check(username.trim(), password, password2);
      if (Object.keys(found).length) throw new InputError(Object.values(found).join('；'), found);
      try {
        landing(await acceptInvite(normalizeInviteCode(code)!, WEAPP ? undefined : { username: username.trim(), password }), invite);
      } catch (e) {
        if (isApiRequestError(e) && e.code === 'DUPLICATE') throw new InputError('该用户名已被使用，请换一个', 'username');
        throw e;
      }
      return '';
    });

  return (
    <View className="page ov" {...a11y({ role: 'main' })}>
      <Text className="ov__title" id="ov-title" {...heading(1)}>
        接受邀请
      </Text>
      {!invite ? (
        <View className="card">
          <Text className="ov-sub">请输入上级工会发给您的 8 位邀请码，先查看邀请内容，确认后再接受。</Text>
          <TextField
            id="accept-code"
            label="邀请码"
            value={code}
            maxlength={12}
            placeholder="如 ABCD-EFGH，不区分大小写"
            onInput={setCode}
            onConfirm={() => look(code)}
            error={fieldError('code')}
          />
          <Notice id="accept-error" text={notice?.text} error />
          <SubmitButton id="accept-look" label="查看邀请" busy={busy} spinner onClick={() => look(code)} />
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
              <TextField
                id="accept-username"
                label="用户名"
                value={username}
                placeholder="字母、数字或 . _ -，3 位以上"
                onInput={setUsername}
                error={fieldError('username')}
              />
              <NewPasswordFields
                ids={['accept-password', 'accept-password2']}
                label="密码"
                values={[password, password2]}
                onInput={[setPassword, setPassword2]}
                errors={[fieldError('password'), fieldError('password2')]}
              />
            </>
          )}
          <Notice id="accept-error" text={notice?.text} error />
          <View className="ov-actions">
            <SubmitButton
              id="accept-submit"
              label={WEAPP ? '确认接受，绑定本微信' : '确认接受并登录'}
              busy={busy}
              spinner
              onClick={accept}
            />
            <Button
              id="accept-other"
              className="btn btn--secondary"
              disabled={busy}
              {...a11y({ role: 'button', label: '不是这个邀请，重新输入', disabled: busy })}
              onClick={() => {
                setInvite(null);
                setNotice(null);
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
