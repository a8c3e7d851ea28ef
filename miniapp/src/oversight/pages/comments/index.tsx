import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useResource } from '../../../hooks/useResource';
import { getHomeDashboard } from '../../../services/dashboard';
import { a11y } from '../../../utils/a11y';
import { param } from '../../../utils/url';
import { ChairNav } from '../../components/Nav';
import StaffPage, { STAFF_PAGE } from '../../components/StaffPage';
import Withheld from '../../components/StaffPage/Withheld';

/** Members' approved comments: the text only, in no time order (the day could point at the writer). */
export default function CommentsPage() {
  const { params } = useRouter();
  const homeId = param(params.homeId);
  const campaignId = param(params.campaignId) || undefined;
  const { state, reload } = useResource(() => getHomeDashboard(homeId, campaignId), [homeId, campaignId], STAFF_PAGE);

  return (
    <StaffPage
      title="会员留言"
      state={state}
      onReload={reload}
      nav={<ChairNav active="comments" homeId={homeId} campaignId={campaignId} />}
    >
      {(d) => (
        <View className="card">
          <Text className="ov-sub" id="comments-campaign">
            {d.home.name}
            {d.campaign ? ` · ${d.campaign.name}` : ''}
          </Text>
          {d.comments === null && <Withheld id="comments-withheld" reason="参评满 10 人后才显示留言" />}
          {d.comments !== null && d.comments.length === 0 && (
            <Text className="ov-withheld" id="comments-empty">
              暂无公开的留言
            </Text>
          )}
          {d.comments !== null && d.comments.length > 0 && (
            <View id="comments-list" {...a11y({ role: 'list', label: '会员留言' })}>
              {d.comments.map((c, i) => (
                <View key={i} className="ov-list-item" id={`comment-${i}`} {...a11y({ role: 'listitem' })}>
                  <Text>{c.text}</Text>
                </View>
              ))}
            </View>
          )}
          <Text className="ov-sub">留言经审核后公开；不显示留言人和留言时间。</Text>
        </View>
      )}
    </StaffPage>
  );
}
