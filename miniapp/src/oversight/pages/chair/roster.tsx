import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { RosterSummary } from '@pingjia/shared';
import { getHome, getRoster } from '../../../services/oversight';
import { go } from '../../lib/routes';
import ActionButton from '../../../components/Form/ActionButton';

/**
 * A roster home's roster as far as this viewer may see it: its size and how many entries are bound.
 * The chair gets the bound count rounded down to 5 and no way to change the roster (the level above
 * keeps it); the level above gets the exact count and the way to the roster page.
 */
export function RosterCard({ homeId }: { homeId: string }) {
  const [roster, setRoster] = useState<RosterSummary | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    (async () => {
      const home = await getHome(homeId);
      if (home.membershipMode !== 'roster') return null;
      return getRoster(homeId);
    })()
      .then((r) => live && setRoster(r))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [homeId]);

  if (failed) {
    return (
      <View className="card" id="chair-roster">
        <Text className="ov-section">会员名册</Text>
        <Text className="ov-withheld">名册情况暂时无法加载，请稍后刷新</Text>
      </View>
    );
  }
  if (!roster) return null;
  return (
    <View className="card" id="chair-roster">
      <Text className="ov-section">会员名册</Text>
      <Text className="ov-sub" id="chair-roster-size">
        名册共 {roster.entries} 人；已绑定微信{' '}
        {roster.boundRounded ? `约 ${roster.bound} 人（按 5 取整，不显示个人是否已绑定）` : `${roster.bound} 人`}
      </Text>
      {roster.boundRounded ? (
        <Text className="ov-sub" id="chair-roster-note">
          名册和绑定由上级工会维护，本单位不能修改。会员名单有变化或会员更换微信，请联系上级工会。
        </Text>
      ) : (
        <ActionButton
          id="chair-roster-manage"
          className="btn btn--secondary"
          label="管理会员名册"
          link
          onClick={() => go('roster', { homeId })}
        />
      )}
    </View>
  );
}
