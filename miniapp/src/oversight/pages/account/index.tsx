import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { useResource } from '../../../hooks/useResource';
import { changePassword, getMe } from '../../../services/oversight';
import { a11y, fieldA11y } from '../../../utils/a11y';
import StaffPage, { STAFF_PAGE } from '../../components/StaffPage';
import FieldMessage from '../../components/StaffPage/FieldMessage';
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
          <Text className="field-label">当前密码</Text>
          <Input
            id="account-current"
            className="text-input"
            password
            {...fieldA11y('当前密码')}
            value={current}
            onInput={(e) => setCurrent(e.detail.value)}
          />
          <FieldMessage id="error-account-current" text={fieldError('currentPassword')} />
          <Text className="field-label">新密码</Text>
          <Input
            id="account-new"
            className="text-input"
            password
            {...fieldA11y('新密码')}
            value={next}
            placeholder="至少 10 位"
            onInput={(e) => setNext(e.detail.value)}
          />
          <FieldMessage id="error-account-new" text={fieldError('newPassword')} />
          <Text className="field-label">再次输入新密码</Text>
          <Input
            id="account-again"
            className="text-input"
            password
            {...fieldA11y('再次输入新密码')}
            value={again}
            onInput={(e) => setAgain(e.detail.value)}
          />
          <FieldMessage id="error-account-again" text={fieldError('again')} />
          <Button
            id="account-save"
            className={`btn btn--primary${busy ? ' btn--disabled' : ''}`}
            disabled={busy}
            loading={busy}
            {...a11y({ role: 'button', label: '修改密码', disabled: busy })}
            onClick={save}
          >
            修改密码
          </Button>
          <Notice id="account-notice" text={notice?.text ?? null} error={notice?.error} />
        </View>
      )}
    </StaffPage>
  );
}
