import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import type { PasswordResetPreview } from '@pingjia/shared';
import StatusView from '../../../components/StatusView';
import { previewPasswordReset, applyPasswordReset } from '../../../services/oversight';
import { errorMessage } from '../../../services/request';
import { a11y, fieldA11y, heading } from '../../../utils/a11y';
import { formatDeadline } from '../../../utils/format';
import { param } from '../../../utils/url';
import FieldMessage from '../../components/StaffPage/FieldMessage';
import Notice from '../../components/StaffPage/Notice';
import { go } from '../../lib/routes';
import '../../components/StaffPage/index.less';

/** A one-time link from the level above: whose password it sets, then the new password (once). */
export default function ResetPasswordPage() {
  const { params } = useRouter();
  const code = param(params.code);
  const [preview, setPreview] = useState<PasswordResetPreview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(code ? null : '链接不完整，请向上级工会管理员索取新的重置链接');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!code) return;
    previewPasswordReset(code)
      .then(setPreview)
      .catch((e) => setLoadError(errorMessage(e)));
  }, [code]);

  const save = async () => {
    const f: Record<string, string> = {};
    if (password.length < 10) f.password = '新密码至少 10 位';
    else if (password !== again) f.again = '两次输入的密码不一致';
    setFields(f);
    setError(null);
    if (Object.keys(f).length) return;
    setBusy(true);
    try {
      await applyPasswordReset(code, password);
      go('staff', {}, true);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page ov" {...a11y({ role: 'main' })}>
      <Text className="ov__title" id="ov-title" {...heading(1)}>
        重置密码
      </Text>
      {loadError ? (
        <StatusView kind="error" id="reset-status" text={loadError} />
      ) : !preview ? (
        <StatusView kind="loading" id="reset-status" text="正在核对链接…" />
      ) : (
        <View className="card">
          <Text className="ov-sub" id="reset-user">
            为账号「{preview.username}」设置新密码。链接有效期至 {formatDeadline(preview.expiresAt)}
            ，只能使用一次；设置后其他设备上的登录将失效。
          </Text>
          <Text className="field-label">新密码</Text>
          <Input
            id="reset-password"
            className="text-input"
            password
            {...fieldA11y('新密码')}
            value={password}
            placeholder="至少 10 位"
            onInput={(e) => setPassword(e.detail.value)}
          />
          <FieldMessage id="error-reset-password" text={fields.password} />
          <Text className="field-label">再次输入新密码</Text>
          <Input
            id="reset-again"
            className="text-input"
            password
            {...fieldA11y('再次输入新密码')}
            value={again}
            onInput={(e) => setAgain(e.detail.value)}
          />
          <FieldMessage id="error-reset-again" text={fields.again} />
          <Notice id="reset-error" text={error} error />
          <Button
            id="reset-save"
            className={`btn btn--primary${busy ? ' btn--disabled' : ''}`}
            disabled={busy}
            loading={busy}
            {...a11y({ role: 'button', label: '设置新密码并登录', disabled: busy })}
            onClick={save}
          >
            设置新密码并登录
          </Button>
        </View>
      )}
    </View>
  );
}
