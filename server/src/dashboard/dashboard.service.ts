import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { areCommentsVisible, DashboardComment, DEFAULT_THRESHOLDS, HomeDashboard, isSliceVisible, satisfactionRate, TrendPoint } from '@pingjia/shared';
import { DataSource, In } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Campaign } from '../campaigns/campaign.entity';
import { Home } from '../orgs/home.entity';
import { Rating } from '../ratings/rating.entity';
import { RatingTotals, RatingTotalsSchema } from '../ratings/rating-totals.entity';
import { CampaignScope } from './campaign-scope';
import { GrievanceFigures } from './grievance-figures';
import { homeFigures } from './home-figures';

const MAX_COMMENTS = 100;

@Injectable()
export class DashboardService {
  readonly thresholds = DEFAULT_THRESHOLDS;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly scope: CampaignScope,
    private readonly grievanceFigures: GrievanceFigures,
  ) {}

  async home(userId: string, homeId: string, campaignId?: string): Promise<HomeDashboard> {
    const home = await this.access.homeForStaff(userId, homeId);
    const upperLevel = (await this.access.adminPaths(userId)).some((p) => home.orgPath.startsWith(p));
    const campaign = await this.scope.forHome(home.orgPath, campaignId);
    const totals = campaign ? await this.totals(campaign.id, home.id) : null;
    const f = homeFigures(home, totals, this.thresholds);
    const [trend, comments, grievances] = await Promise.all([
      this.trend(home),
      campaign && areCommentsVisible(f.ratings, this.thresholds) ? this.comments(campaign.id, home.id) : Promise.resolve(null),
      this.grievanceFigures.forHome(home.id, upperLevel),
    ]);
    return {
      home: { id: home.id, name: home.name },
      campaign: campaign ? { id: campaign.id, name: campaign.name, status: campaign.status } : null,
      participation: { ratings: f.ratings, members: f.members, rate: f.participationRate, valid: f.valid },
      satisfaction: f.satisfaction,
      criteria: f.criteria,
      tier: f.tier,
      withheld: f.withheld,
      title: f.title,
      trend,
      comments,
      groups: f.groups,
      grievances,
    };
  }

  totals(campaignId: string, homeId: string): Promise<RatingTotals | null> {
    return this.dataSource.getRepository(RatingTotalsSchema).findOne({ where: { campaignId, homeId } });
  }

  /** The home's cycles, oldest first, each with the privacy rules applied on its own. */
  async trend(home: Home): Promise<TrendPoint[]> {
    const campaigns = await this.scope.history(home.orgPath);
    if (!campaigns.length) return [];
    const rows = await this.dataSource.getRepository(RatingTotalsSchema).find({ where: { homeId: home.id, campaignId: In(campaigns.map((c) => c.id)) } });
    const byCampaign = new Map(rows.map((r) => [r.campaignId, r]));
    return campaigns.map((c: Campaign) => {
      const f = homeFigures(home, byCampaign.get(c.id) ?? null, this.thresholds);
      return {
        campaign: { id: c.id, name: c.name, status: c.status, opensAt: c.opensAt },
        ratings: f.ratings,
        participationRate: f.participationRate,
        satisfactionRate: isSliceVisible(f.ratings, this.thresholds) && f.satisfaction ? satisfactionRate(f.satisfaction) : null,
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
      .where('r.campaign_id = :campaignId AND r.home_id = :homeId AND r.comment_status = :approved', { campaignId, homeId, approved: 'approved' })
      .orderBy('r.comment', 'ASC')
      .limit(MAX_COMMENTS)
      .getRawMany<{ text: string }>();
    return rows.map((r) => ({ text: r.text }));
  }
}
