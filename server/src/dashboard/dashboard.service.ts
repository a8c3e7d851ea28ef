import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { areCommentsVisible, CommentsWithheld, DashboardComment, DEFAULT_THRESHOLDS, HomeDashboard, isSliceVisible, satisfactionRate, TrendPoint } from '@pingjia/shared';
import { DataSource, In } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Campaign } from '../campaigns/campaign.entity';
import { Home } from '../orgs/home.entity';
import { Rating } from '../ratings/rating.entity';
import { RatingTotals } from '../ratings/rating-totals.entity';
import { CampaignScope } from './campaign-scope';
import { isFinal, totalsSchemaFor } from './figures-source';
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
    const { home, upperLevel } = await this.access.homeWithLevel(userId, homeId);
    return this.forHome(home, upperLevel, campaignId);
  }

  /** The dashboard of a home the caller may see; `upperLevel`: the caller is above it, not its chair. */
  async forHome(home: Home, upperLevel: boolean, campaignId?: string): Promise<HomeDashboard> {
    const campaign = await this.scope.forHome(home.orgPath, campaignId);
    const totals = campaign ? await this.totals(campaign, home.id) : null;
    const f = homeFigures(home, totals, this.thresholds);
    // Which rating a comment belongs to cannot be matched to a snapshot: comments wait for the close.
    const commentsWithheld: CommentsWithheld | null =
      campaign && !isFinal(campaign.status) ? 'campaign_open' : !campaign || !areCommentsVisible(f.ratings, this.thresholds) ? 'too_few_ratings' : null;
    const [trend, comments, grievances] = await Promise.all([
      this.trend(home),
      campaign && !commentsWithheld ? this.comments(campaign.id, home.id) : Promise.resolve(null),
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
      commentsWithheld,
      groups: f.groups,
      grievances,
    };
  }

  /** The figures of the home's cycle: the shown snapshot while it is open, the final totals after. */
  totals(campaign: Campaign, homeId: string): Promise<RatingTotals | null> {
    return this.dataSource.getRepository(totalsSchemaFor(campaign)).findOne({ where: { campaignId: campaign.id, homeId } });
  }

  /** The home's cycles, oldest first, each with the privacy rules applied on its own. */
  async trend(home: Home): Promise<TrendPoint[]> {
    const campaigns = await this.scope.history(home.orgPath);
    if (!campaigns.length) return [];
    // Each cycle from its own source: open ones from the shown snapshot, closed ones final.
    const schemas = [...new Set(campaigns.map(totalsSchemaFor))];
    const ids = (schema: (typeof schemas)[number]) => campaigns.filter((c) => totalsSchemaFor(c) === schema).map((c) => c.id);
    const rows = await Promise.all(schemas.map((schema) => this.dataSource.getRepository(schema).find({ where: { homeId: home.id, campaignId: In(ids(schema)) } })));
    const byCampaign = new Map(rows.flat().map((r) => [r.campaignId, r]));
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
