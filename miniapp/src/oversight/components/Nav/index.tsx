import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { a11y, current } from '../../../utils/a11y';
import { switchTo, type RouteName } from '../../lib/routes';
import './index.less';

interface Tab {
  route: RouteName | 'grievances';
  label: string;
}

// The grievance queue lives in the main package (workers' pages share its parts): opened, not swapped in.
const GRIEVANCE_QUEUE = '/pages/grievance/queue/index';

const FEDERATION_TABS: Tab[] = [
  { route: 'federation', label: '总览' },
  { route: 'league', label: '排行榜' },
  { route: 'campaigns', label: '评议周期' },
  { route: 'manage', label: '组织与职工之家' },
  { route: 'rectifications', label: '整改跟踪' },
  { route: 'import', label: '批量导入' },
  { route: 'held', label: '内容审核' },
  { route: 'audit', label: '操作日志' },
  { route: 'settings', label: '省级设置' },
  { route: 'grievances', label: '维权诉求' },
];

const CHAIR_TABS: Tab[] = [
  { route: 'chair', label: '评议结果' },
  { route: 'comments', label: '会员留言' },
  { route: 'poster', label: '评议海报' },
  { route: 'rectification', label: '整改' },
  { route: 'grievances', label: '维权诉求' },
];

function Tabs({
  prefix,
  label,
  tabs,
  active,
  params,
}: {
  prefix: string;
  label: string;
  tabs: Tab[];
  active: RouteName;
  params: Record<string, string | undefined>;
}) {
  return (
    <View className="ov-nav" {...a11y({ role: 'group', label })}>
      {tabs.map((t) => (
        <Button
          key={t.route}
          id={`${prefix}-${t.route}`}
          className={`ov-nav__tab${t.route === active ? ' ov-nav__tab--on' : ''}`}
          {...a11y({ role: 'link', label: t.label })}
          {...current(t.route === active)}
          onClick={() => {
            if (t.route === 'grievances') Taro.navigateTo({ url: GRIEVANCE_QUEUE });
            else if (t.route !== active) switchTo(t.route, params);
          }}
        >
          {t.label}
        </Button>
      ))}
    </View>
  );
}

/** The federation's sections; the org (and cycle) travel along. */
export function FederationNav({ active, orgId, campaignId }: { active: RouteName; orgId: string; campaignId?: string }) {
  return <Tabs prefix="fed-nav" label="上级工会功能" tabs={FEDERATION_TABS} active={active} params={{ orgId, campaignId }} />;
}

/** The chair's sections of one home. */
export function ChairNav({ active, homeId, campaignId }: { active: RouteName; homeId: string; campaignId?: string }) {
  return <Tabs prefix="chair-nav" label="职工之家功能" tabs={CHAIR_TABS} active={active} params={{ homeId, campaignId }} />;
}
