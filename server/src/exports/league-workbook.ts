import {
  CAMPAIGN_STATUS_LABELS,
  CRITERIA,
  openFiguresNote,
  TIER_LABELS,
  type CampaignStatus,
  type LeagueRow,
  type Thresholds,
  type Tier,
} from '@pingjia/shared';
import type { Readable } from 'node:stream';
import { addSafeRow, Cell, percent, streamedSheet, streamedWorkbook } from '../common/workbook';
import type { Summary } from '../dashboard/subtree';

export const title = (t: Tier | null) => (t === null ? null : TIER_LABELS[t]);
export const yesNo = (b: boolean | null) => (b === null ? null : b ? '是' : '否');

/** rows of the league sheet made and written at a time */
const PAGE = 1000;

export interface LeagueExport {
  orgName: string;
  campaign: { name: string; status: CampaignStatus } | null;
  summary: Summary;
  thresholds: Thresholds;
  open: boolean;
  /** every home, in league order, a page at a time */
  pages: (size: number) => Iterable<LeagueRow[]>;
}

/** The league table of an org's subtree for one cycle, written to the reply a page of homes at a time. */
export function leagueWorkbook(x: LeagueExport): Readable {
  const { totals, tiers } = x.summary;
  const t = x.thresholds;
  return streamedWorkbook(async (wb, page) => {
    const summary = streamedSheet(wb, '汇总', ['项目', '数值'], [28, 40]);
    const rows: Array<[string, Cell]> = [
      ['组织', x.orgName],
      ['评议周期', x.campaign?.name ?? '（暂无）'],
      ['状态', x.campaign ? CAMPAIGN_STATUS_LABELS[x.campaign.status] : null],
      ['职工之家数', totals.homes],
      ['会员数', totals.members],
      ['参评人次', totals.ratings],
      ['参评率（%）', percent(totals.participationRate)],
      [`计入满意度的职工之家数（≥${t.minSlice}人参评）`, totals.reportedHomes],
      ['满意率（%）', percent(totals.satisfactionRate)],
      ['满意', totals.satisfied],
      ['基本满意', totals.basicallySatisfied],
      ['不满意', totals.dissatisfied],
      ...(Object.entries(tiers) as Array<[Tier, number]>).map(([t, n]): [string, number] => [`${TIER_LABELS[t]}（个）`, n]),
    ];
    for (const r of rows) addSafeRow(summary, r).commit();
    summary.commit();

    const league = streamedSheet(
      wb,
      '排名',
      [
        '排名',
        '职工之家',
        '会员数',
        '参评人数',
        '参评率（%）',
        '参评有效',
        '满意率（%）',
        '满意',
        '基本满意',
        '不满意',
        ...CRITERIA.map((c) => `${c.label}（均分）`),
        '称号',
      ],
      [8, 36],
    );
    let rank = 0;
    for (const homes of x.pages(PAGE)) {
      for (const h of homes) {
        rank++;
        const shown = h.satisfactionRate !== null;
        addSafeRow(league, [
          shown ? rank : null,
          h.name,
          h.members,
          h.ratings,
          percent(h.participationRate),
          yesNo(h.valid),
          percent(h.satisfactionRate),
          shown ? h.satisfied : null,
          shown ? h.basicallySatisfied : null,
          shown ? h.dissatisfied : null,
          ...CRITERIA.map((c) => h.means[c.key]),
          title(h.title),
        ]).commit();
      }
      await page(league);
    }
    addSafeRow(league, []).commit();
    addSafeRow(league, [`说明：参评不足 ${t.minSlice} 人的职工之家不显示评分，也不计入汇总满意度。`]).commit();
    if (x.open) addSafeRow(league, [openFiguresNote()]).commit();
    league.commit();
  });
}
