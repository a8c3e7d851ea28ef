import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  Campaign as CampaignView,
  CampaignConfirmation,
  CampaignConfirmRequest,
  CampaignListItem,
  CampaignMove,
  CAMPAIGN_STATUS_LABELS,
  chinaDay,
  isCampaignEditable,
  nextCampaignStatus,
  normalizeText,
} from '@pingjia/shared';
import { And, EntityManager, In, LessThan, MoreThanOrEqual, Repository } from 'typeorm';
import { AccessPolicy, covers } from '../orgs/access-policy';
import { Clock } from '../common/clock';
import { DomainError, invalid, notFound } from '../common/domain-error';
import { newId } from '../common/ids';
import { subtreeRange } from '../common/paging';
import { Transactions } from '../common/transactions';
import { Org } from '../orgs/org.entity';
import { ancestorPaths, isWithin } from '../orgs/org-paths';
import { Campaign } from './campaign.entity';
import { CampaignHome } from './campaign-home.entity';
import { CampaignOverlap } from './campaign-overlap';
import { CampaignTransitions } from './campaign-transitions';
import { CreateCampaignDto, ExtendCampaignDto, UpdateCampaignDto } from './dto';

const toCampaignView = (c: Campaign): CampaignView => ({
  id: c.id,
  orgId: c.orgId,
  name: c.name,
  status: c.status,
  opensAt: c.opensAt,
  closesAt: c.closesAt,
});

const LIST_LIMIT = 100;

/** The window's own rules (the overlap rule is CampaignOverlap's), as field errors. */
function checkWindow(opensAt: string, closesAt: string, now: string): void {
  if (closesAt <= opensAt) throw invalid({ closesAt: '结束时间必须晚于开始时间' }, '结束时间必须晚于开始时间');
  if (closesAt <= now) throw invalid({ closesAt: '结束时间已过，请选择以后的日期' }, '结束时间已过，请选择以后的日期');
}

/** A scheduled cycle opens by itself at opensAt, so that moment must still be ahead. */
function checkSchedulable(opensAt: string, now: string): void {
  if (opensAt <= now) {
    const message = '开始时间已过，不能预约开始：请改到以后的日期，或直接开始评议';
    throw invalid({ opensAt: message }, message);
  }
}

@Injectable()
export class CampaignsService {
  constructor(
    @InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>,
    @InjectRepository(CampaignHome) private readonly campaignHomes: Repository<CampaignHome>,
    @InjectRepository(Org) private readonly orgs: Repository<Org>,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
    private readonly tx: Transactions,
    private readonly overlap: CampaignOverlap,
    private readonly transitions: CampaignTransitions,
  ) {}

  async create(userId: string, dto: CreateCampaignDto): Promise<CampaignView> {
    const org = await this.access.orgForAdmin(userId, dto.orgId);
    const now = this.clock.now();
    const campaign = this.campaigns.create({
      id: newId(),
      orgId: org.id,
      orgPath: org.path,
      name: normalizeText(dto.name),
      status: 'draft',
      opensAt: new Date(dto.opensAt).toISOString(),
      closesAt: new Date(dto.closesAt).toISOString(),
      createdOn: chinaDay(now),
      settings: null,
    });
    checkWindow(campaign.opensAt, campaign.closesAt, now.toISOString());
    await this.tx.run(async (m) => {
      await this.overlap.refuseClash(m, { ...campaign, frozen: false });
      await m.insert(Campaign, campaign);
    });
    return toCampaignView(campaign);
  }

  /**
   * The cycles an admin of the org can pick: those covering it (its own and those of orgs above) and
   * those of orgs below it, newest first, each with its owner. `manageable`: the caller administers the
   * owner (or an org above it) and so may edit, open, close or publish it.
   */
  async list(userId: string, orgId: string): Promise<CampaignListItem[]> {
    const org = await this.access.orgForAdmin(userId, orgId);
    const adminPaths = await this.access.adminPaths(userId);
    const below = subtreeRange(org.path);
    // The org's own cycles and those covering it are always listed (a handful); of the cycles below it
    // (hundreds in a province) the newest LIST_LIMIT. One list, newest first.
    const order = { opensAt: 'DESC', name: 'ASC' } as const;
    const [covering, underneath] = await Promise.all([
      this.campaigns.find({ where: { orgPath: In(ancestorPaths(org.path)) }, order }),
      this.campaigns.find({ where: { orgPath: And(MoreThanOrEqual(below.from), LessThan(below.to)) }, order, take: LIST_LIMIT }),
    ]);
    const seen = new Set(covering.map((c) => c.id));
    const found = [...covering, ...underneath.filter((c) => !seen.has(c.id))].sort((a, b) =>
      a.opensAt < b.opensAt ? 1 : a.opensAt > b.opensAt ? -1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    const owners = await this.ownerNames(found.map((c) => c.orgId));
    return found.map((c) => ({
      ...toCampaignView(c),
      owner: { id: c.orgId, name: owners.get(c.orgId) ?? '' },
      manageable: covers(adminPaths, c.orgPath),
    }));
  }

  async get(userId: string, id: string): Promise<CampaignView> {
    return toCampaignView(await this.forViewer(userId, id));
  }

  /** Name, dates and scope, while the cycle is a draft or scheduled. */
  async update(userId: string, id: string, dto: UpdateCampaignDto): Promise<CampaignView> {
    const campaign = await this.forOwner(userId, id);
    if (!isCampaignEditable(campaign.status)) throw this.stateConflict(campaign, '只有草稿或待开始的评议周期可以修改');
    const org = dto.orgId && dto.orgId !== campaign.orgId ? await this.access.orgForAdmin(userId, dto.orgId) : null;
    const next: Campaign = {
      ...campaign,
      ...(org ? { orgId: org.id, orgPath: org.path } : {}),
      ...(dto.name !== undefined ? { name: normalizeText(dto.name) } : {}),
      ...(dto.opensAt !== undefined ? { opensAt: new Date(dto.opensAt).toISOString() } : {}),
      ...(dto.closesAt !== undefined ? { closesAt: new Date(dto.closesAt).toISOString() } : {}),
    };
    const now = this.clock.now().toISOString();
    checkWindow(next.opensAt, next.closesAt, now);
    if (next.status === 'scheduled') checkSchedulable(next.opensAt, now);
    return this.save(campaign, next, (m) => this.overlap.refuseClash(m, { ...next, frozen: false }));
  }

  /** A later close for an open cycle. */
  async extend(userId: string, id: string, dto: ExtendCampaignDto): Promise<CampaignView> {
    const campaign = await this.forOwner(userId, id);
    if (campaign.status !== 'open') throw this.stateConflict(campaign, '只有评议中的周期可以延期');
    const closesAt = new Date(dto.closesAt).toISOString();
    if (closesAt <= campaign.closesAt) {
      const message = `延期后的结束时间必须晚于原结束时间（${chinaDay(new Date(campaign.closesAt))}）`;
      throw invalid({ closesAt: message }, message);
    }
    const next = { ...campaign, closesAt };
    return this.save(campaign, next, (m) => this.overlap.refuseClash(m, { ...next, frozen: true }));
  }

  async move(userId: string, id: string, move: CampaignMove, confirmed?: Partial<CampaignConfirmRequest>): Promise<CampaignView> {
    const campaign = await this.forOwner(userId, id);
    const next = nextCampaignStatus(campaign.status, move);
    if (!next) throw this.stateConflict(campaign);
    // Closing and publishing cannot be undone: the request must name what the admin was shown.
    if (move === 'close' || move === 'publish') await this.checkConfirmed(campaign, confirmed ?? {});
    const now = this.clock.now();
    let moved: Campaign | null;
    if (move === 'open') moved = await this.transitions.open(campaign, now, 'owner');
    else if (move === 'close') moved = await this.transitions.close(campaign, 'owner');
    else {
      if (move === 'schedule') {
        checkWindow(campaign.opensAt, campaign.closesAt, now.toISOString());
        checkSchedulable(campaign.opensAt, now.toISOString());
      }
      const target = { ...campaign, status: next };
      moved = await this.tx.run(async (m) => {
        if (move === 'schedule') await this.overlap.refuseClash(m, { ...target, frozen: false });
        const result = await m.update(Campaign, { id, status: campaign.status }, { status: next });
        return result.affected ? target : null;
      });
    }
    // Another request or the schedule moved it first.
    if (!moved) throw new DomainError('STATE_CONFLICT', '评议周期的状态刚刚已被更改，请刷新后再试');
    return toCampaignView(moved);
  }

  /** What the app names before closing or publishing: the cycle, its owner, how many homes it covers. */
  async confirmation(userId: string, id: string): Promise<CampaignConfirmation> {
    const campaign = await this.forOwner(userId, id);
    const owner = await this.orgs.findOne({ where: { id: campaign.orgId } });
    return {
      campaign: toCampaignView(campaign),
      owner: { id: campaign.orgId, name: owner?.name ?? '' },
      homes: await this.homesOf(campaign),
    };
  }

  /** Once closed a cycle's homes are those frozen into it; before that, the homes under its org now. */
  private async homesOf(campaign: Campaign): Promise<number> {
    return campaign.status === 'closed' || campaign.status === 'published'
      ? this.campaignHomes.count({ where: { campaignId: campaign.id } })
      : this.homesUnder(campaign.orgPath);
  }

  /** The name and home count the admin confirmed are the cycle's now (400 when missing, 409 when not). */
  private async checkConfirmed(campaign: Campaign, confirmed: Partial<CampaignConfirmRequest>): Promise<void> {
    const missing: Record<string, string> = {};
    if (confirmed.name === undefined) missing.name = '请先确认评议周期名称';
    if (confirmed.homes === undefined) missing.homes = '请先确认覆盖的职工之家数';
    if (Object.keys(missing).length) throw invalid(missing, '结束或公布前须先确认评议周期、所属组织和覆盖的职工之家数');
    const homes = await this.homesOf(campaign);
    const fields: Record<string, string> = {};
    if (confirmed.name !== campaign.name) fields.name = `评议周期现在的名称是“${campaign.name}”`;
    if (confirmed.homes !== homes) fields.homes = `评议周期现在覆盖 ${homes} 个职工之家`;
    if (Object.keys(fields).length) throw new DomainError('CONFIRMATION_MISMATCH', undefined, fields);
  }

  private async homesUnder(path: string): Promise<number> {
    const { from, to } = subtreeRange(path);
    const [{ n }] = await this.campaigns.query(
      'SELECT COUNT(*) AS n FROM homes WHERE org_path >= ? AND org_path < ? AND deactivated_at IS NULL',
      [from, to],
    );
    return Number(n);
  }

  /** Writes `next` over `before` if nobody changed the row meanwhile, after `check` in the same transaction. */
  private async save(before: Campaign, next: Campaign, check: (m: EntityManager) => Promise<void>): Promise<CampaignView> {
    const saved = await this.tx.run(async (m) => {
      await check(m);
      const { id, ...values } = next;
      const result = await m.update(Campaign, { id, status: before.status, opensAt: before.opensAt, closesAt: before.closesAt }, values);
      return Boolean(result.affected);
    });
    if (!saved) throw new DomainError('STATE_CONFLICT', '评议周期刚刚已被更改，请刷新后再试');
    return toCampaignView(next);
  }

  private stateConflict(c: Campaign, why?: string): DomainError {
    return new DomainError('STATE_CONFLICT', why ?? `评议周期当前为「${CAMPAIGN_STATUS_LABELS[c.status]}」，不能执行该操作`);
  }

  private async ownerNames(orgIds: string[]): Promise<Map<string, string>> {
    if (!orgIds.length) return new Map();
    const rows = await this.orgs.find({ where: { id: In([...new Set(orgIds)]) }, select: { id: true, name: true } });
    return new Map(rows.map((o) => [o.id, o.name]));
  }

  /**
   * The cycle, for admins of its owner or an org above: only the owning federation edits, opens,
   * closes and publishes a cycle. An admin of an org the cycle covers (a city under the province's
   * cycle) sees it in its list and is told who owns it (403); anyone else: 404.
   */
  private async forOwner(userId: string, id: string): Promise<Campaign> {
    const campaign = await this.campaigns.findOne({ where: { id } });
    if (!campaign) throw notFound();
    const paths = await this.access.adminPaths(userId);
    if (covers(paths, campaign.orgPath)) return campaign;
    if (!paths.some((p) => isWithin(p, campaign.orgPath))) throw notFound();
    const owner = (await this.ownerNames([campaign.orgId])).get(campaign.orgId) ?? '上级工会';
    throw new DomainError('FORBIDDEN', `评议周期「${campaign.name}」由${owner}组织，只有${owner}的管理员可以修改、开始、结束或公布它`);
  }

  /** The cycle, for its owner's admins and for admins of an org it covers (who see it in their list). */
  private async forViewer(userId: string, id: string): Promise<Campaign> {
    const campaign = await this.campaigns.findOne({ where: { id } });
    if (!campaign) throw notFound();
    const paths = await this.access.adminPaths(userId);
    if (!paths.some((p) => isWithin(p, campaign.orgPath) || isWithin(campaign.orgPath, p))) throw notFound();
    return campaign;
  }
}
