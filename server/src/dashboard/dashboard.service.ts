import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  areCommentsVisible,
  areFiguresReleased,
  CommentsWithheld,
  DashboardComment,
  daysLeft,
  HomeDashboard,
  isSliceVisible,
  satisfactionRate,
  Thresholds,
  TrendPoint,
} from '@pingjia/shared';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../orgs/access-policy';
import { Campaign } from '../campaigns/campaign.entity';
import { CampaignHomes } from '../campaigns/campaign-homes';
import { Home } from '../orgs/home.entity';
import { Rating } from '../ratings/rating.entity';
import { HomeTotals, RatingTotalsStore } from '../ratings/rating-totals.store';
import { CampaignScope } from './campaign-scope';
import { Clock } from '../common/clock';
import { campaignSettings } from '../settings/province-settings.store';
import { GrievanceFigures } from './grievance-figures';
import { HomeFigures, homeFigures, openHomeFigures } from './home-figures';

const MAX_COMMENTS = 100;

@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly scope: CampaignScope,
    private readonly grievanceFigures: GrievanceFigures,
    private readonly clock: Clock,
    private readonly totals: RatingTotalsStore,
    private readonly campaignHomes: CampaignHomes,
  ) {}

  async home(userId: string, homeId: string, campaignId?: string): Promise<HomeDashboard> {
    const { home, upperLevel } = await this.access.homeWithLevel(userId, homeId);
    return this.forHome(home, upperLevel, campaignId);
  }

  /** The dashboard of a home the caller may see; `upperLevel`: the caller is above it, not its chair. */
  async forHome(home: Home, upperLevel: boolean, campaignId?: string): Promise<HomeDashboard> {
    // The home's cycles (oldest first) and each one's totals row, read once for the trend and the figures;
    // its campaign_homes rows once for both the cycles it was frozen into and its member count in each.
    const frozen = await this.campaignHomes.ofHome(home.id);
    const history = await this.scope.history(home, frozen.ids);
    // A requested cycle among the latest started ones covering the home is that row already.
    const campaign = campaignId
      ? (history.find((c) => c.id === campaignId) ?? (await this.scope.forHome(home, campaignId, frozen.ids)))
      : (history[history.length - 1] ?? null);
    const ids = (campaign && !history.some((c) => c.id === campaign.id) ? [...history, campaign] : history).map((c) => c.id);
    const rows = await this.totals.forHome(home.id, ids);
    // Each cycle's figures with the member count frozen into it (issue 17), not today's.
    const inCycle = (c: Campaign): Home => ({ ...home, memberCount: frozen.memberCount(c.id, home.memberCount) });
    const totals = campaign ? (rows.get(campaign.id) ?? null) : null;
    // Each cycle's figures with the settings it froze when it opened.
    const t = campaignSettings(campaign).thresholds;
    // Until the cycle closes: participation rounded down to 5 and nothing else, for everyone (issue 14).
    const released = !campaign || areFiguresReleased(campaign.status);
    // Group slices need the final tally of who ticked which groups; below minSlice nothing is shown anyway.
    const patterns =
      released && campaign && isSliceVisible(totals?.ratings ?? 0, t) ? await this.totals.groupPatterns(campaign.id, home.id) : [];
    const asIn = campaign ? inCycle(campaign) : home;
    const f = released ? homeFigures(asIn, totals, t, patterns) : openHomeFigures(asIn, totals, t);
    const commentsWithheld: CommentsWithheld | null = !released
      ? 'campaign_open'
      : !campaign || !areCommentsVisible(f.ratings, t)
        ? 'too_few_ratings'
        : null;
    const [comments, grievances] = await Promise.all([
      campaign && !commentsWithheld ? this.comments(campaign.id, home.id) : Promise.resolve(null),
      this.grievanceFigures.forHome(home.id, upperLevel),
    ]);
    return {
      home: { id: home.id, name: home.name },
      campaign: campaign ? { id: campaign.id, name: campaign.name, status: campaign.status } : null,
      openCycle: campaign && !released ? { closesAt: campaign.closesAt, daysLeft: daysLeft(campaign.closesAt, this.clock.now()) } : null,
      participation: { ratings: f.ratings, members: f.members, rate: f.participationRate, valid: f.valid },
      satisfaction: f.satisfaction,
      criteria: f.criteria,
      tier: f.tier,
      withheld: f.withheld,
      title: f.title,
      trend: this.trend(inCycle, history, rows),
      comments,
      commentsWithheld,
      groups: f.groups,
      grievances,
      thresholds: t,
    };
  }

  /** The home's cycles, oldest first, each with the privacy rules applied on its own. */
  private trend(inCycle: (c: Campaign) => Home, campaigns: Campaign[], rows: Map<string, HomeTotals>): TrendPoint[] {
    return campaigns.map((c: Campaign) => {
      const totals = rows.get(c.id) ?? null;
      const t: Thresholds = campaignSettings(c).thresholds;
      const f: HomeFigures = areFiguresReleased(c.status) ? homeFigures(inCycle(c), totals, t) : openHomeFigures(inCycle(c), totals, t);
      return {
        campaign: { id: c.id, name: c.name, status: c.status, opensAt: c.opensAt },
        ratings: f.ratings,
        participationRate: f.participationRate,
        satisfactionRate: isSliceVisible(f.ratings, t) && f.satisfaction ? satisfactionRate(f.satisfaction) : null,
        title: f.title,
      };
    });
  }

  /** Approved comments: the text only (sorted by text, not time), never who wrote them, when, or with which scores. */
  async comments(campaignId: string, homeId: string): Promise<DashboardComment[]> {
    const rows = await this.dataSource
      .getRepository(Rating)
      .createQueryBuilder('r')
      .select(['r.comment AS text'])
      .where('r.campaign_id = :campaignId AND r.home_id = :homeId AND r.comment_status = :approved', {
        campaignId,
        homeId,
        approved: 'approved',
      })
      .orderBy('r.comment', 'ASC')
      .limit(MAX_COMMENTS)
      .getRawMany<{ text: string }>();
    return rows.map((r) => ({ text: r.text }));
  }
}
