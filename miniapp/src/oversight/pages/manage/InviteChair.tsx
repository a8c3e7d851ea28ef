import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { InviteResponse } from '@pingjia/shared';
import { createChairInvite } from '../../../services/oversight';
import { a11y } from '../../../utils/a11y';
import { formatDeadline } from '../../../utils/format';
import Notice from '../../components/StaffPage/Notice';
import { useAction } from '../../components/StaffPage/useAction';
import { copyText } from '../../lib/files';
import { ROUTES } from '../../lib/routes';

/** Where a chair accepts on H5; on weapp the code is entered on the same page inside the mini-program. */
function acceptLink(code: string): string {
  const origin = process.env.TARO_ENV === 'h5' ? window.location.origin : '';
  return `${origin}${ROUTES.accept}?code=${encodeURIComponent(code)}`;
}

/** Creates a single-use chair invite for a home and shows its code, expiry and a copy button. */
export default function InviteChair({ index, homeId, homeName }: { index: number; homeId: string; homeName: string }) {
  const [invite, setInvite] = useState<InviteResponse | null>(null);
  const { busy, notice, run } = useAction();
  const create = () =>
    run(async () => {
      setInvite(await createChairInvite(homeId));
      return '邀请码已生成，只能使用一次';
    });
  const copy = (text: string) =>
    run(async () => {
      await copyText(text);
      return '已复制';
    });

  return (
    <>
      <Button
        id={`manage-invite-${index}`}
        className={`btn btn--secondary${busy ? ' btn--disabled' : ''}`}
        disabled={busy}
        {...a11y({ role: 'button', label: `邀请工会主席：${homeName}`, disabled: busy })}
        onClick={create}
      >
        邀请工会主席
      </Button>
      {invite && (
        <View className="invite" id={`manage-invite-box-${index}`}>
          <Text className="field-label">邀请码</Text>
          <Text className="invite__code" id={`manage-invite-code-${index}`} selectable userSelect>
            {invite.code}
          </Text>
          <Text className="ov-sub" id={`manage-invite-expiry-${index}`}>
            有效期至 {formatDeadline(invite.expiresAt)}，只能使用一次
          </Text>
          <Text className="ov-sub">请主席打开「接受邀请」页面输入邀请码：{acceptLink(invite.code)}</Text>
          <View className="ov-actions">
            <Button
              id={`manage-invite-copy-${index}`}
              className="btn btn--secondary"
              {...a11y({ role: 'button', label: '复制邀请码' })}
              onClick={() => copy(invite.code)}
            >
              复制邀请码
            </Button>
            {process.env.TARO_ENV === 'h5' && (
              <Button
                id={`manage-invite-copy-link-${index}`}
                className="btn btn--secondary"
                {...a11y({ role: 'button', label: '复制邀请链接' })}
                onClick={() => copy(acceptLink(invite.code))}
              >
                复制邀请链接
              </Button>
            )}
          </View>
        </View>
      )}
      <Notice id={`manage-invite-notice-${index}`} text={notice?.text ?? null} error={notice?.error} />
    </>
  );
}
