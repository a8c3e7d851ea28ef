import { useMemo } from 'react';
import { Text, View } from '@tarojs/components';
import {
  CRITERIA,
  CRITERIA_COUNT_TEXT,
  DEFAULT_THRESHOLDS,
  MEMBER_GROUP_KEYS,
  MEMBER_GROUP_LABELS,
  SCORE_MAX,
  TIER_LABELS,
  VERDICT_LABELS,
  type HomeDashboard,
} from '@pingjia/shared';
import { heading } from '../../../utils/a11y';
import { formatMean, formatPercent } from '../../../utils/format';
import { barPercent, meanOrWithheld, percentOrWithheld, ratingsToValid, tierLabel, VALID_LINE_PERCENT } from '../../lib/figures';
import ChartCanvas from '../../components/ChartCanvas';
import { distributionChart, radarChart, trendChart } from '../../components/ChartCanvas/charts';
import DataTable, { type Column } from '../../components/DataTable';
import Figure from '../../components/Figure';
import Withheld, { WITHHELD_TEXT } from '../../components/StaffPage/Withheld';

// The cards of the chair's dashboard. Every chart has a table with the same figures under it.

function Section({ title }: { title: string }) {
  return (
    <Text className="ov-section" {...heading(2)}>
      {title}
    </Text>
  );
}

export function ParticipationCard({ d }: { d: HomeDashboard }) {
  const p = d.participation;
  const missing = ratingsToValid(p.ratings, p.members);
  return (
    <View className="card">
      <Section title="参评情况" />
      <View className="ov-figures">
        <Figure
          id="chair-ratings"
          label={d.openCycle ? `参评人数（按 ${DEFAULT_THRESHOLDS.minSlice} 人取整）` : '参评人数'}
          value={String(p.ratings)}
        />
        <Figure id="chair-members" label="会员人数" value={String(p.members)} />
        <Figure id="chair-participation" label="参评率" value={formatPercent(p.rate)} />
      </View>
      <View className="ov-bar" aria-hidden="true">
        <View className="ov-bar__fill" style={{ width: `${barPercent(p.rate)}%` }} />
        <View className="ov-bar__line" style={{ left: `${VALID_LINE_PERCENT}%` }} />
      </View>
      <Text className={`ov-sub${p.valid ? '' : ' ov-sub--warn'}`} id="chair-valid">
        {p.valid
          ? `参评率已达到 ${VALID_LINE_PERCENT}% 有效线，本轮评议有效。`
          : `有效线为会员的 ${VALID_LINE_PERCENT}%：还差 ${missing} 人参评，本轮评议才有效。`}
      </Text>
    </View>
  );
}

export function SatisfactionCard({ d }: { d: HomeDashboard }) {
  const s = d.satisfaction;
  return (
    <View className="card">
      <Section title="满意度与称号" />
      {s ? (
        <>
          <View className="ov-figures">
            <Figure id="chair-satisfaction" label="满意率（满意 + 基本满意）" value={percentOrWithheld(s.rate)} />
            <Figure id="chair-verdict-satisfied" label={VERDICT_LABELS.satisfied} value={`${s.satisfied} 人`} />
            <Figure id="chair-verdict-basically" label={VERDICT_LABELS.basically_satisfied} value={`${s.basicallySatisfied} 人`} />
            <Figure id="chair-verdict-dissatisfied" label={VERDICT_LABELS.dissatisfied} value={`${s.dissatisfied} 人`} />
          </View>
        </>
      ) : (
        <Withheld id="chair-satisfaction-withheld" reason="参评不足 5 人" />
      )}
      <View className="ov-figures">
        <Figure id="chair-title" label="本轮称号（需评议有效）" value={d.withheld ? WITHHELD_TEXT : tierLabel(d.title)} />
        <Figure id="chair-tier" label="按满意率可达" value={d.tier ? TIER_LABELS[d.tier.current] : WITHHELD_TEXT} />
      </View>
      {d.tier?.next && d.tier.gap !== null && (
        <Text className="ov-sub" id="chair-tier-gap">
          距「{TIER_LABELS[d.tier.next]}」还差满意率 {formatPercent(d.tier.gap)}
        </Text>
      )}
      {d.tier && !d.tier.next && (
        <Text className="ov-sub" id="chair-tier-gap">
          已达到最高称号标准
        </Text>
      )}
    </View>
  );
}

interface CriterionRow {
  key: string;
  label: string;
  mean: number | null;
  distribution: number[] | null;
}

const SCORES = Array.from({ length: SCORE_MAX }, (_, i) => i + 1);

export function CriteriaCard({ d }: { d: HomeDashboard }) {
  const rows: CriterionRow[] = useMemo(
    () =>
      CRITERIA.map((c) => ({
        key: c.key,
        label: c.label,
        mean: d.criteria?.[c.key]?.mean ?? null,
        distribution: d.criteria?.[c.key]?.distribution ?? null,
      })),
    [d],
  );
  const shown = d.criteria !== null && rows.every((r) => r.mean !== null);
  const ratings = d.participation.ratings;
  const radar = useMemo(() => (shown ? radarChart(rows.map((r) => ({ label: r.label, mean: r.mean as number }))) : null), [rows, shown]);
  const bars = useMemo(
    () =>
      shown && rows.every((r) => r.distribution)
        ? distributionChart(
            rows.flatMap((r) => SCORES.map((s) => ({ label: r.label, score: `${s}分`, count: r.distribution![s - 1] }))),
            ratings,
          )
        : null,
    [rows, shown, ratings],
  );
  const columns: Array<Column<CriterionRow>> = [
    { key: 'label', title: '评议内容', cell: (r) => r.label },
    { key: 'mean', title: '平均分', numeric: true, cell: (r) => <Text id={`chair-mean-${r.key}`}>{meanOrWithheld(r.mean)}</Text> },
    ...SCORES.map((s) => ({
      key: `s${s}`,
      title: `${s}分`,
      numeric: true,
      cell: (r: CriterionRow) => (r.distribution ? String(r.distribution[s - 1]) : '—'),
    })),
  ];
  return (
    <View className="card">
      <Section title={`${CRITERIA_COUNT_TEXT}评议内容（满分 ${SCORE_MAX} 分）`} />
      {shown ? (
        <>
          {radar && <ChartCanvas id="chair-radar" height={260} chart={radar} />}
          {bars && <ChartCanvas id="chair-bars" height={240} chart={bars} />}
          <DataTable id="chair-criteria-table" caption="各项平均分与打 1–5 分的人数" columns={columns} rows={rows} rowKey={(r) => r.key} />
        </>
      ) : (
        <Withheld id="chair-criteria-withheld" reason="参评不足 5 人" />
      )}
    </View>
  );
}

type TrendRow = HomeDashboard['trend'][number];

export function TrendCard({ d }: { d: HomeDashboard }) {
  const chart = useMemo(() => {
    const points = d.trend.flatMap((p) => [
      ...(p.participationRate !== null ? [{ campaign: p.campaign.name, series: '参评率', rate: p.participationRate }] : []),
      ...(p.satisfactionRate !== null ? [{ campaign: p.campaign.name, series: '满意率', rate: p.satisfactionRate }] : []),
    ]);
    return d.trend.length > 1 && points.length ? trendChart(points) : null;
  }, [d]);
  const columns: Array<Column<TrendRow>> = [
    { key: 'campaign', title: '评议周期', cell: (p) => p.campaign.name },
    { key: 'ratings', title: '参评人数', numeric: true, cell: (p) => String(p.ratings) },
    { key: 'participation', title: '参评率', numeric: true, cell: (p) => formatPercent(p.participationRate) },
    { key: 'satisfaction', title: '满意率', numeric: true, cell: (p) => percentOrWithheld(p.satisfactionRate) },
    { key: 'title', title: '称号', cell: (p) => (p.satisfactionRate === null ? WITHHELD_TEXT : tierLabel(p.title)) },
  ];
  return (
    <View className="card">
      <Section title="历次评议趋势" />
      {chart && <ChartCanvas id="chair-trend" height={220} chart={chart} />}
      <DataTable
        id="chair-trend-table"
        stack
        caption="历次评议的参评率、满意率与称号"
        columns={columns}
        rows={d.trend}
        rowKey={(p) => p.campaign.id}
        empty="还没有评议记录"
      />
    </View>
  );
}

type GroupRow = { key: string; label: string; figures: NonNullable<HomeDashboard['groups']>[keyof NonNullable<HomeDashboard['groups']>] };

export function GroupsCard({ d }: { d: HomeDashboard }) {
  const groups = d.groups;
  const rows: GroupRow[] = groups ? MEMBER_GROUP_KEYS.map((k) => ({ key: k, label: MEMBER_GROUP_LABELS[k], figures: groups[k] })) : [];
  const columns: Array<Column<GroupRow>> = [
    { key: 'group', title: '会员群体', cell: (r) => r.label },
    { key: 'ratings', title: '参评人数', numeric: true, cell: (r) => (r.figures ? String(r.figures.ratings) : WITHHELD_TEXT) },
    {
      key: 'rate',
      title: '满意率',
      numeric: true,
      cell: (r) => (r.figures ? percentOrWithheld(r.figures.satisfactionRate) : WITHHELD_TEXT),
    },
    {
      key: 'verdicts',
      title: '满意 / 基本满意 / 不满意',
      cell: (r) => (r.figures ? `${r.figures.satisfied} / ${r.figures.basicallySatisfied} / ${r.figures.dissatisfied}` : WITHHELD_TEXT),
    },
  ];
  return (
    <View className="card">
      <Section title="各会员群体" />
      {groups && rows.every((r) => r.figures === null) && (
        <Withheld id="chair-groups-withheld" reason="各群体及其以外的会员都满 5 人才显示" />
      )}
      {groups && rows.some((r) => r.figures !== null) ? (
        <>
          <DataTable
            id="chair-groups-table"
            stack
            caption="各会员群体的参评与满意情况（会员自愿填写）"
            columns={columns}
            rows={rows}
            rowKey={(r) => r.key}
          />
          <Text className="ov-sub">群体及其以外的会员都达到 5 人时才显示该群体，以免推算出个人评价。</Text>
        </>
      ) : (
        !groups && <Withheld id="chair-groups-withheld" reason="参评不足 5 人" />
      )}
    </View>
  );
}

export function GrievanceCard({ d }: { d: HomeDashboard }) {
  const g = d.grievances;
  const rights = d.criteria?.rights?.mean ?? null;
  return (
    <View className="card">
      <Section title="维权到位与职工诉求" />
      <View className="ov-figures">
        <Figure id="chair-rights-mean" label="会员评「维权到位」平均分" value={meanOrWithheld(rights)} />
        {g ? (
          <>
            <Figure id="chair-grievances-total" label="诉求总数" value={String(g.total)} note={`办理中 ${g.open} 件`} />
            <Figure id="chair-grievances-overdue" label="超期未办" value={`${g.overdue} 件`} />
            <Figure
              id="chair-grievances-ontime"
              label="按时办结率"
              value={g.onTimeRate === null ? '暂无办结' : formatPercent(g.onTimeRate)}
            />
            <Figure
              id="chair-grievances-satisfaction"
              label="职工对办理的满意率"
              value={g.satisfactionRate === null ? '暂无评价' : formatPercent(g.satisfactionRate)}
            />
          </>
        ) : (
          <Figure id="chair-grievances-total" label="职工诉求" value="暂无数据" />
        )}
      </View>
      {rights !== null && <Text className="ov-sub">「维权到位」平均 {formatMean(rights)} 分，可对照诉求办理情况查找差距。</Text>}
    </View>
  );
}
