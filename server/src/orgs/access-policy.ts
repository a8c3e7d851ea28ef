import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { RoleGrant } from '../auth/role-grant.entity';
import { DomainError, notFound } from '../common/domain-error';
import { homeColumns, homeFromRow } from './find-home';
import { Home } from './home.entity';
import { isWithin } from './org-paths';
import { Org } from './org.entity';

// The one access policy: who may administer an org, see a home, and act over a path of the tree.
// A federation admin of an org administers it and everything below it; a chair sees their own home.
// Scope comes from the caller's grants and the org tree, never from ids the client sends. Anything
// out of reach is reported as "not found", so ids outside one's subtree cannot be probed.
// Features with rules of their own (grievances: reporter, union topic, escalation) build them on
// `covers` and its SQL twin `coversSql` below, not on a copy of the path test.

/** Whether one of the admin paths covers `path` (the org at that path or one above it). */
export function covers(adminPaths: readonly string[], path: string): boolean {
  return adminPaths.some((p) => isWithin(path, p));
}

/**
 * The SQL twin of `covers`: `column` (an org path) lies at or below one of the admin paths. Paths hold
 * only ids and '/', so LIKE's wildcards cannot occur in them. Call only with at least one path.
 */
export function coversSql(
  column: string,
  adminPaths: readonly string[],
  param = 'adminPath',
): { sql: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const terms = adminPaths.map((p, i) => {
    params[`${param}${i}`] = `${p}%`;
    return `${column} LIKE :${param}${i}`;
  });
  return { sql: `(${terms.join(' OR ')})`, params };
}

@Injectable()
export class AccessPolicy {
  constructor(
    @InjectRepository(RoleGrant) private readonly grants: Repository<RoleGrant>,
    @InjectRepository(Org) private readonly orgs: Repository<Org>,
  ) {}

  /** Paths of the orgs the user administers. */
  async adminPaths(userId: string): Promise<string[]> {
    // Asked on every staff request: one join in plain SQL instead of two repository finds.
    const rows: { path: string }[] = await this.grants.query(
      `SELECT o.path AS path FROM role_grants g JOIN orgs o ON o.id = g.org_id WHERE g.user_id = ? AND g.role = 'federation_admin'`,
      [userId],
    );
    return rows.map((r) => r.path);
  }

  /** Whether the user administers the org at `path` or one above it. */
  async administers(userId: string, path: string): Promise<boolean> {
    return covers(await this.adminPaths(userId), path);
  }

  /** The org, if the user administers it or an org above it. */
  async orgForAdmin(userId: string, orgId: string): Promise<Org> {
    const org = await this.orgs.findOne({ where: { id: orgId } });
    if (!org || !(await this.administers(userId, org.path))) throw notFound();
    return org;
  }

  /**
   * The org, if the user administers an org strictly above it: the level above appoints, so an admin
   * may not invite or remove peers of their own org (403; out of reach altogether: 404).
   */
  async orgBelowAdmin(userId: string, orgId: string): Promise<Org> {
    const org = await this.orgForAdmin(userId, orgId);
    const paths = await this.adminPaths(userId);
    if (!paths.some((p) => isWithin(org.path, p) && org.path !== p)) throw new DomainError('FORBIDDEN');
    return org;
  }

  /** The home, if the user chairs it or administers an org above it. */
  async homeForStaff(userId: string, homeId: string): Promise<Home> {
    return (await this.homeWithLevel(userId, homeId)).home;
  }

  /**
   * The home, if the user administers an org above it: what the level above decides about a home
   * (its roster, its staff, its rectification sign-off). Its own chair (who is judged by the home's
   * ratings) is refused with 403 (`refusal`): it may know the home, not change it. Anyone else: 404.
   */
  async homeForUpperLevel(userId: string, homeId: string, refusal?: string): Promise<Home> {
    const { home, upperLevel } = await this.homeWithLevel(userId, homeId);
    if (!upperLevel) throw new DomainError('FORBIDDEN', refusal);
    return home;
  }

  /**
   * The home, if the user chairs it or administers an org above it, and whether the user is above it
   * (the upper level sees grievances about the union itself; its chair does not). Asked on every
   * dashboard request whose access decision is not cached: one plain query (the home with the user's
   * grants that could cover it, a row per grant), not repository finds, whose query building cost more
   * than the lookups, nor two statements (each a round trip on MySQL).
   */
  async homeWithLevel(userId: string, homeId: string): Promise<{ home: Home; upperLevel: boolean }> {
    const rows: Record<string, unknown>[] = await this.grants.query(
      `SELECT ${homeColumns('h')}, g.role AS grant_role, o.path AS grant_path
         FROM homes h
         LEFT JOIN role_grants g ON g.user_id = ? AND (g.role = 'federation_admin' OR (g.role = 'chair' AND g.org_id = h.id))
         LEFT JOIN orgs o ON o.id = g.org_id
        WHERE h.id = ?`,
      [userId, homeId],
    );
    if (!rows.length) throw notFound();
    const home = homeFromRow(rows[0]);
    const grants = rows.flatMap((r) =>
      r.grant_role === null ? [] : [{ role: String(r.grant_role), path: r.grant_path as string | null }],
    );
    const adminPaths = grants.flatMap((g) => (g.role === 'federation_admin' && g.path !== null ? [g.path] : []));
    const upperLevel = covers(adminPaths, home.orgPath);
    if (!upperLevel && !grants.some((g) => g.role === 'chair')) throw notFound();
    return { home, upperLevel };
  }
}
