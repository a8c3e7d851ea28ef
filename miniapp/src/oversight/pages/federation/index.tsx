import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  CAMPAIGN_STATUS_LABELS,
  CRITERIA,
  CRITERIA_COUNT_TEXT,
  daysLeftText,
  INTEGRITY_FLAG_LABELS,
  missingArrangementText,
  openFiguresNote,
  SCORE_MAX,
  TIER_LABELS,
  TIERS,
  validParticipationPercent,
  type OrgDashboard,
} from '@pingjia/shared';
import { useResource } from '../../../hooks/useResource';
import { getOrgDashboard, listCampaigns } from '../../../services/oversight';
import { a11y, heading } from '../../../utils/a11y';
import { formatPercent } from '../../../utils/format';
import { param } from '../../../utils/url';
import CampaignPicker from '../../components/CampaignPicker';
import DataTable from '../../components/DataTable';
import Figure from '../../components/Figure';
import { FederationNav } from '../../components/Nav';
import GrievanceAlerts from '../../components/GrievanceAlerts';
import StaffPage, { STAFF_PAGE } from '../../components/StaffPage';
import Notice from '../../components/StaffPage/Notice';
import { exportPath, useAction } from '../../components/StaffPage/useAction';
import { openPdf, openSpreadsheet } from '../../lib/files';
import { meanOrWithheld, percentOrWithheld } from '../../lib/figures';
import { go, switchTo } from '../../lib/routes';
import ActionButton from '../../../components/Form/ActionButton';
import SubmitButton from '../../../components/Form/SubmitButton';

type Low = OrgDashboard['lowParticipation']['items'][number];
type Lost = OrgDashboard['lostTitles']['items'][number];
type Flagged = OrgDashboard['integrityFlags']['items'][number];

/** A federation's subtree for one cycle: totals, titles, homes needing attention, grievances. */
export default function FederationDashboardPage() {
  const { params } = useRouter();
  const orgId = param(params.orgId);
  const [campaignId, setCampaignId] = useState(param(params.campaignId) || undefined);
  const { state, reload } = useResource(
    async () => {
      const [dashboard, campaigns] = await Promise.all([getOrgDashboard(orgId, { campaignId, pageSize: 5 }), listCampaigns(orgId)]);
      return { dashboard, campaigns };
    },
    [orgId, campaignId],
    STAFF_PAGE,
  );
  const { busy, notice, run } = useAction();
  const exportXlsx = (cid: string | undefined) => run(() => openSpreadsheet(exportPath('orgs', orgId, cid), '职工之家评议汇总.xlsx'));
  // The print run: one A4 page per home of the subtree, streamed by the server.
  const printRun = () => run(() => openPdf(`/api/orgs/${encodeURIComponent(orgId)}/posters.pdf`, '评议海报（全部职工之家）.pdf'));

  return (
    <StaffPage
      title="评议总览"
      wide
      state={state}
      onReload={reload}
      nav={<FederationNav active="federation" orgId={orgId} campaignId={campaignId} />}
    >
      {({ dashboard: d, campaigns }) => {
        const t = d.totals;
        const cid = d.campaign?.id;
        return (
          <>
            <GrievanceAlerts />
            <View className="card">
              <Text className="fed__org" id="fed-org">
                {d.org.name}
              </Text>
              <Text className="ov-sub" id="fed-campaign">
                {d.campaign
                  ? `${d.campaign.name}（${CAMPAIGN_STATUS_LABELS[d.campaign.status]}）`
                  : '还没有评议周期，请先在「评议周期」中创建'}
              </Text>
              {d.openCycle && (
                <Text className="ov-sub" id="fed-open-note">
                  {`${daysLeftText(d.openCycle.daysLeft)}。${openFiguresNote(d.thresholds)}`}
                </Text>
              )}
              {d.calendarWarning && (
                <View className="callout callout--error" id="fed-calendar-warning" {...a11y({ role: 'alert' })}>
                  {missingArrangementText(d.calendarWarning.year)}
                  <Button id="fed-calendar-open" className="btn btn--secondary" onClick={() => switchTo('settings', { orgId })}>
                    去导入放假安排
                  </Button>
                </View>
              )}
              <CampaignPicker campaigns={campaigns} value={cid ?? null} onChange={setCampaignId} />
              <View className="ov-figures">
                <Figure id="fed-homes" label="职工之家" value={`${t.homes} 家`} />
                <Figure id="fed-members" label="会员" value={`${t.members} 人`} />
                <Figure id="fed-ratings" label="参评" value={`${t.ratings} 人`} />
                <Figure id="fed-participation" label="参评率" value={formatPercent(t.participationRate)} />
                <Figure id="fed-satisfaction" label="满意率" value={percentOrWithheld(t.satisfactionRate)} />
                <Figure id="fed-reported" label="参评满 5 人的职工之家" value={`${t.reportedHomes} 家`} />
              </View>
              <Text className="ov-sub">满意率和各项得分只计参评满 5 人的职工之家，以保护评议人。</Text>
            </View>

            <View className="ov-columns">
              <View className="card">
                <Text className="ov-section" {...heading(2)}>
                  称号分布
                </Text>
                <DataTable
                  id="fed-tiers"
                  caption="本周期各称号的职工之家数（称号需评议有效）"
                  columns={[
                    { key: 'tier', title: '称号', cell: (k) => TIER_LABELS[k] },
                    { key: 'count', title: '职工之家数', numeric: true, cell: (k) => `${d.tiers[k]}` },
                  ]}
                  rows={[...TIERS].reverse()}
                  rowKey={(k) => k}
                />
              </View>
              <View className="card">
                <Text className="ov-section" {...heading(2)}>
                  各项平均分
                </Text>
                <DataTable
                  id="fed-means"
                  caption={`${CRITERIA_COUNT_TEXT}评议内容平均分（满分 ${SCORE_MAX} 分）`}
                  columns={[
                    { key: 'label', title: '评议内容', cell: (c) => c.label },
                    { key: 'mean', title: '平均分', numeric: true, cell: (c) => meanOrWithheld(t.means[c.key]) },
                  ]}
                  rows={[...CRITERIA]}
                  rowKey={(c) => c.key}
                />
              </View>
            </View>

            <View className="card">
              <Text className="ov-section" {...heading(2)}>
                需要核查的评议异常（{d.integrityFlags.total} 家）
              </Text>
              <DataTable<Flagged>
                id="fed-flags"
                caption="只向上级工会显示，不显示具体账号；请联系相关职工之家核实名册和参评情况"
                columns={[
                  { key: 'name', title: '职工之家', cell: (h) => h.name },
                  { key: 'kinds', title: '异常情况', cell: (h) => h.kinds.map((k) => INTEGRITY_FLAG_LABELS[k]).join('；') },
                ]}
                rows={d.integrityFlags.items}
                rowKey={(h) => h.id}
                empty="本周期没有需要核查的评议异常"
              />
            </View>

            <View className="ov-columns">
              <View className="card">
                <Text className="ov-section" {...heading(2)}>
                  参评率偏低（{d.lowParticipation.total} 家）
                </Text>
                <DataTable<Low>
                  id="fed-low"
                  caption={`参评率未达 ${validParticipationPercent()}% 的职工之家`}
                  columns={[
                    {
                      key: 'name',
                      title: '职工之家',
                      cell: (h, i) => (
                        <Button
                          id={`fed-low-open-${i}`}
                          className="ov-link"
                          {...a11y({ role: 'link', label: h.name })}
                          onClick={() => go('chair', { homeId: h.id, campaignId: cid })}
                        >
                          {h.name}
                        </Button>
                      ),
                    },
                    { key: 'count', title: '参评 / 会员', numeric: true, cell: (h) => `${h.ratings} / ${h.members}` },
                    { key: 'rate', title: '参评率', numeric: true, cell: (h) => formatPercent(h.rate) },
                  ]}
                  rows={d.lowParticipation.items}
                  rowKey={(h) => h.id}
                  empty="没有参评率偏低的职工之家"
                />
              </View>
              <View className="card">
                <Text className="ov-section" {...heading(2)}>
                  称号下降（{d.lostTitles.total} 家）
                </Text>
                <DataTable<Lost>
                  id="fed-lost"
                  caption={
                    d.lostTitles.previousCampaign
                      ? `与「${d.lostTitles.previousCampaign.name}」相比称号下降的职工之家`
                      : '称号下降的职工之家（没有上一周期可比）'
                  }
                  columns={[
                    { key: 'name', title: '职工之家', cell: (h) => h.name },
                    { key: 'previous', title: '上一周期', cell: (h) => TIER_LABELS[h.previous] },
                    { key: 'current', title: '本周期', cell: (h) => TIER_LABELS[h.current] },
                  ]}
                  rows={d.lostTitles.items}
                  rowKey={(h) => h.id}
                  empty="没有称号下降的职工之家"
                />
              </View>
            </View>

            <View className="card">
              <Text className="ov-section" {...heading(2)}>
                职工诉求
              </Text>
              {d.grievances ? (
                <View className="ov-figures">
                  <Figure id="fed-grievances-total" label="诉求总数" value={`${d.grievances.total} 件`} />
                  <Figure id="fed-grievances-open" label="办理中" value={`${d.grievances.open} 件`} />
                  <Figure id="fed-grievances-overdue" label="超期" value={`${d.grievances.overdue} 件`} />
                  <Figure
                    id="fed-grievances-escalated"
                    label="已上报上级"
                    value={d.grievances.escalated === null ? '暂无数据' : `${d.grievances.escalated} 件`}
                  />
                  <Figure
                    id="fed-grievances-ontime"
                    label="按时办结率"
                    value={d.grievances.onTimeRate === null ? '暂无办结' : formatPercent(d.grievances.onTimeRate)}
                  />
                </View>
              ) : (
                <Text className="ov-withheld" id="fed-grievances-none">
                  暂无诉求数据
                </Text>
              )}
            </View>

            <View className="ov-actions">
              <ActionButton
                id="fed-league"
                className="btn btn--secondary"
                label="查看排行榜"
                link
                onClick={() => switchTo('league', { orgId, campaignId: cid })}
              />
              <ActionButton id="fed-export" className="btn btn--primary" label="导出 Excel 汇总" onClick={() => exportXlsx(cid)} />
              <SubmitButton id="fed-posters" label="打印全部评议海报（A4 PDF）" secondary spinner busy={busy} onClick={printRun} />
            </View>
            {busy && (
              <Text className="ov-sub" id="fed-posters-wait" {...a11y({ role: 'status' })}>
                {`正在生成海报（${t.homes} 家职工之家，每家一页），较大的地区需要几十秒，请不要离开本页…`}
              </Text>
            )}
            <Notice id="fed-notice" text={notice?.text ?? null} error={notice?.error} />
          </>
        );
      }}
    </StaffPage>
  );
}
