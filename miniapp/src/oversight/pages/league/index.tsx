import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  CAMPAIGN_STATUS_LABELS,
  CRITERIA,
  daysLeftText,
  LEAGUE_LEVELS,
  LEAGUE_SORT_KEYS,
  openFiguresNote,
  TIER_LABELS,
  type LeagueLevel,
  type LeagueRow,
  type LeagueSortKey,
} from '@pingjia/shared';
import ChoiceGroup from '../../../components/ChoiceGroup';
import { useResource } from '../../../hooks/useResource';
import { getOrgDashboard, listCampaigns } from '../../../services/oversight';
import { a11y } from '../../../utils/a11y';
import { formatPercent } from '../../../utils/format';
import { param } from '../../../utils/url';
import CampaignPicker from '../../components/CampaignPicker';
import DataTable, { type Column } from '../../components/DataTable';
import { FederationNav } from '../../components/Nav';
import Pager from '../../components/Pager';
import StaffPage, { STAFF_PAGE } from '../../components/StaffPage';
import Notice from '../../components/StaffPage/Notice';
import { exportPath, useAction } from '../../components/StaffPage/useAction';
import { WITHHELD_TEXT } from '../../components/StaffPage/Withheld';
import { openSpreadsheet } from '../../lib/files';
import { meanOrWithheld, percentOrWithheld } from '../../lib/figures';
import { go } from '../../lib/routes';
import './index.less';
import ActionButton from '../../../components/Form/ActionButton';

const SORT_LABELS = {
  satisfaction: '满意率',
  participation: '参评率',
  ...Object.fromEntries(CRITERIA.map((c) => [c.key, c.label])),
  name: '名称',
} as Record<LeagueSortKey, string>;
const LEVEL_LABELS: Record<LeagueLevel, string> = { homes: '各职工之家', children: '下级工会' };
const PAGE_SIZE = 20;

const pick = <K extends string>(value: string, allowed: readonly K[], fallback: K): K =>
  (allowed as readonly string[]).includes(value) ? (value as K) : fallback;

/** The league table of a federation's subtree: sorted by an allow-listed key, paged, with drill-down. */
export default function LeaguePage() {
  const { params } = useRouter();
  const orgId = param(params.orgId);
  const [campaignId, setCampaignId] = useState(param(params.campaignId) || undefined);
  const [level, setLevel] = useState<LeagueLevel>(pick(param(params.level), LEAGUE_LEVELS, 'homes'));
  const [sort, setSort] = useState<LeagueSortKey>(pick(param(params.sort), LEAGUE_SORT_KEYS, 'satisfaction'));
  const [order, setOrder] = useState<'asc' | 'desc'>(param(params.order) === 'asc' ? 'asc' : 'desc');
  const [page, setPage] = useState(Math.max(1, Number(param(params.page)) || 1));
  const { state, reload } = useResource(
    async () => {
      const [dashboard, campaigns] = await Promise.all([
        getOrgDashboard(orgId, { campaignId, sort, order, level, page, pageSize: PAGE_SIZE }),
        listCampaigns(orgId),
      ]);
      return { dashboard, campaigns };
    },
    [orgId, campaignId, sort, order, level, page],
    STAFF_PAGE,
  );
  const { notice, run } = useAction();

  const chooseSort = (key: LeagueSortKey) => {
    // The same key again turns the order round; a new key starts from its natural order.
    if (key === sort) setOrder(order === 'desc' ? 'asc' : 'desc');
    else {
      setSort(key);
      setOrder(key === 'name' ? 'asc' : 'desc');
    }
    setPage(1);
  };
  const sorted = (key: LeagueSortKey): 'ascending' | 'descending' | undefined =>
    key === sort ? (order === 'asc' ? 'ascending' : 'descending') : undefined;
  // A row opens the next level down: a child org's own league, or a home's dashboard.
  const open = (row: LeagueRow, cid?: string) =>
    row.type === 'org'
      ? go('league', { orgId: row.id, campaignId: cid, level: 'homes' })
      : go('chair', { homeId: row.id, campaignId: cid });

  return (
    <StaffPage
      title="排行榜"
      wide
      state={state}
      onReload={reload}
      nav={<FederationNav active="league" orgId={orgId} campaignId={campaignId} />}
    >
      {({ dashboard: d, campaigns }) => {
        const cid = d.campaign?.id;
        const first = (d.league.page - 1) * d.league.pageSize;
        const columns: Array<Column<LeagueRow>> = [
          { key: 'rank', title: '序号', numeric: true, cell: (_r, i) => String(first + i + 1) },
          {
            key: 'name',
            title: level === 'homes' ? '职工之家' : '下级工会',
            sorted: sorted('name'),
            cell: (r, i) => (
              <Button
                id={`league-open-${i}`}
                className="ov-link"
                {...a11y({ role: 'link', label: r.type === 'org' ? `查看${r.name}的排行` : `查看${r.name}的评议结果` })}
                onClick={() => open(r, cid)}
              >
                {r.name}
              </Button>
            ),
          },
          ...(level === 'homes'
            ? [
                {
                  key: 'title',
                  title: '称号',
                  cell: (r: LeagueRow) => (r.reportedHomes ? (r.title ? TIER_LABELS[r.title] : '—') : WITHHELD_TEXT),
                },
              ]
            : [{ key: 'homes', title: '职工之家', numeric: true, cell: (r: LeagueRow) => `${r.homes}` }]),
          { key: 'ratings', title: '参评 / 会员', numeric: true, cell: (r) => `${r.ratings} / ${r.members}` },
          {
            key: 'participation',
            title: '参评率',
            numeric: true,
            sorted: sorted('participation'),
            cell: (r) => formatPercent(r.participationRate),
          },
          {
            key: 'satisfaction',
            title: '满意率',
            numeric: true,
            sorted: sorted('satisfaction'),
            cell: (r) => percentOrWithheld(r.satisfactionRate),
          },
          ...CRITERIA.map((c) => ({
            key: c.key,
            title: c.label,
            numeric: true,
            sorted: sorted(c.key),
            cell: (r: LeagueRow) => meanOrWithheld(r.means[c.key]),
          })),
        ];
        return (
          <>
            <View className="card">
              <Text className="ov-sub" id="league-org">
                {d.org.name}
                {d.campaign ? ` · ${d.campaign.name}（${CAMPAIGN_STATUS_LABELS[d.campaign.status]}）` : ''}
              </Text>
              {d.openCycle && (
                <Text className="ov-sub" id="league-open-note">
                  {`${daysLeftText(d.openCycle.daysLeft)}。${openFiguresNote()}`}
                </Text>
              )}
              <CampaignPicker
                campaigns={campaigns}
                value={cid ?? null}
                onChange={(id) => {
                  setCampaignId(id);
                  setPage(1);
                }}
              />
              <View className="league__controls">
                <View className="league__control">
                  <ChoiceGroup
                    idPrefix="league-level"
                    title="范围"
                    layout="pills"
                    choices={LEAGUE_LEVELS.map((k) => ({ key: k, label: LEVEL_LABELS[k] }))}
                    value={level}
                    onChange={(k) => {
                      setLevel(k);
                      setPage(1);
                    }}
                  />
                </View>
                <View className="league__control">
                  <ChoiceGroup
                    idPrefix="league-sort"
                    title="排序（再点一次切换升序/降序）"
                    layout="pills"
                    choices={LEAGUE_SORT_KEYS.map((k) => ({
                      key: k,
                      label: k === sort ? `${SORT_LABELS[k]} ${order === 'asc' ? '↑' : '↓'}` : SORT_LABELS[k],
                    }))}
                    value={sort}
                    onChange={chooseSort}
                  />
                </View>
              </View>
              <Text className="ov-sub" id="league-sorting">
                按{SORT_LABELS[sort]}
                {order === 'asc' ? '从低到高' : '从高到低'}排列
              </Text>
            </View>
            <View className="card">
              <DataTable
                id="league-table"
                stack
                caption={`${d.org.name}${LEVEL_LABELS[level]}排行（共 ${d.league.total} 个）`}
                columns={columns}
                rows={d.league.items}
                rowKey={(r) => r.id}
                empty="没有可排行的数据"
              />
              <Text className="ov-sub">{WITHHELD_TEXT}：参评不足 5 人的职工之家不显示满意率和得分。</Text>
              <Pager id="league" page={d.league.page} pageSize={d.league.pageSize} total={d.league.total} onPage={setPage} />
            </View>
            <View className="ov-actions">
              <ActionButton
                id="league-export"
                className="btn btn--primary"
                label="导出 Excel 汇总"
                onClick={() => run(() => openSpreadsheet(exportPath('orgs', orgId, cid), '职工之家评议汇总.xlsx'))}
              />
            </View>
            <Notice id="league-notice" text={notice?.text ?? null} error={notice?.error} />
          </>
        );
      }}
    </StaffPage>
  );
}
