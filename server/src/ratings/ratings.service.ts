import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { chinaDay, commentProblem, CRITERION_KEYS, MemberGroup, normalizeText, Rating as RatingView, Scores } from '@pingjia/shared';
import { EntityManager, Repository } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { DomainError, invalid, notFound } from '../common/domain-error';
import { newId } from '../common/ids';
import { Transactions } from '../common/transactions';
import { Home } from '../orgs/home.entity';
import { MembershipService } from '../membership/membership.service';
import { ModerationService } from '../wechat/moderation.service';
import { RatingDto } from './dto';
import { CommentStatus, Rating } from './rating.entity';
import { propertyOf, RatingTotalsSchema } from './rating-totals.entity';
import { snapshotDue, takeSnapshot, WindowState } from './open-figures';
import { raterKey } from './rater-key';
import { RatingValues, totalsDelta } from './totals-delta';

function valuesOf(r: Rating): RatingValues {
  return {
    scores: { organization: r.organization, rights: r.rights, work: r.work, role: r.role, trust: r.trust },
    verdict: r.verdict,
    groups: r.memberGroups ? (r.memberGroups.split(',') as MemberGroup[]) : [],
    commentApproved: r.commentStatus === 'approved',
  };
}

export function toRatingView(r: Rating): RatingView {
  const v = valuesOf(r);
  return { campaignId: r.campaignId, homeId: r.homeId, scores: v.scores, verdict: r.verdict, comment: r.comment, groups: v.groups, updatedOn: r.updatedOn };
}

@Injectable()
export class RatingsService {
  constructor(
    @InjectRepository(Rating) private readonly ratings: Repository<Rating>,
    @InjectRepository(Home) private readonly homes: Repository<Home>,
    @InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>,
    private readonly tx: Transactions,
    private readonly membership: MembershipService,
    private readonly moderation: ModerationService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Creates or replaces the caller's own rating; `created` tells which. */
  async put(userId: string, campaignId: string, homeId: string, dto: RatingDto): Promise<{ created: boolean; rating: RatingView }> {
    const comment = normalizeText(dto.comment ?? '');
    const problem = commentProblem(comment);
    if (problem) throw invalid({ comment: problem });

    const { home } = await this.scope(campaignId, homeId, true);
    if (!(await this.membership.isMember(userId, home))) throw new DomainError('MEMBERSHIP_REQUIRED');
    const commentStatus: CommentStatus = comment ? await this.moderation.check(userId, comment) : 'none';
    const key = raterKey(this.config.raterKeySecret, campaignId, homeId, userId);
    const scores = dto.scores as Scores;
    const groups = [...new Set(dto.groups ?? [])].sort();
    const next = {
      organization: scores.organization,
      rights: scores.rights,
      work: scores.work,
      role: scores.role,
      trust: scores.trust,
      verdict: dto.verdict,
      comment: comment || null,
      commentStatus,
      memberGroups: groups.join(','),
      updatedOn: chinaDay(this.clock.now()),
    };

    return this.tx.run(async (m) => {
      // Every write to a home's ratings first locks that home's totals row (created on first use),
      // so concurrent writers queue on one lock instead of deadlocking on index gaps.
      const window = await this.lockTotals(m, campaignId, homeId);
      const existing = await m.findOne(Rating, { where: { campaignId, homeId, raterKey: key } });
      let saved: Rating;
      if (existing) {
        saved = { ...existing, ...next };
        await m.update(Rating, { id: existing.id }, next);
      } else {
        saved = m.create(Rating, { id: newId(), campaignId, homeId, raterKey: key, ...next });
        await m.insert(Rating, saved);
      }
      // Only a new rating moves an open cycle's snapshot window (open-figures.ts).
      const snapshotAt = existing ? null : snapshotDue(window);
      await this.applyDelta(m, campaignId, homeId, totalsDelta(existing ? valuesOf(existing) : null, valuesOf(saved)), !existing, snapshotAt);
      if (snapshotAt !== null) await takeSnapshot(m, campaignId, homeId);
      return { created: !existing, rating: toRatingView(saved) };
    });
  }

  async get(userId: string, campaignId: string, homeId: string): Promise<RatingView> {
    await this.scope(campaignId, homeId, false);
    const key = raterKey(this.config.raterKeySecret, campaignId, homeId, userId);
    const rating = await this.ratings.findOne({ where: { campaignId, homeId, raterKey: key } });
    if (!rating) throw notFound();
    return toRatingView(rating);
  }

  private async scope(campaignId: string, homeId: string, mustBeOpen: boolean): Promise<{ home: Home; campaign: Campaign }> {
    const [home, campaign] = await Promise.all([
      this.homes.findOne({ where: { id: homeId } }),
      this.campaigns.findOne({ where: { id: campaignId } }),
    ]);
    // A home outside the campaign's subtree is not part of it: 404, as for an unknown id.
    if (!home || !campaign || !home.orgPath.startsWith(campaign.orgPath)) throw notFound();
    if (mustBeOpen) {
      const now = this.clock.now().toISOString();
      if (campaign.status !== 'open' || now < campaign.opensAt || now >= campaign.closesAt) {
        throw new DomainError('CAMPAIGN_NOT_OPEN');
      }
    }
    return { home, campaign };
  }

  /** Locks the home's totals row (creating it on first use) and reads its snapshot window. */
  private async lockTotals(m: EntityManager, campaignId: string, homeId: string): Promise<WindowState> {
    const select = async () => {
      const q = m
        .createQueryBuilder()
        .select(['t.writes AS writes', 't.window_start AS window_start'])
        .from(RatingTotalsSchema, 't')
        .where('t.campaign_id = :campaignId AND t.home_id = :homeId', { campaignId, homeId });
      const row = await (m.connection.options.type === 'mysql' ? q.setLock('pessimistic_write') : q).getRawOne<{ writes: number | string; window_start: number | string }>();
      return row ? { writes: Number(row.writes), windowStart: Number(row.window_start) } : null;
    };
    const found = await select();
    if (found) return found;
    await m.createQueryBuilder().insert().into(RatingTotalsSchema).values({ campaignId, homeId }).orIgnore().execute();
    return (await select())!;
  }

  private async applyDelta(m: EntityManager, campaignId: string, homeId: string, delta: Map<string, number>, newRating: boolean, snapshotAt: number | null) {
    if (!delta.size) return;
    const set: Record<string, () => string> = {};
    // Column names come from a fixed list and deltas are integers we computed: no user text in SQL.
    for (const [column, by] of delta) set[propertyOf(column)] = () => `${column} + (${Math.trunc(by)})`;
    if (newRating) set.writes = () => 'writes + 1';
    // An absolute value: MySQL would read `writes` above as already incremented.
    if (snapshotAt !== null) set.window_start = () => String(Math.trunc(snapshotAt));
    await m.createQueryBuilder().update(RatingTotalsSchema).set(set).where('campaign_id = :campaignId AND home_id = :homeId', { campaignId, homeId }).execute();
  }
}
