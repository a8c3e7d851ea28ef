import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  chinaDay,
  RECTIFICATION_STATES,
  rectificationPlanDue,
  RectificationOverview,
  RectificationOverviewItem,
  RectificationState,
  rectificationState,
} from '@pingjia/shared';
import { DataSource } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity';
import { Clock } from '../common/clock';
import { DomainError, invalid, notFound } from '../common/domain-error';
import { Paging, subtreeRange } from '../common/paging';
import { AccessPolicy } from '../orgs/access-policy';
import { isWithin } from '../orgs/org-paths';
import { campaignSettings } from '../settings/province-settings.store';

interface Row {
  id: string;
  name: string;
  status: 'planned' | 'sent_back' | 'signed_off' | null;
  plan_on: string | null;
  signed_off_on: string | null;
  sent_back_reason: string | null;
  sent_back_on: string | null;
  updates: number | string;
  last_update_on: string | null;
}

// The federations' follow-up list (issue 18 item 6): every active home of a closed cycle in the caller's
// subtree with where its plan stands (a deactivated home has nothing left to rectify). Nothing here says anything about ratings or raters.
@Injectable()
export class RectificationOverviewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  async overview(
    userId: string,
    orgId: string,
    campaignId: string | undefined,
    state: string | undefined,
    paging: Paging,
  ): Promise<RectificationOverview> {
    const fields: Record<string, string> = {};
    if (!campaignId) fields.campaignId = '请选择评议活动';
    if (state !== undefined && !(RECTIFICATION_STATES as readonly string[]).includes(state))
      fields.state = `可选：${RECTIFICATION_STATES.join('、')}`;
    if (!campaignId || Object.keys(fields).length) throw invalid(fields);
    const org = await this.access.orgForAdmin(userId, orgId);
    const campaign = await this.db.getRepository(Campaign).findOne({ where: { id: campaignId } });
    // The campaign covers the org, or runs below it: the homes both reach.
    if (!campaign || !(isWithin(org.path, campaign.orgPath) || isWithin(campaign.orgPath, org.path))) throw notFound();
    if (campaign.status !== 'closed' && campaign.status !== 'published') throw new DomainError('STATE_CONFLICT', '评议结束后才有整改情况');
    const scope = isWithin(org.path, campaign.orgPath) ? org.path : campaign.orgPath;
    const { from, to } = subtreeRange(scope);
    const rows: Row[] = await this.db.query(
      `SELECT h.id AS id, h.name AS name, r.status AS status, r.plan_on AS plan_on, r.signed_off_on AS signed_off_on,
              r.sent_back_reason AS sent_back_reason, r.sent_back_on AS sent_back_on,
              (SELECT COUNT(*) FROM rectification_updates u WHERE u.rectification_id = r.id) AS updates,
              (SELECT MAX(u.day) FROM rectification_updates u WHERE u.rectification_id = r.id) AS last_update_on
         FROM homes h LEFT JOIN rectifications r ON r.home_id = h.id AND r.campaign_id = ?
        WHERE h.org_path >= ? AND h.org_path < ? AND h.deactivated_at IS NULL
        ORDER BY h.name, h.id`,
      [campaign.id, from, to],
    );
    // The cycle's own due-day setting, frozen into it when it opened.
    const planDue = rectificationPlanDue(chinaDay(campaign.closesAt), campaignSettings(campaign).rectification.planDays);
    const today = chinaDay(this.clock.now());
    const counts = Object.fromEntries(RECTIFICATION_STATES.map((s) => [s, 0])) as Record<RectificationState, number>;
    const items: RectificationOverviewItem[] = rows.map((r) => {
      const updates = Number(r.updates);
      const item: RectificationOverviewItem = {
        home: { id: r.id, name: r.name },
        state: rectificationState(r.status ? { status: r.status, updates } : null, today > planDue), // days compare as text
        planOn: r.plan_on,
        updates,
        lastUpdateOn: r.last_update_on,
        signedOffOn: r.signed_off_on,
        sentBack: r.sent_back_reason && r.sent_back_on ? { reason: r.sent_back_reason, on: r.sent_back_on } : null,
      };
      counts[item.state]++;
      return item;
    });
    // What needs the federation first: overdue, sent back, awaiting sign-off … signed off; by name within each.
    const rank = (s: RectificationState) => RECTIFICATION_STATES.indexOf(s);
    const listed = items.filter((i) => !state || i.state === state).sort((a, b) => rank(a.state) - rank(b.state));
    return {
      campaign: { id: campaign.id, name: campaign.name, status: campaign.status, planDue },
      counts,
      items: listed.slice(paging.skip, paging.skip + paging.pageSize),
      total: listed.length,
      page: paging.page,
      pageSize: paging.pageSize,
    };
  }
}
