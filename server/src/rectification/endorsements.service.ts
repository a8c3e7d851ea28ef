import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { chinaDay, EndorsementFigures, endorsementFigures, EndorsementVerdict, MyEndorsement } from '@pingjia/shared';
import { Repository } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity';
import { campaignSettings } from '../settings/province-settings.store';
import { Clock } from '../common/clock';
import { DomainError, notFound } from '../common/domain-error';
import { newId } from '../common/ids';
import { Transactions } from '../common/transactions';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { findHome } from '../orgs/find-home';
import { Home } from '../orgs/home.entity';
import { isWithin } from '../orgs/org-paths';
import { raterKey } from '../ratings/rater-key';
import { RatingIntegrity } from '../ratings/rating-integrity';
import { PlanEndorsement } from './endorsement.entity';
import { RectificationRow } from './rectification.entity';

// 认可/不认可 of a published rectification plan (shared/endorsements.ts has the counting rules).
@Injectable()
export class EndorsementsService {
  constructor(
    @InjectRepository(PlanEndorsement) private readonly endorsements: Repository<PlanEndorsement>,
    @InjectRepository(RectificationRow) private readonly plans: Repository<RectificationRow>,
    @InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>,
    @InjectRepository(Home) private readonly homes: Repository<Home>,
    private readonly integrity: RatingIntegrity,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Public, like the results page: how many answered, and the split once the plan is signed off. */
  async figures(campaignId: string, homeId: string): Promise<EndorsementFigures> {
    const { plan, campaign } = await this.publishedPlan(campaignId, homeId);
    const rows = (await this.endorsements
      .createQueryBuilder('e')
      .select('e.verdict', 'verdict')
      .addSelect('COUNT(*)', 'n')
      .where('e.rectification_id = :id', { id: plan.id })
      .groupBy('e.verdict')
      .getRawMany()) as { verdict: EndorsementVerdict; n: number | string }[];
    const count = (v: EndorsementVerdict) => Number(rows.find((r) => r.verdict === v)?.n ?? 0);
    // The cycle's own suppression sizes (frozen at open), like every other figure of the cycle.
    const { thresholds } = campaignSettings(campaign);
    return endorsementFigures({ agree: count('agree'), disagree: count('disagree') }, plan.status !== 'signed_off', thresholds);
  }

  async mine(userId: string, campaignId: string, homeId: string): Promise<MyEndorsement> {
    const { plan, home } = await this.publishedPlan(campaignId, homeId);
    const subject = await this.integrity.subjectOf(userId, home);
    if (!subject) return { verdict: null };
    const row = await this.endorsements.findOne({ where: { rectificationId: plan.id, raterKey: this.key(campaignId, homeId, subject) } });
    return { verdict: row?.verdict ?? null };
  }

  /** One answer per member per plan: a second call changes it. Closed at sign-off. */
  async put(userId: string, campaignId: string, homeId: string, verdict: EndorsementVerdict): Promise<MyEndorsement> {
    const { plan, home } = await this.publishedPlan(campaignId, homeId);
    if (plan.status === 'signed_off') throw new DomainError('STATE_CONFLICT', '整改已验收，不能再表态');
    const today = chinaDay(this.clock.now());
    // Staff are refused; in a roster home the answer belongs to the member's roster entry.
    const rater = await this.integrity.rater(userId, home, today);
    const key = this.key(campaignId, homeId, rater.subject);
    await this.tx.run(async (m) => {
      // A lost insert race (the same member twice at once) is retried by tx.run and becomes the update.
      const existing = await m.findOne(PlanEndorsement, { where: { rectificationId: plan.id, raterKey: key } });
      if (existing) await m.update(PlanEndorsement, { id: existing.id }, { verdict, updatedOn: today });
      else await m.insert(PlanEndorsement, { id: newId(), rectificationId: plan.id, raterKey: key, verdict, updatedOn: today });
    });
    return { verdict };
  }

  // Its own domain: never equal to the member's rater key in `ratings`, so the two tables cannot be joined.
  private key(campaignId: string, homeId: string, subject: string): string {
    return raterKey(this.config.raterKeySecret, campaignId, homeId, `endorsement:${subject}`);
  }

  /** The plan members can see: the home's, in a published cycle of its subtree; 404 otherwise. */
  private async publishedPlan(campaignId: string, homeId: string): Promise<{ plan: RectificationRow; home: Home; campaign: Campaign }> {
    const [home, campaign] = await Promise.all([findHome(this.homes, homeId), this.campaigns.findOne({ where: { id: campaignId } })]);
    if (!home || !campaign || campaign.status !== 'published' || !isWithin(home.orgPath, campaign.orgPath)) throw notFound();
    const plan = await this.plans.findOne({ where: { campaignId, homeId } });
    if (!plan) throw notFound();
    return { plan, home, campaign };
  }
}
