import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DomainError, notFound } from '../common/domain-error';
import { Home } from './home.entity';
import { findHome } from './find-home';
import { Org } from './org.entity';
import { RoleGrant } from '../auth/role-grant.entity';

// Scope comes from the caller's grants and the org tree, never from ids the client sends. Anything
// out of reach is reported as "not found", so ids outside one's subtree cannot be probed.
@Injectable()
export class AccessPolicy {
  constructor(
    @InjectRepository(RoleGrant) private readonly grants: Repository<RoleGrant>,
    @InjectRepository(Org) private readonly orgs: Repository<Org>,
    @InjectRepository(Home) private readonly homes: Repository<Home>,
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

  /** The org, if the user administers it or an org above it. */
  async orgForAdmin(userId: string, orgId: string): Promise<Org> {
    const org = await this.orgs.findOne({ where: { id: orgId } });
    if (!org) throw notFound();
    const paths = await this.adminPaths(userId);
    if (!paths.some((p) => org.path.startsWith(p))) throw notFound();
    return org;
  }

  /** The home, if the user chairs it or administers an org above it. */
  async homeForStaff(userId: string, homeId: string): Promise<Home> {
    return (await this.homeWithLevel(userId, homeId)).home;
  }

  /**
   * The home, if the user administers an org above it. Its own chair (who is judged by the home's
   * ratings) is refused with 403: it may know the home, not change who may rate it.
   */
  async homeForUpperLevel(userId: string, homeId: string, refusal: string): Promise<Home> {
    const { home, upperLevel } = await this.homeWithLevel(userId, homeId);
    if (!upperLevel) throw new DomainError('FORBIDDEN', refusal);
    return home;
  }

  /**
   * The home, if the user chairs it or administers an org above it, and whether the user is above it
   * (the upper level sees grievances about the union itself; its chair does not). Asked on every
   * dashboard request, cached answer or not: two plain queries (the home, the user's grants), not
   * repository finds, whose query building cost more than the lookups.
   */
  async homeWithLevel(userId: string, homeId: string): Promise<{ home: Home; upperLevel: boolean }> {
    const home = await findHome(this.homes, homeId);
    if (!home) throw notFound();
    const grants: { role: string; path: string | null }[] = await this.grants.query(
      `SELECT g.role AS role, o.path AS path FROM role_grants g LEFT JOIN orgs o ON o.id = g.org_id WHERE g.user_id = ? AND (g.role = 'federation_admin' OR (g.role = 'chair' AND g.org_id = ?))`,
      [userId, homeId],
    );
    const upperLevel = grants.some((g) => g.role === 'federation_admin' && g.path !== null && home.orgPath.startsWith(g.path));
    if (!upperLevel && !grants.some((g) => g.role === 'chair')) throw notFound();
    return { home, upperLevel };
  }
}
