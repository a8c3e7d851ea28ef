import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { chinaDay, commentProblem, CRITERION_KEYS, MemberGroup, normalizeText, Rating as RatingView, Scores } from '@pingjia/shared';
import { Repository } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { DomainError, invalid, notFound } from '../common/domain-error';
import { newId } from '../common/ids';
import { Transactions } from '../common/transactions';
import { Home } from '../orgs/home.entity';
import { findHome } from '../orgs/find-home';
import { isWithin } from '../orgs/org-paths';
import { ModerationService } from '../moderation/moderation.service';
import { RatingBody } from './rating-body';
import { CommentStatus, Rating, scoreColumn } from './rating.entity';
import { RatingTotalsStore } from './rating-totals.store';
import { raterKey } from './rater-key';
import { RatingIntegrity, RatingsExceedMembers } from './rating-integrity';
import { RatingValues, totalsDelta } from './totals-delta';

const scoresOf = (r: Scores): Scores => Object.fromEntries(CRITERION_KEYS.map((k) => [k, r[k]])) as Scores;

function valuesOf(r: Rating): RatingValues {
  return {
    scores: scoresOf(r),
    verdict: r.verdict,
    groups: r.memberGroups ? (r.memberGroups.split(',') as MemberGroup[]) : [],
    commentApproved: r.commentStatus === 'approved',
  };
}

function toRatingView(r: Rating): RatingView {
  const v = valuesOf(r);
  return {
    campaignId: r.campaignId,
    homeId: r.homeId,
    scores: scoresOf(r),
    verdict: r.verdict,
    comment: r.comment,
    groups: v.groups,
    updatedOn: r.updatedOn,
  };
}

@Injectable()
export class RatingsService {
  constructor(
    @InjectRepository(Rating) private readonly ratings: Repository<Rating>,
    @InjectRepository(Home) private readonly homes: Repository<Home>,
    private readonly tx: Transactions,
    private readonly integrity: RatingIntegrity,
    private readonly totals: RatingTotalsStore,
    private readonly moderation: ModerationService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Creates or replaces the caller's own rating; `created` tells which. */
  async put(userId: string, campaignId: string, homeId: string, dto: RatingBody): Promise<{ created: boolean; rating: RatingView }> {
    const comment = normalizeText(dto.comment ?? '');
    const problem = commentProblem(comment);
    if (problem) throw invalid({ comment: problem });

    // The cycle's member limit is read beside the scope, not under the totals lock: it is frozen when the
    // cycle opens (campaign_homes rows are written then only), so the lock has nothing to guard there.
    const [{ home }, members] = await Promise.all([this.scope(campaignId, homeId, true), this.integrity.cycleMembers(campaignId, homeId)]);
    const today = chinaDay(this.clock.now());
    // Staff are refused; in a roster home the rating belongs to the member's roster entry.
    const rater = await this.integrity.rater(userId, home, today);
    const commentStatus: CommentStatus = comment ? await this.moderation.check(userId, comment) : 'none';
    const key = raterKey(this.config.raterKeySecret, campaignId, homeId, rater.subject);
    const groups = [...new Set(dto.groups ?? [])].sort();
    const next = {
      ...scoresOf(dto.scores),
      verdict: dto.verdict,
      comment: comment || null,
      commentStatus,
      memberGroups: groups.join(','),
      updatedOn: today,
    };

    return this.totals
      .withRow(campaignId, homeId, () =>
        this.tx.run(async (m) => {
          // Every write to a home's ratings first locks that home's totals row (created on first use).
          const counted = await this.totals.lock(m, campaignId, homeId);
          const [existing] = (await m.query(SQL.existing, [campaignId, homeId, key])) as Record<string, unknown>[];
          const before = existing ? storedValues(existing) : null;
          const values = [
            ...CRITERION_KEYS.map((k) => next[k]),
            next.verdict,
            next.comment,
            next.commentStatus,
            next.memberGroups,
            next.updatedOn,
          ];
          if (existing) await m.query(SQL.update, [...values, existing.id]);
          else {
            this.integrity.checkRoom(counted, members ?? home.memberCount);
            await m.query(SQL.insert, [newId(), campaignId, homeId, key, ...values]);
            await this.integrity.firstRating(m, campaignId, homeId, rater, today);
          }
          const saved = { campaignId, homeId, ...next } as Rating;
          await this.totals.applyDelta(m, campaignId, homeId, totalsDelta(before, valuesOf(saved)));
          return { created: !existing, rating: toRatingView(saved) };
        }),
      )
      .catch(async (e: unknown) => {
        // Counted after the rollback, so the level above learns of the attempt.
        if (e instanceof RatingsExceedMembers) await this.integrity.refusedOverMembers(campaignId, homeId, today);
        throw e;
      });
  }

  async get(userId: string, campaignId: string, homeId: string): Promise<RatingView> {
    const { home } = await this.scope(campaignId, homeId, false);
    const subject = await this.integrity.subjectOf(userId, home);
    if (!subject) throw notFound();
    const key = raterKey(this.config.raterKeySecret, campaignId, homeId, subject);
    const rating = await this.ratings.findOne({ where: { campaignId, homeId, raterKey: key } });
    if (!rating) throw notFound();
    return toRatingView(rating);
  }

  private async scope(campaignId: string, homeId: string, mustBeOpen: boolean): Promise<{ home: Home }> {
    // Plain SQL for the cycle (the columns the checks need): a repository find's query building and
    // entity mapping cost more of each PUT than the lookup (the cost table's query stage).
    const [home, [campaign]] = await Promise.all([
      findHome(this.homes, homeId),
      this.homes.query(SQL.campaign, [campaignId]) as Promise<Pick<Campaign, 'orgPath' | 'status' | 'opensAt' | 'closesAt'>[]>,
    ]);
    // A home outside the campaign's subtree is not part of it: 404, as for an unknown id.
    if (!home || !campaign || !isWithin(home.orgPath, campaign.orgPath)) throw notFound();
    if (mustBeOpen) {
      // Deactivated: its past results stay, it takes no new ratings.
      if (home.deactivatedAt) throw new DomainError('HOME_INACTIVE');
      const now = this.clock.now().toISOString();
      if (campaign.status !== 'open' || now < campaign.opensAt || now >= campaign.closesAt) {
        throw new DomainError('CAMPAIGN_NOT_OPEN');
      }
    }
    return { home };
  }
}

// The rating write in plain SQL with placeholders (the same text on SQLite and MySQL): the ORM's query
// building and one prepared statement per distinct SET list or literal cost more per PUT than the
// statements themselves. Column names come from fixed lists only.
const RATING_VALUES = [...CRITERION_KEYS.map(scoreColumn), 'verdict', 'comment', 'comment_status', 'member_groups', 'updated_on'];
const SQL = {
  campaign: 'SELECT org_path AS orgPath, status, opens_at AS opensAt, closes_at AS closesAt FROM campaigns WHERE id = ?',
  existing: `SELECT id, ${RATING_VALUES.join(', ')} FROM ratings WHERE campaign_id = ? AND home_id = ? AND rater_key = ?`,
  insert: `INSERT INTO ratings (id, campaign_id, home_id, rater_key, ${RATING_VALUES.join(', ')}) VALUES (${['id', 'c', 'h', 'k', ...RATING_VALUES].map(() => '?').join(', ')})`,
  update: `UPDATE ratings SET ${RATING_VALUES.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
};

/** The values a stored rating counted with, from its row. */
function storedValues(r: Record<string, unknown>): RatingValues {
  const groups = String(r.member_groups ?? '');
  return {
    scores: Object.fromEntries(CRITERION_KEYS.map((k) => [k, Number(r[scoreColumn(k)])])) as Scores,
    verdict: r.verdict as RatingValues['verdict'],
    groups: groups ? (groups.split(',') as MemberGroup[]) : [],
    commentApproved: r.comment_status === 'approved',
  };
}
