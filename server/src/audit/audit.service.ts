import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AuditEvent, Page, Role } from '@pingjia/shared';
import { EntityManager, Repository } from 'typeorm';
import { AccessPolicy } from '../orgs/access-policy';
import type { AuditDetail } from '../common/audited';
import { RoleGrant } from '../auth/role-grant.entity';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Paging, subtreeRange } from '../common/paging';
import { AuditEventRow } from './audit-event.entity';

export interface AuditRecord {
  actorUserId: string;
  /** defaults to the actor's strongest role over the scope */
  actorRole?: Role;
  scopePath: string;
  action: string;
  targetType: 'org' | 'home' | 'campaign' | 'invite' | 'grant' | 'comment' | 'rectification';
  targetId: string;
  /** the home, when the action is on a home's things (tells a chair from a stranger) */
  homeId?: string;
  detail?: AuditDetail;
}

@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEventRow) private readonly events: Repository<AuditEventRow>,
    @InjectRepository(RoleGrant) private readonly grants: Repository<RoleGrant>,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  /** Writes one event; inside the action's transaction when a manager is given. */
  async record(r: AuditRecord, m?: EntityManager): Promise<void> {
    const role = r.actorRole ?? (await this.roleOf(r.actorUserId, r.scopePath, r.homeId));
    const row: AuditEventRow = {
      id: newId(),
      at: this.clock.now().toISOString(),
      actorUserId: r.actorUserId,
      actorRole: role,
      scopePath: r.scopePath,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      detail: r.detail ? JSON.stringify(r.detail) : null,
    };
    await (m ? m.insert(AuditEventRow, row) : this.events.insert(row));
  }

  /** Events in the org's subtree, newest first; for admins of the org or above. */
  async list(userId: string, orgId: string, p: Paging): Promise<Page<AuditEvent>> {
    const org = await this.access.orgForAdmin(userId, orgId);
    const { from, to } = subtreeRange(org.path);
    const [rows, total] = await this.events
      .createQueryBuilder('e')
      .where('e.scope_path >= :from AND e.scope_path < :to', { from, to })
      .orderBy('e.at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .skip(p.skip)
      .take(p.pageSize)
      .getManyAndCount();
    return {
      items: rows.map((e) => ({
        id: e.id,
        at: e.at,
        actor: { userId: e.actorUserId, role: e.actorRole },
        action: e.action,
        target: { type: e.targetType, id: e.targetId },
        detail: e.detail ? (JSON.parse(e.detail) as AuditEvent['detail']) : null,
      })),
      total,
      page: p.page,
      pageSize: p.pageSize,
    };
  }

  private async roleOf(userId: string, scopePath: string, homeId?: string): Promise<Role> {
    if (await this.access.administers(userId, scopePath)) return 'federation_admin';
    if (homeId && (await this.grants.count({ where: { userId, role: 'chair', orgId: homeId } }))) return 'chair';
    return 'member';
  }
}
