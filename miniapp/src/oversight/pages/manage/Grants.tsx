import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { PasswordResetResponse, StaffGrant } from '@pingjia/shared';
import { createPasswordReset, getGrants, removeGrant, type Place } from '../../../services/oversight';
import { a11y } from '../../../utils/a11y';
import { formatDeadline } from '../../../utils/format';
import Notice from '../../components/StaffPage/Notice';
import { useAction } from '../../components/StaffPage/useAction';
import { copyText } from '../../lib/files';
import { INVITE_ROLE, sameOrigin } from './Invite';
import ActionButton from '../../../components/Form/ActionButton';

const nameOf = (g: StaffGrant) => g.user.displayName || g.user.username || '微信账号';

/**
 * The chairs of a home or the admins of an org, shown on request. Each can be removed behind a
 * confirmation (their access ends at once: the server bumps their token version), and one who signs in
 * with a password can be sent a one-time link to set a new one.
 */
export default function Grants({ index, place, name }: { index: number; place: Place; name: string }) {
  const [grants, setGrants] = useState<StaffGrant[] | null>(null);
  const [asking, setAsking] = useState<StaffGrant | null>(null);
  const [reset, setReset] = useState<{ grant: StaffGrant; link: PasswordResetResponse } | null>(null);
  const { busy, notice, run } = useAction();
  const role = INVITE_ROLE[place.kind];
  const load = () =>
    run(async () => {
      const { items } = await getGrants(place);
      setGrants(items);
      return '';
    });
  const remove = (g: StaffGrant) =>
    run(async () => {
      await removeGrant(place, g.id);
      setAsking(null);
      setGrants((list) => list && list.filter((x) => x.id !== g.id));
      return `已移除 ${nameOf(g)} 的${role}权限`;
    });
  const resetLink = (g: StaffGrant) =>
    run(async () => {
      const link = await createPasswordReset(place, g.id);
      setReset({ grant: g, link: { ...link, link: sameOrigin(link.link) } });
      return `已生成 ${nameOf(g)} 的密码重置链接`;
    });

  return (
    <>
      <Button
        id={`manage-chairs-${index}`}
        className="btn btn--secondary"
        disabled={busy}
        {...a11y({ role: 'button', label: `${grants ? `刷新${role}名单` : `查看${role}`}：${name}`, disabled: busy })}
        onClick={load}
      >
        {grants ? `刷新${role}名单` : `查看${role}`}
      </Button>
      {grants && (
        <View className="invite" id={`manage-chairs-box-${index}`}>
          {grants.length === 0 && (
            <Text className="ov-withheld" id={`manage-chairs-empty-${index}`}>
              还没有{role}，可用「邀请{role}」生成邀请码
            </Text>
          )}
          {grants.map((g, j) => (
            <View key={g.id} className="ov-actions" id={`manage-chair-${index}-${j}`}>
              <Text className="title" id={`manage-chair-name-${index}-${j}`}>
                {nameOf(g)}
              </Text>
              {asking?.id === g.id ? (
                <>
                  <Text className="ov-sub">
                    移除后该账号立即失去「{name}」的{role}权限。
                  </Text>
                  <Button
                    id={`manage-chair-confirm-${index}-${j}`}
                    className="btn btn--primary"
                    disabled={busy}
                    {...a11y({ role: 'button', label: `确认移除${nameOf(g)}`, disabled: busy })}
                    onClick={() => remove(g)}
                  >
                    确认移除
                  </Button>
                  <ActionButton
                    id={`manage-chair-cancel-${index}-${j}`}
                    className="btn btn--secondary"
                    label="取消"
                    onClick={() => setAsking(null)}
                  />
                </>
              ) : (
                <>
                  <Button
                    id={`manage-chair-remove-${index}-${j}`}
                    className="btn btn--secondary"
                    {...a11y({ role: 'button', label: `移除${nameOf(g)}的${role}权限` })}
                    onClick={() => setAsking(g)}
                  >
                    移除
                  </Button>
                  {g.user.username && (
                    <Button
                      id={`manage-chair-reset-${index}-${j}`}
                      className="btn btn--secondary"
                      disabled={busy}
                      {...a11y({ role: 'button', label: `重置${nameOf(g)}的密码`, disabled: busy })}
                      onClick={() => resetLink(g)}
                    >
                      重置密码
                    </Button>
                  )}
                </>
              )}
              {reset?.grant.id === g.id && (
                <View className="invite" id={`manage-chair-reset-box-${index}-${j}`}>
                  <Text className="ov-sub">
                    请把下面的链接只发给 {nameOf(g)} 本人；打开后可设置新密码，只能使用一次，有效期至 {formatDeadline(reset.link.expiresAt)}
                    。
                  </Text>
                  <Text className="invite__code" id={`manage-chair-reset-link-${index}-${j}`} selectable userSelect>
                    {reset.link.link}
                  </Text>
                  <ActionButton
                    id={`manage-chair-reset-copy-${index}-${j}`}
                    className="btn btn--secondary"
                    label="复制重置链接"
                    onClick={() => run(async () => (await copyText(reset.link.link), '已复制'))}
                  />
                </View>
              )}
            </View>
          ))}
        </View>
      )}
      <Notice id={`manage-chairs-notice-${index}`} text={notice?.text || null} error={notice?.error} />
    </>
  );
}
