import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useResource } from '../../../hooks/useResource';
import { changePassword, getMe } from '../../../services/oversight';
import SubmitButton from '../../../components/Form/SubmitButton';
import TextField from '../../../components/Form/TextField';
import StaffPage, { STAFF_PAGE } from '../../components/StaffPage';
import Notice from '../../components/StaffPage/Notice';
import { InputError, useAction } from '../../components/StaffPage/useAction';

/** A staff account changes its own password; its other sessions end, this one carries on. */
export default function AccountPage() {
  const { state, reload } = useResource(getMe, [], STAFF_PAGE);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const { busy, notice, run, fieldError } = useAction();

  const save = () =>
    run(async () => {
      if (!current) throw new InputError('请输入当前密码', 'currentPassword');
      if (next.length < 10) throw new InputError('新密码至少 10 位', 'newPassword');
      if (next !== again) throw new InputError('两次输入的新密码不一致', 'again');
      await changePassword(current, next);
      setCurrent('');
      setNext('');
      setAgain('');
      return '密码已修改。其他设备上的登录已失效，需用新密码重新登录';
    });

  return (
    <StaffPage title="修改密码" state={state} onReload={reload}>
      {() => (
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
          <TextField
            id="account-new"
            label="新密码"
            password
            value={next}
            placeholder="至少 10 位"
            onInput={setNext}
            error={fieldError('newPassword')}
          />
          <TextField id="account-again" label="再次输入新密码" password value={again} onInput={setAgain} error={fieldError('again')} />
          <SubmitButton id="account-save" label="修改密码" busy={busy} spinner onClick={save} />
          <Notice id="account-notice" text={notice?.text} error={notice?.error} />
        </View>
      )}
    </StaffPage>
  );
}
