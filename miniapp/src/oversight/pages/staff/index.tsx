import { useEffect } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { Home, Org } from '@pingjia/shared';
import { useResource } from '../../../hooks/useResource';
import { getHome, getMe, getOrg } from '../../../services/oversight';
import { a11y } from '../../../utils/a11y';
import GrievanceAlerts from '../../components/GrievanceAlerts';
import StaffPage, { STAFF_PAGE } from '../../components/StaffPage';
import { go } from '../../lib/routes';
import ActionButton from '../../../components/Form/ActionButton';

interface Places {
  homes: Home[];
  orgs: Org[];
}

async function loadPlaces(): Promise<Places> {
  const me = await getMe();
  const homeIds = me.roles.filter((r) => r.role === 'chair').map((r) => r.orgId);
  const orgIds = me.roles.filter((r) => r.role === 'federation_admin').map((r) => r.orgId);
  const [homes, orgs] = await Promise.all([Promise.all(homeIds.map(getHome)), Promise.all(orgIds.map(getOrg))]);
  return { homes, orgs };
}

/** 工作台: where chairs and federation staff start; with one place only it goes straight there. */
export default function StaffHomePage() {
  const { state, reload } = useResource(loadPlaces, [], STAFF_PAGE);

  useEffect(() => {
    if (state.kind !== 'ready') return;
    const { homes, orgs } = state.data;
    if (homes.length === 1 && orgs.length === 0) go('chair', { homeId: homes[0].id }, true);
    if (orgs.length === 1 && homes.length === 0) go('federation', { orgId: orgs[0].id }, true);
  }, [state]);

  return (
    <StaffPage title="工作台" state={state} onReload={reload}>
      {({ homes, orgs }) => (
        <>
          <GrievanceAlerts />
          {orgs.length > 0 && (
            <View className="card">
              <Text className="ov-section">我管理的工会</Text>
              {orgs.map((o, i) => (
                <Button
                  key={o.id}
                  id={`staff-org-${i}`}
                  className="btn btn--secondary"
                  {...a11y({ role: 'link', label: `进入${o.name}` })}
                  onClick={() => go('federation', { orgId: o.id })}
                >
                  {o.name}
                </Button>
              ))}
            </View>
          )}
          {homes.length > 0 && (
            <View className="card">
              <Text className="ov-section">我负责的职工之家</Text>
              {homes.map((h, i) => (
                <Button
                  key={h.id}
                  id={`staff-home-${i}`}
                  className="btn btn--secondary"
                  {...a11y({ role: 'link', label: `查看${h.name}` })}
                  onClick={() => go('chair', { homeId: h.id })}
                >
                  {h.name}
                </Button>
              ))}
            </View>
          )}
          {homes.length + orgs.length === 0 && (
            <View className="card" id="staff-none">
              <Text className="ov-withheld">您的账号还没有管理权限。收到上级工会的邀请码后，请先接受邀请。</Text>
              <ActionButton id="staff-accept" className="btn btn--primary" label="接受邀请" link onClick={() => go('accept')} />
            </View>
          )}
        </>
      )}
    </StaffPage>
  );
}
