import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CAMPAIGN_STATUS_LABELS, commentsWithheldText, DEFAULT_THRESHOLDS } from '@pingjia/shared';
import ChoiceGroup from '../../../components/ChoiceGroup';
import { useResource } from '../../../hooks/useResource';
import { getHomeDashboard } from '../../../services/dashboard';
import { a11y } from '../../../utils/a11y';
import { param } from '../../../utils/url';
import { ChairNav } from '../../components/Nav';
import GrievanceAlerts from '../../components/GrievanceAlerts';
import StaffPage, { STAFF_PAGE } from '../../components/StaffPage';
import Notice from '../../components/StaffPage/Notice';
import { exportPath, useAction } from '../../components/StaffPage/useAction';
import Withheld from '../../components/StaffPage/Withheld';
import { openPdf, openSpreadsheet } from '../../lib/files';
import { go } from '../../lib/routes';
import { OpenCycleCard } from './open-cycle';
import { RosterCard } from './roster';
import { CriteriaCard, GrievanceCard, GroupsCard, ParticipationCard, SatisfactionCard, TrendCard } from './sections';
import './index.less';
import ActionButton from '../../../components/Form/ActionButton';
import SubmitButton from '../../../components/Form/SubmitButton';

/** The chair's view of their home for one cycle: figures, charts with tables, and the way to act on them. */
export default function ChairDashboardPage() {
  const { params } = useRouter();
  const homeId = param(params.homeId);
  const [campaignId, setCampaignId] = useState(param(params.campaignId) || undefined);
  const { state, reload, refreshing } = useResource(() => getHomeDashboard(homeId, campaignId), [homeId, campaignId], {
    ...STAFF_PAGE,
    missing: homeId ? null : '缺少职工之家参数，请从工作台进入',
  });
  const { busy, notice, run } = useAction();
  const exportXlsx = (cid: string | undefined) => run(() => openSpreadsheet(exportPath('homes', homeId, cid), '职工之家评议报告.xlsx'));
  // 申报 / 验收 材料 of a closed cycle: the same figures as this page, as PDF.
  const dossier = (cid: string) =>
    run(() =>
      openPdf(`/api/homes/${encodeURIComponent(homeId)}/dossier.pdf?campaignId=${encodeURIComponent(cid)}`, '职工之家评议材料.pdf'),
    );

  return (
    <StaffPage
      title="评议结果"
      state={state}
      onReload={reload}
      nav={homeId ? <ChairNav active="chair" homeId={homeId} campaignId={campaignId} /> : undefined}
    >
      {(d) => (
        <>
          <GrievanceAlerts />
          <View className="card">
            <Text className="chair__home" id="chair-home">
              {d.home.name}
            </Text>
            <Text className="ov-sub" id="chair-campaign">
              {d.campaign ? `${d.campaign.name}（${CAMPAIGN_STATUS_LABELS[d.campaign.status]}）` : '还没有开始过评议'}
            </Text>
            {d.trend.length > 1 && (
              <ChoiceGroup
                idPrefix="chair-cycle"
                title="选择评议周期"
                layout="pills"
                choices={d.trend.map((p) => ({ key: p.campaign.id, label: p.campaign.name }))}
                value={d.campaign?.id ?? null}
                onChange={(key) => setCampaignId(key)}
              />
            )}
          </View>

          {d.openCycle && <OpenCycleCard open={d.openCycle} />}
          {d.withheld && !d.openCycle && (
            <View className="card chair__withheld" id="chair-withheld" {...a11y({ role: 'status' })}>
              <Withheld reason={`参评不足 ${DEFAULT_THRESHOLDS.minSlice} 人，目前 ${d.participation.ratings} 人`} />
              <Text className="ov-sub">为保护评议人，参评满 {DEFAULT_THRESHOLDS.minSlice} 人后才显示满意率、各项得分和称号。</Text>
            </View>
          )}

          <ParticipationCard d={d} />
          <RosterCard homeId={homeId} />
          {/* Until the close there is nothing else to show: no empty cards. */}
          {!d.openCycle && <SatisfactionCard d={d} />}
          {!d.openCycle && <CriteriaCard d={d} />}
          <GrievanceCard d={d} />
          {!d.openCycle && <GroupsCard d={d} />}
          <TrendCard d={d} />

          <View className="card">
            <Text className="ov-section">会员留言</Text>
            {d.comments === null ? (
              <Withheld id="chair-comments-withheld" reason={commentsWithheldText(d.commentsWithheld ?? 'too_few_ratings')} />
            ) : (
              <Text className="ov-sub" id="chair-comments-count">
                已公开的留言 {d.comments.length} 条
              </Text>
            )}
            <ActionButton
              id="chair-comments-link"
              className="btn btn--secondary"
              label="查看会员留言"
              link
              onClick={() => go('comments', { homeId, campaignId: d.campaign?.id })}
            />
          </View>

          <View className="ov-actions">
            <ActionButton
              id="chair-export"
              className="btn btn--primary"
              label="导出 Excel 报告"
              onClick={() => exportXlsx(d.campaign?.id)}
            />
            {d.campaign && !d.openCycle && (
              <SubmitButton
                id="chair-dossier"
                label="下载评议材料（PDF）"
                secondary
                spinner
                busy={busy}
                onClick={() => dossier(d.campaign!.id)}
              />
            )}
            <SubmitButton id="chair-refresh" label="刷新" secondary spinner busy={refreshing} onClick={reload} />
          </View>
          <Notice id="chair-notice" text={notice?.text ?? null} error={notice?.error} />
        </>
      )}
    </StaffPage>
  );
}
