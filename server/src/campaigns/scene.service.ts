import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { SceneLookup } from '@pingjia/shared';
import { In, Repository } from 'typeorm';
import { DomainError, notFound } from '../common/domain-error';
import { Home } from '../orgs/home.entity';
import { Org } from '../orgs/org.entity';
import { ancestorPaths } from '../orgs/org-paths';
import { Campaign } from './campaign.entity';

// A home's QR code leads here: the home and the campaign its members may rate now. It sits with the
// campaigns (not the org tree) because it answers "which campaign covers this home".
@Injectable()
export class SceneService {
  constructor(
    @InjectRepository(Org) private readonly orgs: Repository<Org>,
    @InjectRepository(Home) private readonly homes: Repository<Home>,
    @InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>,
  ) {}

  /** Public: what a member sees after scanning a home's QR code. */
  async byScene(scene: string): Promise<SceneLookup> {
    const home = await this.homes.findOne({ where: { sceneToken: scene } });
    if (!home) throw notFound();
    // A deactivated home's poster may still hang on a wall: say so plainly rather than "not found".
    if (home.deactivatedAt) throw new DomainError('HOME_INACTIVE');
    const [org, campaign] = await Promise.all([this.orgs.findOne({ where: { id: home.orgId } }), this.openCampaignFor(home)]);
    return {
      home: { id: home.id, name: home.name, orgName: org?.name ?? '', membershipMode: home.membershipMode },
      campaign: campaign ? { id: campaign.id, name: campaign.name, closesAt: campaign.closesAt, status: campaign.status } : null,
    };
  }

  /** The open campaign covering this home (the latest opened, if several levels run one). */
  async openCampaignFor(home: Home): Promise<Campaign | null> {
    const found = await this.campaigns.find({
      where: { orgPath: In(ancestorPaths(home.orgPath)), status: 'open' },
      order: { opensAt: 'DESC' },
      take: 1,
    });
    return found[0] ?? null;
  }
}
