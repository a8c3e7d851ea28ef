import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { StaffGrant } from '@pingjia/shared';
import { getHomeGrants, removeHomeGrant } from '../../../services/oversight';
import { a11y } from '../../../utils/a11y';
import Notice from '../../components/StaffPage/Notice';
import { useAction } from '../../components/StaffPage/useAction';

const nameOf = (g: StaffGrant) => g.user.displayName || g.user.username || '微信账号';

/**
 * The home's chairs, shown on request, each removable behind a confirmation. Removal ends the chair's
 * access at once: the server bumps their token version, so an open dashboard stops working too.
 */
export default function ChairGrants({ index, homeId, homeName }: { index: number; homeId: string; homeName: string }) {
  const [grants, setGrants] = useState<StaffGrant[] | null>(null);
  const [asking, setAsking] = useState<StaffGrant | null>(null);
  const { busy, notice, run } = useAction();
  const load = () =>
    run(async () => {
      const { items } = await getHomeGrants(homeId);
      setGrants(items.filter((g) => g.role === 'chair'));
      return '';
    });
  const remove = (g: StaffGrant) =>
    run(async () => {
      await removeHomeGrant(homeId, g.id);
      setAsking(null);
      setGrants((list) => list && list.filter((x) => x.id !== g.id));
      return `已移除 ${nameOf(g)} 的主席权限`;
    });

  return (
    <>
      <Button
        id={`manage-chairs-${index}`}
        className="btn btn--secondary"
        disabled={busy}
        {...a11y({ role: 'button', label: `${grants ? '刷新主席名单' : '查看主席'}：${homeName}`, disabled: busy })}
        onClick={load}
      >
        {grants ? '刷新主席名单' : '查看主席'}
      </Button>
      {grants && (
        <View className="invite" id={`manage-chairs-box-${index}`}>
          {grants.length === 0 && (
            <Text className="ov-withheld" id={`manage-chairs-empty-${index}`}>
              还没有工会主席，可用「邀请工会主席」生成邀请码
            </Text>
          )}
          {grants.map((g, j) => (
            <View key={g.id} className="ov-actions" id={`manage-chair-${index}-${j}`}>
              <Text className="title" id={`manage-chair-name-${index}-${j}`}>
                {nameOf(g)}
              </Text>
              {asking?.id === g.id ? (
                <>
                  <Text className="ov-sub">移除后该账号立即失去本职工之家的主席权限。</Text>
                  <Button
                    id={`manage-chair-confirm-${index}-${j}`}
                    className="btn btn--primary"
                    disabled={busy}
                    {...a11y({ role: 'button', label: `确认移除${nameOf(g)}`, disabled: busy })}
                    onClick={() => remove(g)}
                  >
                    确认移除
                  </Button>
                  <Button
                    id={`manage-chair-cancel-${index}-${j}`}
                    className="btn btn--secondary"
                    {...a11y({ role: 'button', label: '取消' })}
                    onClick={() => setAsking(null)}
                  >
                    取消
                  </Button>
                </>
              ) : (
                <Button
                  id={`manage-chair-remove-${index}-${j}`}
                  className="btn btn--secondary"
                  {...a11y({ role: 'button', label: `移除${nameOf(g)}的主席权限` })}
                  onClick={() => setAsking(g)}
                >
                  移除
                </Button>
              )}
            </View>
          ))}
        </View>
      )}
      <Notice id={`manage-chairs-notice-${index}`} text={notice?.text || null} error={notice?.error} />
    </>
  );
}
