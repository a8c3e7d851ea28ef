import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Campaign as CampaignView, CampaignMove, chinaDay, nextCampaignStatus, normalizeText } from '@pingjia/shared';
import { And, In, LessThan, MoreThanOrEqual, Repository } from 'typeorm';
import { AccessPolicy, covers } from '../orgs/access-policy';
import { Clock } from '../common/clock';
import { DomainError, invalid, notFound } from '../common/domain-error';
import { newId } from '../common/ids';
import { subtreeRange } from '../common/paging';
import { ancestorPaths } from '../orgs/org-paths';
import { ProvinceSettingsStore } from '../settings/province-settings.store';
import { Campaign } from './campaign.entity';
import { CreateCampaignDto } from './dto';

const toCampaignView = (c: Campaign): CampaignView => ({
  id: c.id,
  orgId: c.orgId,
  name: c.name,
  status: c.status,
  opensAt: c.opensAt,
  closesAt: c.closesAt,
});

const LIST_LIMIT = 100;

@Injectable()
export class CampaignsService {
  constructor(
    @InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
    private readonly settings: ProvinceSettingsStore,
  ) {}

  async create(userId: string, dto: CreateCampaignDto): Promise<CampaignView> {
    const org = await this.access.orgForAdmin(userId, dto.orgId);
    const opensAt = new Date(dto.opensAt);
    const closesAt = new Date(dto.closesAt);
    if (closesAt <= opensAt) throw invalid({ closesAt: '结束时间必须晚于开始时间' });
    const campaign = await this.campaigns.save(
      this.campaigns.create({
        id: newId(),
        orgId: org.id,
        orgPath: org.path,
        name: normalizeText(dto.name),
        status: 'draft',
        opensAt: opensAt.toISOString(),
        closesAt: closesAt.toISOString(),
        createdOn: chinaDay(this.clock.now()),
        settings: null,
      }),
    );
    return toCampaignView(campaign);
  }

  /**
   * The cycles an admin of the org can pick: those covering it (its own and those of orgs above) and
   * those of orgs below it, newest first. `manageable`: the caller may open, close or publish it.
   */
  async list(userId: string, orgId: string): Promise<Array<CampaignView & { manageable: boolean }>> {
    const org = await this.access.orgForAdmin(userId, orgId);
    const adminPaths = await this.access.adminPaths(userId);
    const below = subtreeRange(org.path);
    const found = await this.campaigns.find({
      where: [{ orgPath: In(ancestorPaths(org.path)) }, { orgPath: And(MoreThanOrEqual(below.from), LessThan(below.to)) }],
      order: { opensAt: 'DESC', name: 'ASC' },
      take: LIST_LIMIT,
    });
    return found.map((c) => ({ ...toCampaignView(c), manageable: covers(adminPaths, c.orgPath) }));
  }

  async get(userId: string, id: string): Promise<CampaignView> {
    return toCampaignView(await this.forAdmin(userId, id));
  }

  async move(userId: string, id: string, move: CampaignMove): Promise<CampaignView> {
    const campaign = await this.forAdmin(userId, id);
    const next = nextCampaignStatus(campaign.status, move);
    if (!next) throw new DomainError('STATE_CONFLICT', `评议周期当前为「${campaign.status}」，不能执行该操作`);
    // Opening freezes the province's settings into the campaign (one call; issue 18).
    const frozen = next === 'open' ? { settings: await this.settings.frozenFor(campaign.orgPath) } : {};
    // Only move if nobody else moved it meanwhile.
    const result = await this.campaigns.update({ id, status: campaign.status }, { status: next, ...frozen });
    if (!result.affected) throw new DomainError('STATE_CONFLICT');
    return toCampaignView({ ...campaign, status: next });
  }

  private async forAdmin(userId: string, id: string): Promise<Campaign> {
    const campaign = await this.campaigns.findOne({ where: { id } });
    if (!campaign) throw notFound();
    await this.access.orgForAdmin(userId, campaign.orgId);
    return campaign;
  }
}
