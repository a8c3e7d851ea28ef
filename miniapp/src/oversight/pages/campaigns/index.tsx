import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Campaign } from '@pingjia/shared';
import { useResource } from '../../../hooks/useResource';
import { createCampaign, getOrg, listCampaigns } from '../../../services/oversight';
import { heading } from '../../../utils/a11y';
import { param } from '../../../utils/url';
import { FederationNav } from '../../components/Nav';
import StaffPage, { STAFF_PAGE } from '../../components/StaffPage';
import CampaignForm from './CampaignForm';
import CampaignItem from './CampaignItem';

/** Rating cycles of the org and those above it: create one, edit, schedule, open, extend, close and publish those it owns. */
export default function CampaignsPage() {
  const { params } = useRouter();
  const orgId = param(params.orgId);
  const { state, update, reload } = useResource(
    async () => {
      const [org, campaigns] = await Promise.all([getOrg(orgId), listCampaigns(orgId)]);
      return { org, campaigns };
    },
    [orgId],
    STAFF_PAGE,
  );

  const replace = (c: Campaign) =>
    update((data) => ({ ...data, campaigns: data.campaigns.map((x) => (x.id === c.id ? { ...x, ...c } : x)) }));

  return (
    <StaffPage title="评议周期" wide state={state} onReload={reload} nav={<FederationNav active="campaigns" orgId={orgId} />}>
      {({ org, campaigns }) => (
        <>
          <View className="card">
            <Text className="ov-section" {...heading(2)}>
              {org.name}的评议周期
            </Text>
            {campaigns.length === 0 && (
              <Text className="ov-withheld" id="campaigns-empty">
                还没有评议周期
              </Text>
            )}
            {campaigns.map((c, i) => (
              <CampaignItem key={c.id} index={i} campaign={c} onChange={replace} />
            ))}
          </View>
          <View className="card">
            <Text className="ov-section" {...heading(2)}>
              新建评议周期
            </Text>
            <Text className="ov-sub">
              评议覆盖{org.name}及其下级的全部职工之家。新建的周期是草稿：可以修改，预约后到开始日期自动开始，到结束日期自动结束。
            </Text>
            <CampaignForm
              idPrefix="campaign"
              submitLabel="创建评议周期"
              onSubmit={async (fields, key) => {
                const c = await createCampaign({ orgId, ...fields }, key);
                update((data) => ({
                  ...data,
                  campaigns: [{ ...c, owner: { id: org.id, name: org.name }, manageable: true }, ...data.campaigns],
                }));
                return `已创建草稿「${c.name}」：可以预约开始或立即开始`;
              }}
            />
          </View>
        </>
      )}
    </StaffPage>
  );
}
