import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { formatInviteCode, type InviteResponse } from '@pingjia/shared';
import { createInvite, type Place } from '../../../services/oversight';
import { formatDeadline } from '../../../utils/format';
import Notice from '../../components/StaffPage/Notice';
import { useAction } from '../../components/StaffPage/useAction';
import { copyText } from '../../lib/files';
import ActionButton from '../../../components/Form/ActionButton';
import SubmitButton from '../../../components/Form/SubmitButton';

export const INVITE_ROLE = { homes: '工会主席', orgs: '管理员' } as const;

/** H5: the link on the origin this page came from (the server's PUBLIC_URL may differ behind a proxy in tests and demos). */
export function sameOrigin(link: string): string {
  if (process.env.TARO_ENV !== 'h5') return link;
  const at = link.indexOf('/oversight/');
  return at < 0 ? link : `${window.location.origin}${link.slice(at)}`;
}

/**
 * Creates a single-use invite for a home's chair or an org's admin and shows its short code, the link
 * and the code to scan (WeChat's mini-program code where set up), with its expiry.
 */
export default function Invite({ index, place, name }: { index: number; place: Place; name: string }) {
  const [invite, setInvite] = useState<InviteResponse | null>(null);
  const { busy, notice, run } = useAction();
  const role = INVITE_ROLE[place.kind];
  const create = () =>
    run(async (key) => {
      const created = await createInvite(place, key);
      setInvite({ ...created, link: sameOrigin(created.link) });
      return '邀请码已生成，只能使用一次';
    });
  const copy = (text: string) =>
    run(async () => {
      await copyText(text);
      return '已复制';
    });

  return (
    <>
      <SubmitButton
        id={`manage-invite-${index}`}
        label={`邀请${role}：${name}`}
        text={`邀请${role}`}
        busy={busy}
        secondary
        onClick={create}
      />
      {invite && (
        <View className="invite" id={`manage-invite-box-${index}`}>
          <Text className="field-label">
            「{name}」{role}邀请码
          </Text>
          <Text className="invite__code invite__code--big" id={`manage-invite-code-${index}`} selectable userSelect>
            {formatInviteCode(invite.code)}
          </Text>
          <Text className="ov-sub" id={`manage-invite-expiry-${index}`}>
            有效期至 {formatDeadline(invite.expiresAt)}，只能使用一次
          </Text>
          <Image className="invite__qr" id={`manage-invite-qr-${index}`} src={invite.qr} mode="aspectFit" ariaLabel="邀请二维码" />
          <Text className="ov-sub">请对方用微信扫描二维码，或打开下面的链接，或在「接受邀请」页面输入邀请码：</Text>
          <Text className="invite__code" id={`manage-invite-link-${index}`} selectable userSelect>
            {invite.link}
          </Text>
          <View className="ov-actions">
            <ActionButton
              id={`manage-invite-copy-${index}`}
              className="btn btn--secondary"
              label="复制邀请码"
              onClick={() => copy(formatInviteCode(invite.code))}
            />
            <ActionButton
              id={`manage-invite-copy-link-${index}`}
              className="btn btn--secondary"
              label="复制邀请链接"
              onClick={() => copy(invite.link)}
            />
          </View>
        </View>
      )}
      <Notice id={`manage-invite-notice-${index}`} text={notice?.text ?? null} error={notice?.error} />
    </>
  );
}
