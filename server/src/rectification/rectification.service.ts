import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { chinaDay, isBlankText, normalizeText, PublicResults, Rectification, type RectificationStatus } from '@pingjia/shared';
import { EntityManager, In, Repository } from 'typeorm';
import { AccessPolicy } from '../orgs/access-policy';
import { AuditRecord, AuditService } from '../audit/audit.service';
import { Campaign } from '../campaigns/campaign.entity';
import { CampaignHomes } from '../campaigns/campaign-homes';
import { Clock } from '../common/clock';
import { DomainError, invalid, notFound } from '../common/domain-error';
import { newId } from '../common/ids';
import { Transactions } from '../common/transactions';
import { homeFigures } from '../dashboard/home-figures';
import { Home } from '../orgs/home.entity';
import { ancestorPaths, isWithin } from '../orgs/org-paths';
import { RatingTotalsStore } from '../ratings/rating-totals.store';
import { RectificationDto } from './dto';
import { RectificationRow, RectificationUpdateRow } from './rectification.entity';
import { campaignSettings } from '../settings/province-settings.store';

/** A decision of the level above on a plan awaiting it (RectificationService.decide). */
interface Decision {
  /** the refusal for a caller who does not administer the home's level above */
  forbidden: string;
  /** the refusal for a plan no longer awaiting the level above, by its state */
  refusals: Record<Exclude<RectificationStatus, 'planned'>, string>;
  /** any further refusal, inside the transaction */
  check?: (m: EntityManager, existing: RectificationRow) => Promise<void>;
  /** the row's new state (given today's date) and its audit record */
  changes: (day: string) => Partial<RectificationRow>;
  audit: Pick<AuditRecord, 'action' | 'detail'>;
}

// 整改: after a cycle closes the home posts a plan, reports progress, and the upper level signs off.
@Injectable()
export class RectificationService {
  constructor(
    @InjectRepository(RectificationRow) private readonly rows: Repository<RectificationRow>,
    @InjectRepository(RectificationUpdateRow) private readonly updates: Repository<RectificationUpdateRow>,
    @InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>,
    @InjectRepository(Home) private readonly homes: Repository<Home>,
    private readonly totals: RatingTotalsStore,
    private readonly campaignHomes: CampaignHomes,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
    private readonly clock: Clock,
  ) {}

  async get(userId: string, campaignId: string, homeId: string): Promise<Rectification> {
    const { home, campaign } = await this.scope(userId, campaignId, homeId);
    const view = await this.view(campaign.id, home.id);
    if (!view) throw notFound();
    return view;
  }

  async post(userId: string, campaignId: string, homeId: string, dto: RectificationDto): Promise<Rectification> {
    if ((dto.plan === undefined) === (dto.progress === undefined)) throw invalid({ plan: '请填写整改方案或整改进展（二选一）' });
    const text = normalizeText(dto.plan ?? dto.progress ?? '');
    if (isBlankText(text)) throw invalid({ [dto.plan !== undefined ? 'plan' : 'progress']: '不能为空' });
    const { home, campaign } = await this.scope(userId, campaignId, homeId);
    if (campaign.status !== 'closed' && campaign.status !== 'published') throw new DomainError('STATE_CONFLICT', '评议结束后才能提交整改');
    const day = chinaDay(this.clock.now());
    await this.tx.run(async (m) => {
      const existing = await m.findOne(RectificationRow, { where: { campaignId, homeId } });
      if (existing?.status === 'signed_off') throw new DomainError('STATE_CONFLICT', '整改已验收，不能再修改');
      let action: string;
      let targetId: string;
      if (dto.plan !== undefined) {
        if (existing) {
          // A revision answers a send-back (退回): the plan is back with the level above.
          const r = await m.update(
            RectificationRow,
            { id: existing.id, version: existing.version, status: existing.status },
            { plan: text, planOn: day, status: 'planned', sentBackReason: null, sentBackOn: null, version: existing.version + 1 },
          );
          if (!r.affected) throw new DomainError('STATE_CONFLICT');
          targetId = existing.id;
          action = 'rectification.plan_revise';
        } else {
          targetId = newId();
          await m.insert(RectificationRow, {
            id: targetId,
            campaignId,
            homeId,
            status: 'planned',
            plan: text,
            planOn: day,
            signedOffOn: null,
            sentBackReason: null,
            sentBackOn: null,
            version: 0,
          });
          action = 'rectification.plan';
        }
      } else {
        if (!existing) throw new DomainError('STATE_CONFLICT', '请先提交整改方案');
        const last = await m.findOne(RectificationUpdateRow, { where: { rectificationId: existing.id }, order: { seq: 'DESC' } });
        await m.insert(RectificationUpdateRow, { id: newId(), rectificationId: existing.id, seq: (last?.seq ?? 0) + 1, text, day });
        targetId = existing.id;
        action = 'rectification.progress';
      }
      await this.audit.record(
        {
          actorUserId: userId,
          scopePath: home.orgPath,
          action,
          targetType: 'rectification',
          targetId,
          homeId: home.id,
          detail: { campaignId },
        },
        m,
      );
    });
    return (await this.view(campaignId, homeId))!;
  }

  /** The upper level accepts the rectification: only after a plan and at least one progress report. */
  signOff(userId: string, campaignId: string, homeId: string): Promise<Rectification> {
    return this.decide(userId, campaignId, homeId, {
      forbidden: '整改由上级工会验收',
      refusals: { signed_off: '整改已验收', sent_back: '整改方案已退回，待修改后再验收' },
      check: async (m, existing) => {
        if (!(await m.count(RectificationUpdateRow, { where: { rectificationId: existing.id } })))
          throw new DomainError('STATE_CONFLICT', '尚无整改进展，不能验收');
      },
      changes: (day) => ({ status: 'signed_off', signedOffOn: day }),
      audit: { action: 'rectification.sign_off', detail: { campaignId } },
    });
  }

  /** The upper level returns the plan (退回) with a reason the chair sees; audited. Only a plan awaiting the level above. */
  async sendBack(userId: string, campaignId: string, homeId: string, reason: string): Promise<Rectification> {
    const text = normalizeText(reason);
    if (isBlankText(text)) throw invalid({ reason: '请填写退回理由' });
    return this.decide(userId, campaignId, homeId, {
      forbidden: '整改由上级工会退回或验收',
      refusals: { signed_off: '整改已验收，不能退回', sent_back: '整改方案已退回，待主席修改' },
      changes: (day) => ({ status: 'sent_back', sentBackReason: text, sentBackOn: day }),
      audit: { action: 'rectification.send_back', detail: { campaignId, reason: text } },
    });
  }

  /**
   * The level above decides on a plan awaiting it (sign-off or send-back): only its admins, only a plan in
   * 'planned' (the refusal for each other state says why), one write guarded by the row's version, audited
   * in the same transaction.
   */
  private async decide(userId: string, campaignId: string, homeId: string, d: Decision): Promise<Rectification> {
    const { home } = await this.scope(userId, campaignId, homeId);
    if (!(await this.access.administers(userId, home.orgPath))) throw new DomainError('FORBIDDEN', d.forbidden);
    await this.tx.run(async (m) => {
      const existing = await m.findOne(RectificationRow, { where: { campaignId, homeId } });
      if (!existing) throw new DomainError('STATE_CONFLICT', '尚未提交整改方案');
      if (existing.status !== 'planned') throw new DomainError('STATE_CONFLICT', d.refusals[existing.status]);
      await d.check?.(m, existing);
      const r = await m.update(
        RectificationRow,
        { id: existing.id, version: existing.version, status: 'planned' },
        { ...d.changes(chinaDay(this.clock.now())), version: existing.version + 1 },
      );
      if (!r.affected) throw new DomainError('STATE_CONFLICT');
      await this.audit.record(
        {
          ...d.audit,
          actorUserId: userId,
          scopePath: home.orgPath,
          targetType: 'rectification',
          targetId: existing.id,
          homeId: home.id,
        },
        m,
      );
    });
    return (await this.view(campaignId, homeId))!;
  }

  /** Public: a home's latest published cycle, with the privacy rules applied, and its rectification. */
  async publicResults(homeId: string): Promise<PublicResults> {
    const home = await this.homes.findOne({ where: { id: homeId } });
    if (!home) throw notFound();
    // The unions above it today, or a cycle it was frozen into before it moved (CampaignHomes.frozenInto).
    const frozen = await this.campaignHomes.frozenInto(home.id);
    const found = await this.campaigns.find({
      where: [
        { orgPath: In(ancestorPaths(home.orgPath)), status: 'published' },
        ...(frozen.length ? [{ id: In(frozen), status: 'published' as const }] : []),
      ],
      order: { opensAt: 'DESC' },
      take: 1,
    });
    const campaign = found[0];
    if (!campaign) return { home: { id: home.id, name: home.name }, campaign: null, results: null, rectification: null };
    const [totals, members] = await Promise.all([
      this.totals.final(campaign.id, homeId),
      this.campaignHomes.memberCounts(homeId, [campaign.id], home.memberCount),
    ]);
    const f = homeFigures({ ...home, memberCount: members(campaign.id) }, totals, campaignSettings(campaign).thresholds);
    const means = f.criteria
      ? (Object.fromEntries(Object.entries(f.criteria).map(([k, v]) => [k, v.mean])) as NonNullable<PublicResults['results']>['means'])
      : null;
    return {
      home: { id: home.id, name: home.name },
      campaign: { id: campaign.id, name: campaign.name },
      results: {
        ratings: f.ratings,
        participationRate: f.participationRate,
        valid: f.valid,
        satisfactionRate: f.satisfaction?.rate ?? null,
        means,
        title: f.title,
      },
      rectification: await this.publicView(campaign.id, home.id),
    };
  }

  /** What members see: the plan and its progress; a send-back's reason stays between the two levels. */
  private async publicView(campaignId: string, homeId: string): Promise<Rectification | null> {
    const view = await this.view(campaignId, homeId);
    return view && { ...view, sentBack: null };
  }

  /** A home's plan for a cycle, as the chair and the levels above see it (also for the dossier). */
  async view(campaignId: string, homeId: string): Promise<Rectification | null> {
    const row = await this.rows.findOne({ where: { campaignId, homeId } });
    if (!row) return null;
    const updates = await this.updates.find({ where: { rectificationId: row.id }, order: { seq: 'ASC' } });
    return {
      campaignId,
      homeId,
      status: row.status,
      plan: row.plan,
      planOn: row.planOn,
      updates: updates.map((u) => ({ text: u.text, day: u.day })),
      signedOffOn: row.signedOffOn,
      sentBack: row.sentBackReason && row.sentBackOn ? { reason: row.sentBackReason, on: row.sentBackOn } : null,
    };
  }

  private async scope(userId: string, campaignId: string, homeId: string): Promise<{ home: Home; campaign: Campaign }> {
    const home = await this.access.homeForStaff(userId, homeId);
    const campaign = await this.campaigns.findOne({ where: { id: campaignId } });
    if (!campaign || !isWithin(home.orgPath, campaign.orgPath)) throw notFound();
    return { home, campaign };
  }
}
