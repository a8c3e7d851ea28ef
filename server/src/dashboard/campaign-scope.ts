import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CAMPAIGN_STARTED_STATUSES } from '@pingjia/shared';
import { In, LessThan, Repository } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity';
import { notFound } from '../common/domain-error';
import { ancestorPaths, isWithin } from '../orgs/org-paths';

// Which cycle a dashboard shows: one that covers the place asked about and has opened (a draft,
// scheduled or cancelled cycle has no figures).
@Injectable()
export class CampaignScope {
  constructor(@InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>) {}

  /** For a home: the requested campaign if it covers the home, else the latest one that has started. */
  async forHome(homePath: string, campaignId?: string): Promise<Campaign | null> {
    const paths = ancestorPaths(homePath);
    if (campaignId) {
      const c = await this.campaigns.findOne({ where: { id: campaignId, orgPath: In(paths) } });
      if (!c) throw notFound();
      return c;
    }
    return this.latest(paths);
  }

  /** For an org: a campaign above it (covers all of it) or below it (covers part); default the latest above. */
  async forOrg(orgPath: string, campaignId?: string): Promise<Campaign | null> {
    if (campaignId) {
      const c = await this.campaigns.findOne({ where: { id: campaignId } });
      if (!c || !(isWithin(orgPath, c.orgPath) || isWithin(c.orgPath, orgPath))) throw notFound();
      return c;
    }
    return this.latest(ancestorPaths(orgPath));
  }

  /** The federation's cycle before this one (for titles lost, 动态管理). */
  async previous(c: Campaign): Promise<Campaign | null> {
    const found = await this.campaigns.find({
      where: { orgPath: c.orgPath, opensAt: LessThan(c.opensAt), status: In(['closed', 'published']) },
      order: { opensAt: 'DESC' },
      take: 1,
    });
    return found[0] ?? null;
  }

  /** Every started cycle covering a home, oldest first (at most `limit`, the latest ones). */
  async history(homePath: string, limit = 10): Promise<Campaign[]> {
    const found = await this.campaigns.find({
      where: { orgPath: In(ancestorPaths(homePath)), status: In([...CAMPAIGN_STARTED_STATUSES]) },
      order: { opensAt: 'DESC' },
      take: limit,
    });
    return found.reverse();
  }

  private async latest(paths: string[]): Promise<Campaign | null> {
    const found = await this.campaigns.find({
      where: { orgPath: In(paths), status: In([...CAMPAIGN_STARTED_STATUSES]) },
      order: { opensAt: 'DESC' },
      take: 1,
    });
    return found[0] ?? null;
  }
}
