import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { chinaDay, commentProblem, CRITERION_KEYS, MemberGroup, normalizeText, Rating as RatingView, Scores } from '@pingjia/shared';
import { Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { DomainError, invalid, notFound } from '../common/domain-error';
import { newId } from '../common/ids';
import { Transactions } from '../common/transactions';
import { Home } from '../orgs/home.entity';
import { homeColumns, homeFromRow } from '../orgs/find-home';
import { isWithin } from '../orgs/org-paths';
import { ModerationService } from '../moderation/moderation.service';
import { RatingBody } from './rating-body';
import { CommentStatus, Rating, scoreColumn } from './rating.entity';
import { RatingTotalsStore } from './rating-totals.store';
import { raterKey } from './rater-key';
import { RATER_COLUMNS, raterFromRow, RatingIntegrity, RatingsExceedMembers } from './rating-integrity';
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

    // One statement reads the scope, the cycle's member limit, the rater and the openid moderation needs (each
    // round trip to MySQL costs the thread its driver work and the request its wait). The member limit is
    // frozen when the cycle opens (campaign_homes rows are written then only): no reading under the lock.
    const [row] = (await this.homes.query(SQL.scopeAndRater, [campaignId, userId, homeId])) as Record<string, unknown>[];
    const home = checkScope(row, true, this.clock.now());
    const members = row.members === null || row.members === undefined ? null : Number(row.members);
    const today = chinaDay(this.clock.now());
    // Staff are refused; in a roster home the rating belongs to the member's roster entry.
    const rater = raterFromRow(userId, row, home, today);
    const commentStatus: CommentStatus = comment
      ? await this.moderation.check(userId, comment, (row.openid as string | null) ?? null)
      : 'none';
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
          // The member's stored rating is read in the lock's statement (SQL.existing: one round trip less).
          const locked = await this.totals.lockReading(m, campaignId, homeId, { sql: SQL.existing, params: [key] });
          const counted = locked.counted;
          const existing = storedRow(locked.value);
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
    const { home } = await this.scope(campaignId, homeId);
    const subject = await this.integrity.subjectOf(userId, home);
    if (!subject) throw notFound();
    const key = raterKey(this.config.raterKeySecret, campaignId, homeId, subject);
    const rating = await this.ratings.findOne({ where: { campaignId, homeId, raterKey: key } });
    if (!rating) throw notFound();
    return toRatingView(rating);
  }

  private async scope(campaignId: string, homeId: string): Promise<{ home: Home }> {
    const [row] = (await this.homes.query(SQL.scope, [campaignId, homeId])) as Record<string, unknown>[];
    return { home: checkScope(row, false, this.clock.now()) };
  }
}

/**
 * The home, if the cycle (read beside it: `campaign_*` columns) covers it; 404 as for an unknown id when
 * either is missing or the home lies outside the cycle's subtree. For a new rating (`mustBeOpen`) the home
 * must be active and the cycle open now.
 */
function checkScope(row: Record<string, unknown> | undefined, mustBeOpen: boolean, now: Date): Home {
  if (!row || row.campaign_org_path === null || row.campaign_org_path === undefined) throw notFound();
  const home = homeFromRow(row);
  if (!isWithin(home.orgPath, String(row.campaign_org_path))) throw notFound();
  if (mustBeOpen) {
    // Deactivated: its past results stay, it takes no new ratings.
    if (home.deactivatedAt) throw new DomainError('HOME_INACTIVE');
    const at = now.toISOString();
    if (row.campaign_status !== 'open' || at < String(row.campaign_opens_at) || at >= String(row.campaign_closes_at)) {
      throw new DomainError('CAMPAIGN_NOT_OPEN');
    }
  }
  return home;
}

// The rating write in plain SQL with placeholders (the same text on SQLite and MySQL): the ORM's query
// building and one prepared statement per distinct SET list or literal cost more per PUT than the
// statements themselves. Column names come from fixed lists only.
const RATING_VALUES = [...CRITERION_KEYS.map(scoreColumn), 'verdict', 'comment', 'comment_status', 'member_groups', 'updated_on'];
// The home and the cycle (left-joined: no campaign, no org path) in one statement; the columns the checks
// need, not a repository find, whose query building and entity mapping cost more than the lookup.
const CAMPAIGN_COLUMNS =
  'c.org_path AS campaign_org_path, c.status AS campaign_status, c.opens_at AS campaign_opens_at, c.closes_at AS campaign_closes_at';
const SQL = {
  scope: `SELECT ${homeColumns('h')}, ${CAMPAIGN_COLUMNS} FROM homes h LEFT JOIN campaigns c ON c.id = ? WHERE h.id = ?`,
  scopeAndRater: `SELECT ${homeColumns('h')}, ${CAMPAIGN_COLUMNS}, ch.member_count AS members, u.openid AS openid, ${RATER_COLUMNS}
    FROM homes h LEFT JOIN campaigns c ON c.id = ? LEFT JOIN campaign_homes ch ON ch.campaign_id = c.id AND ch.home_id = h.id
    LEFT JOIN users u ON u.id = ? WHERE h.id = ?`,
  // As one JSON value (json_object: the same function on SQLite and MySQL), a subquery of the totals lock.
  existing: `SELECT json_object(${['id', ...RATING_VALUES].map((c) => `'${c}', ${c}`).join(', ')}) FROM ratings
    WHERE campaign_id = rating_totals.campaign_id AND home_id = rating_totals.home_id AND rater_key = ?`,
  insert: `INSERT INTO ratings (id, campaign_id, home_id, rater_key, ${RATING_VALUES.join(', ')}) VALUES (${['id', 'c', 'h', 'k', ...RATING_VALUES].map(() => '?').join(', ')})`,
  update: `UPDATE ratings SET ${RATING_VALUES.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
};

/** SQL.existing's value: text on SQLite, already parsed by mysql2 (a JSON column) on MySQL; none is null. */
function storedRow(v: unknown): Record<string, unknown> | undefined {
  if (v === null || v === undefined) return undefined;
  return (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown>;
}

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
