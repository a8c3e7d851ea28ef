import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  CRITERION_KEYS,
  CriterionFigures,
  CriterionKey,
  DEFAULT_THRESHOLDS,
  HomeDashboard,
  criterionMean,
  isParticipationValid,
  participationRate,
  satisfactionRate,
  tierProgress,
} from '@pingjia/shared';
import { DataSource, In, Not, Repository } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Campaign } from '../campaigns/campaign.entity';
import { notFound } from '../common/domain-error';
import { ancestorPaths } from '../orgs/org-paths';
import { RatingTotals, RatingTotalsSchema, SCORES, distColumn, sumColumn } from '../ratings/rating-totals.entity';

@Injectable()
export class DashboardService {
  private readonly thresholds = DEFAULT_THRESHOLDS;

  constructor(
    @InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async home(userId: string, homeId: string, campaignId?: string): Promise<HomeDashboard> {
    const home = await this.access.homeForStaff(userId, homeId);
    const campaign = await this.campaignFor(home.orgPath, campaignId);
    const totals = campaign
      ? await this.dataSource.getRepository(RatingTotalsSchema).findOne({ where: { campaignId: campaign.id, homeId } })
      : null;
    const n = Number(totals?.ratings ?? 0);
    // Fewer than minSlice ratings: show only how many took part, nothing that could point at a rater.
    const withheld = n < this.thresholds.minSlice;
    const counts = totals
      ? { satisfied: Number(totals.satisfied), basicallySatisfied: Number(totals.basicallySatisfied), dissatisfied: Number(totals.dissatisfied) }
      : { satisfied: 0, basicallySatisfied: 0, dissatisfied: 0 };

    return {
      home: { id: home.id, name: home.name },
      campaign: campaign ? { id: campaign.id, name: campaign.name, status: campaign.status } : null,
      participation: {
        ratings: n,
        members: home.memberCount,
        rate: participationRate(n, home.memberCount),
        valid: isParticipationValid(n, home.memberCount, this.thresholds),
      },
      satisfaction: withheld ? null : { rate: satisfactionRate(counts), ...counts },
      criteria: withheld || !totals ? null : this.criteria(totals, n),
      tier: withheld ? null : tierProgress({ counts }, this.thresholds),
      withheld,
    };
  }

  private criteria(t: RatingTotals, n: number): Record<CriterionKey, CriterionFigures> {
    const out = {} as Record<CriterionKey, CriterionFigures>;
    for (const k of CRITERION_KEYS) {
      out[k] = { mean: criterionMean(Number(t[sumColumn(k)]), n), distribution: SCORES.map((s) => Number(t[distColumn(k, s)])) };
    }
    return out;
  }

  /** The requested campaign if it covers the home; else the latest one that has started. */
  private async campaignFor(homePath: string, campaignId?: string): Promise<Campaign | null> {
    const paths = ancestorPaths(homePath);
    if (campaignId) {
      const c = await this.campaigns.findOne({ where: { id: campaignId, orgPath: In(paths) } });
      if (!c) throw notFound();
      return c;
    }
    const found = await this.campaigns.find({ where: { orgPath: In(paths), status: Not('draft') }, order: { opensAt: 'DESC' }, take: 1 });
    return found[0] ?? null;
  }
}
