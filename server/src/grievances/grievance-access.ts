import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { routesToUpperLevel, type GrievanceActorRole } from '@pingjia/shared';
import { Brackets, Repository, SelectQueryBuilder } from 'typeorm';
import { AccessPolicy, covers, coversSql } from '../orgs/access-policy';
import { RoleGrant } from '../auth/role-grant.entity';
import type { Grievance } from './grievance.entity';
import { chairTopicSql } from './grievance-store';
import { GrievanceKeys } from './keys';

/** Who the caller is, as far as grievances go: their reporter key and their place in the org tree. */
export interface Viewer {
  /** the caller's per-grievance reporter keys (keys.ts) */
  reporterKeys: Set<string>;
  chairHomeIds: string[];
  adminPaths: string[];
}

export interface Relation {
  reporter: boolean;
  /** may see it as a handler (content, and the reporter's contact when named) */
  handles: boolean;
  /** the role the caller acts in, or null when they may not act on it now */
  actsAs: Extract<GrievanceActorRole, 'chair' | 'federation'> | null;
}

// Who sees what:
// - the reporter: their own grievances (found through their per-grievance keys, keys.ts);
// - the home's chair: the home's grievances except those about the union itself (topic `union`),
//   and acts on them while the chair still handles them (not after escalation);
// - federation admins: escalated and union-topic grievances of homes in their subtree, and act on those
//   whose handling org is in their subtree.
// Anyone else learns nothing, not even that it exists (404).
@Injectable()
export class GrievanceAccess {
  constructor(
    private readonly access: AccessPolicy,
    @InjectRepository(RoleGrant) private readonly grants: Repository<RoleGrant>,
    readonly keys: GrievanceKeys,
  ) {}

  async viewer(userId: string): Promise<Viewer> {
    const [chairs, adminPaths] = await Promise.all([
      this.grants.find({ where: { userId, role: 'chair' } }),
      this.access.adminPaths(userId),
    ]);
    return { reporterKeys: new Set(this.keys.reporterKeys(userId)), chairHomeIds: chairs.map((c) => c.orgId), adminPaths };
  }

  relation(v: Viewer, g: Grievance): Relation {
    const chairSees = !routesToUpperLevel(g.topic) && g.homeId !== null && v.chairHomeIds.includes(g.homeId);
    const upper = g.handlerOrgId !== null;
    const federationSees = upper && covers(v.adminPaths, g.orgPath);
    const federationActs = upper && covers(v.adminPaths, g.handlerOrgPath!);
    return {
      reporter: v.reporterKeys.has(g.reporterKey),
      handles: chairSees || federationSees,
      actsAs: chairSees && !upper ? 'chair' : federationActs ? 'federation' : null,
    };
  }

  /** Restricts a query over grievances (alias g) to those the viewer handles. False when there are none. */
  scopeHandled(q: SelectQueryBuilder<Grievance>, v: Viewer): boolean {
    if (!v.chairHomeIds.length && !v.adminPaths.length) return false;
    q.andWhere(
      new Brackets((w) => {
        if (v.chairHomeIds.length) w.orWhere(`(g.home_id IN (:...chairHomes) AND ${chairTopicSql('g')})`, { chairHomes: v.chairHomeIds });
        if (v.adminPaths.length) {
          const under = coversSql('g.org_path', v.adminPaths);
          w.orWhere(`(g.handler_org_id IS NOT NULL AND ${under.sql})`, under.params);
        }
      }),
    );
    return true;
  }
}
