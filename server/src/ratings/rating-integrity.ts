import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IntegrityFlagKind, integrityFlagKinds, NEW_ACCOUNT_DAYS } from '@pingjia/shared';
import { DataSource, EntityManager } from 'typeorm';
import { Transactions } from '../common/transactions';
import { DomainError } from '../common/domain-error';
import { MembershipService } from '../membership/membership.service';
import { cycleMembersSql } from '../campaigns/campaign-homes';
import { Home } from '../orgs/home.entity';

/** Who rates, as far as the rating store goes: the subject the rater key hashes, and whether the account is new. */
export interface Rater {
  subject: string;
  newAccount: boolean;
}

/** Thrown inside the rating transaction when the home is full; the refusal is recorded after the rollback. */
export class RatingsExceedMembers extends DomainError {
  constructor() {
    super('RATINGS_EXCEED_MEMBERS');
  }
}

// One rating per real member:
// - staff accounts (a password login, or any role) never rate;
// - in a roster home the rating belongs to the roster entry, not the account: the rater key hashes the
//   entry, so after the level above resets a binding the new account finds (and replaces) the one
//   rating instead of adding a second;
// - a home never counts more ratings than its member count; a refused one is counted, per day, in
//   home_integrity_flags, as are first ratings from accounts created that day or the day before. The
//   level above sees the resulting flags on its dashboard; the home never does.
@Injectable()
export class RatingIntegrity {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly membership: MembershipService,
    private readonly tx: Transactions,
  ) {}

  async rater(userId: string, home: Home, today: string): Promise<Rater> {
    const [user] = (await this.dataSource.query(
      `SELECT u.username AS username, u.password_hash AS password_hash, u.created_on AS created_on,
              (SELECT COUNT(*) FROM role_grants g WHERE g.user_id = u.id) AS grants
         FROM users u WHERE u.id = ?`,
      [userId],
    )) as RaterRow[];
    checkRater(user);
    const entryId = home.membershipMode === 'open' ? null : await this.membership.boundEntryId(userId, home.id);
    return raterOf(userId, user, home, entryId, today);
  }

  /** The subject a member's own rating is filed under (for reading it back); null when they have none. */
  async subjectOf(userId: string, home: Home): Promise<string | null> {
    if (home.membershipMode === 'open') return userId;
    const entryId = await this.membership.boundEntryId(userId, home.id);
    return entryId ? `entry:${entryId}` : null;
  }

  /**
   * Under the home's totals lock, before a new rating: refuses it when the home already counts as many
   * ratings (`counted`, from the locked totals row: RatingTotalsStore.lock) as its member limit (the
   * count frozen into the cycle, campaign_homes; a later edit of the home does not move it).
   */
  checkRoom(counted: number, members: number): void {
    if (counted >= members) throw new RatingsExceedMembers();
  }

  /** After a new rating, in its transaction: counts it for the day when the account is new. */
  async firstRating(m: EntityManager, campaignId: string, homeId: string, rater: Rater, today: string): Promise<void> {
    if (rater.newAccount) await this.bump(m, campaignId, homeId, today, 'new_account_ratings');
  }

  /**
   * After a refusal for a full home, in a transaction of its own — through Transactions, which queues it
   * on SQLite's one connection (dataSource.transaction beside other requests' transactions failed there
   * with "cannot start a transaction within a transaction": 500s under load).
   */
  async refusedOverMembers(campaignId: string, homeId: string, today: string): Promise<void> {
    await this.tx.run((m) => this.bump(m, campaignId, homeId, today, 'refused_over_members'));
  }

  private async bump(
    m: EntityManager,
    campaignId: string,
    homeId: string,
    day: string,
    column: 'new_account_ratings' | 'refused_over_members',
  ) {
    const mysql = m.connection.options.type === 'mysql';
    const insert = `INSERT INTO home_integrity_flags (campaign_id, home_id, day, new_account_ratings, refused_over_members) VALUES (?, ?, ?, ?, ?)`;
    const values = [campaignId, homeId, day, column === 'new_account_ratings' ? 1 : 0, column === 'refused_over_members' ? 1 : 0];
    await m.query(
      mysql
        ? `${insert} ON DUPLICATE KEY UPDATE ${column} = ${column} + 1`
        : `${insert} ON CONFLICT (campaign_id, home_id, day) DO UPDATE SET ${column} = ${column} + 1`,
      values,
    );
  }
}

/** What the rater checks read of the user (and, in a roster home, the entry bound to them). */
interface RaterRow {
  username: string | null;
  password_hash: string | null;
  created_on: string;
  grants: number | string;
}

/**
 * The same reads as RatingIntegrity.rater, as columns of a query that reads the home (alias `h`) and
 * the user (alias `u`, left-joined: no row is UNAUTHORIZED) beside other rows, so a rating PUT reads its
 * scope and its rater in one statement: raterFromRow decodes them.
 */
export const RATER_COLUMNS = `u.id AS rater_id, u.username AS rater_username, u.password_hash AS rater_password_hash,
  u.created_on AS rater_created_on, (SELECT COUNT(*) FROM role_grants g WHERE g.user_id = u.id) AS rater_grants,
  CASE WHEN h.membership_mode <> 'open' THEN (SELECT e.id FROM roster_entries e WHERE e.home_id = h.id AND e.bound_user_id = u.id) END AS rater_entry`;

/** The rater from a row holding RATER_COLUMNS; refuses exactly as RatingIntegrity.rater does. */
export function raterFromRow(userId: string, r: Record<string, unknown>, home: Home, today: string): Rater {
  const user: RaterRow | undefined =
    r.rater_id === null || r.rater_id === undefined
      ? undefined
      : {
          username: r.rater_username as string | null,
          password_hash: r.rater_password_hash as string | null,
          created_on: r.rater_created_on as string,
          grants: r.rater_grants as number | string,
        };
  checkRater(user);
  return raterOf(userId, user, home, (r.rater_entry as string | null | undefined) ?? null, today);
}

/** Staff never rate: an account with a username, a password or any role. */
function checkRater(user: RaterRow | undefined): asserts user is RaterRow {
  if (!user) throw new DomainError('UNAUTHORIZED');
  if (user.username !== null || user.password_hash !== null || Number(user.grants) > 0) throw new DomainError('STAFF_CANNOT_RATE');
}

/** In a roster home the rating belongs to the member's bound entry (none: MEMBERSHIP_REQUIRED). */
function raterOf(userId: string, user: RaterRow, home: Home, entryId: string | null, today: string): Rater {
  let subject = userId;
  if (home.membershipMode !== 'open') {
    if (!entryId) throw new DomainError('MEMBERSHIP_REQUIRED');
    subject = `entry:${entryId}`;
  }
  return { subject, newAccount: daysBetween(user.created_on, today) <= NEW_ACCOUNT_DAYS };
}

/** Flagged homes of a subtree in one cycle, by name: for the dashboard of the level above only. */
export async function integrityFlagsUnder(
  db: DataSource | EntityManager,
  path: string,
  campaignId: string,
): Promise<{ total: number; items: Array<{ id: string; name: string; kinds: IntegrityFlagKind[] }> }> {
  const rows = (await db.query(
    `SELECT h.id AS id, h.name AS name, MAX(${cycleMembersSql('f.campaign_id')}) AS members, MAX(f.new_account_ratings) AS busiest, SUM(f.refused_over_members) AS refused
       FROM home_integrity_flags f JOIN homes h ON h.id = f.home_id
      WHERE f.campaign_id = ? AND h.org_path LIKE ?
      GROUP BY h.id, h.name`,
    [campaignId, `${path}%`],
  )) as { id: string; name: string; members: number | string; busiest: number | string; refused: number | string }[];
  const items = rows
    .map((r) => ({
      id: String(r.id),
      name: String(r.name),
      kinds: integrityFlagKinds({
        refusedOverMembers: Number(r.refused),
        busiestNewAccountDay: Number(r.busiest),
        memberCount: Number(r.members),
      }),
    }))
    .filter((r) => r.kinds.length > 0)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { total: items.length, items };
}

function daysBetween(fromDay: string, toDay: string): number {
  return Math.round((Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / 86_400_000);
}
