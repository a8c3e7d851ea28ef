import { Injectable } from '@nestjs/common';
import {
  areFiguresReleased,
  CAMPAIGN_STATUS_LABELS,
  commentsWithheldText,
  CRITERIA,
  CRITERIA_COUNT_TEXT,
  MEMBER_GROUP_KEYS,
  MEMBER_GROUP_LABELS,
  openFiguresNote,
  SCORES,
  validParticipationPercent,
} from '@pingjia/shared';
import { DashboardService } from '../dashboard/dashboard.service';
import { OrgDashboardService } from '../dashboard/org-dashboard.service';
import { addSafeRow, Cell, header, newWorkbook, percent, toBuffer } from '../common/workbook';
import { leagueWorkbook, title, yesNo } from './league-workbook';
import type { Readable } from 'node:stream';
import { campaignSettings } from '../settings/province-settings.store';

// Excel reports with the same privacy rules as the dashboards: withheld figures are "—", never numbers.
@Injectable()
export class ExportsService {
  constructor(
    private readonly orgDashboard: OrgDashboardService,
    private readonly homeDashboard: DashboardService,
  ) {}

  /** The league table of an org's subtree for one cycle, written as it is downloaded (leagueWorkbook). */
  async org(userId: string, orgId: string, campaignId?: string): Promise<Readable> {
    const { org, campaign, path, cid, open } = await this.orgDashboard.resolve(userId, orgId, campaignId);
    const { summary, pages } = await this.orgDashboard.allHomes(path, cid, open, campaign);
    const thresholds = campaignSettings(campaign).thresholds;
    return leagueWorkbook({ orgName: org.name, campaign, summary, thresholds, open, pages });
  }

  /** One home's report for one cycle. */
  async home(userId: string, homeId: string, campaignId?: string): Promise<Buffer> {
    const d = await this.homeDashboard.home(userId, homeId, campaignId);
    const wb = newWorkbook();
    const s = wb.addWorksheet('概况');
    header(s, ['项目', '数值'], [28, 40]);
    const rows: Array<[string, Cell]> = [
      ['职工之家', d.home.name],
      ['评议周期', d.campaign?.name ?? '（暂无）'],
      ['状态', d.campaign ? CAMPAIGN_STATUS_LABELS[d.campaign.status] : null],
      ['会员数', d.participation.members],
      ['参评人数', d.participation.ratings],
      ['参评率（%）', percent(d.participation.rate)],
      [`参评有效（≥${validParticipationPercent()}%）`, yesNo(d.participation.valid)],
      ['满意率（%）', percent(d.satisfaction?.rate ?? null)],
      ['满意', d.satisfaction?.satisfied ?? null],
      ['基本满意', d.satisfaction?.basicallySatisfied ?? null],
      ['不满意', d.satisfaction?.dissatisfied ?? null],
      ['称号', title(d.title)],
    ];
    if (d.campaign && !areFiguresReleased(d.campaign.status)) rows.push(['说明', openFiguresNote(d.thresholds)]);
    for (const r of rows) addSafeRow(s, r);

    const c = wb.addWorksheet(`${CRITERIA_COUNT_TEXT}指标`);
    header(c, ['指标', '均分', ...SCORES.map((s) => `${s}分`)], [16]);
    for (const k of CRITERIA) {
      const f = d.criteria?.[k.key];
      addSafeRow(c, [k.label, f?.mean ?? null, ...SCORES.map((_, i) => f?.distribution?.[i] ?? null)]);
    }

    const g = wb.addWorksheet('群体');
    header(g, ['群体', '参评人数', '满意率（%）'], [16]);
    for (const key of MEMBER_GROUP_KEYS) {
      const f = d.groups?.[key] ?? null;
      addSafeRow(g, [MEMBER_GROUP_LABELS[key], f?.ratings ?? null, percent(f?.satisfactionRate ?? null)]);
    }

    const t = wb.addWorksheet('历次评议');
    header(t, ['评议周期', '参评人数', '参评率（%）', '满意率（%）', '称号'], [28]);
    for (const p of d.trend)
      addSafeRow(t, [p.campaign.name, p.ratings, percent(p.participationRate), percent(p.satisfactionRate), title(p.title)]);

    const m = wb.addWorksheet('会员留言');
    header(m, ['留言'], [80]);
    if (d.comments === null) addSafeRow(m, [commentsWithheldText(d.commentsWithheld ?? 'too_few_ratings')]);
    else for (const x of d.comments) addSafeRow(m, [x.text]);
    return toBuffer(wb);
  }
}
