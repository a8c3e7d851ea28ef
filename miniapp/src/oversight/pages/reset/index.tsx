import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { newPasswordProblems, type PasswordResetPreview } from '@pingjia/shared';
import SubmitButton from '../../../components/Form/SubmitButton';
import NewPasswordFields from '../../../components/Form/NewPasswordFields';
import StatusView from '../../../components/StatusView';
import { previewPasswordReset, applyPasswordReset } from '../../../services/oversight';
import { errorMessage } from '../../../services/request';
import { a11y, heading } from '../../../utils/a11y';
import { formatDeadline } from '../../../utils/format';
import { param } from '../../../utils/url';
import Notice from '../../components/StaffPage/Notice';
import { InputError, useAction } from '../../components/StaffPage/useAction';
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
  const { busy, notice, run, fieldError } = useAction();

  useEffect(() => {
    if (!code) return;
    previewPasswordReset(code)
      .then(setPreview)
      .catch((e) => setLoadError(errorMessage(e)));
  }, [code]);

  const save = () =>
    run(async () => {
      const problems = newPasswordProblems(password, again);
      if (problems.password || problems.again) throw new InputError(problems.password ?? problems.again ?? '', problems);
      await applyPasswordReset(code, password);
      go('staff', {}, true);
      return '';
    });

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
          <NewPasswordFields
            ids={['reset-password', 'reset-again']}
            label="新密码"
            values={[password, again]}
            onInput={[setPassword, setAgain]}
            errors={[fieldError('password'), fieldError('again')]}
          />
          <Notice id="reset-error" text={notice?.text} error={notice?.error} />
          <SubmitButton id="reset-save" label="设置新密码并登录" busy={busy} spinner onClick={save} />
        </View>
      )}
    </View>
  );
}
