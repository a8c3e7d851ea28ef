import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { newPasswordProblems } from '@pingjia/shared';
import { useResource } from '../../../hooks/useResource';
import { changePassword, getMe } from '../../../services/oversight';
import NewPasswordFields from '../../../components/Form/NewPasswordFields';
import SubmitButton from '../../../components/Form/SubmitButton';
import TextField from '../../../components/Form/TextField';
import StaffPage, { STAFF_PAGE } from '../../components/StaffPage';
import Notice from '../../components/StaffPage/Notice';
import { InputError, useAction } from '../../components/StaffPage/useAction';
import WechatMessages from './WechatMessages';

/** A staff account's own settings: WeChat reminders (opt-in), and its password (its other sessions end, this one carries on). */
export default function AccountPage() {
  const { state, reload } = useResource(getMe, [], STAFF_PAGE);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const { busy, notice, run, fieldError } = useAction();

  const save = () =>
    run(async () => {
      if (!current) throw new InputError('请输入当前密码', 'currentPassword');
      const problems = newPasswordProblems(next, again);
      if (problems.password) throw new InputError(problems.password, 'newPassword');
      if (problems.again) throw new InputError(problems.again, 'again');
      await changePassword(current, next);
      setCurrent('');
      setNext('');
      setAgain('');
      return '密码已修改。其他设备上的登录已失效，需用新密码重新登录';
    });

  return (
    <StaffPage title="修改密码" state={state} onReload={reload}>
      {() => (
        <>
          <WechatMessages />
          <View className="card">
            <Text className="ov-sub">用用户名和密码登录的工作人员可在此修改密码。忘记密码时，请联系上级工会管理员发送重置链接。</Text>
            <TextField
              id="account-current"
              label="当前密码"
              password
              value={current}
              onInput={setCurrent}
              error={fieldError('currentPassword')}
            />
            <NewPasswordFields
              ids={['account-new', 'account-again']}
              label="新密码"
              values={[next, again]}
              onInput={[setNext, setAgain]}
              errors={[fieldError('newPassword'), fieldError('again')]}
            />
            <SubmitButton id="account-save" label="修改密码" busy={busy} spinner onClick={save} />
            <Notice id="account-notice" text={notice?.text} error={notice?.error} />
          </View>
        </>
      )}
    </StaffPage>
  );
}
