import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import StatusView from '../../components/StatusView';
import { pageUrl, param } from '../../utils/url';

// The chair's dashboard is oversight/pages/chair. This path stays for the links and mini-program codes
// already handed out: it passes its query on (homeId, campaignId) and takes itself off the page stack.
const CHAIR_DASHBOARD = '/oversight/pages/chair/index';

export default function DashboardRedirect() {
  const { params } = useRouter();

  useEffect(() => {
    // Taro adds its own `$taroTimestamp`; weapp hands values over still URL-encoded.
    const query = Object.fromEntries(
      Object.entries(params)
        .filter(([k]) => !k.startsWith('$'))
        .map(([k, v]) => [k, param(v)]),
    );
    Taro.redirectTo({ url: pageUrl(CHAIR_DASHBOARD, query) });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <View className="page">
      <StatusView kind="loading" id="dash-redirect" text="正在打开评议结果…" />
    </View>
  );
}
