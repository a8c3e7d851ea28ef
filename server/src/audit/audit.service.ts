import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AUDIT_TARGET_LABELS, auditActionLabel, describeAuditDetail, type AuditEvent, type Page, type Role } from '@pingjia/shared';
import { EntityManager, Repository } from 'typeorm';
import { AccessPolicy, coversSql } from '../orgs/access-policy';
import type { AuditDetail } from '../common/audited';
import { RoleGrant } from '../auth/role-grant.entity';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Paging, subtreeRange } from '../common/paging';
import { addSafeRow, streamedSheet, streamedWorkbook } from '../common/workbook';
import type { Readable } from 'node:stream';
import { AuditEventRow } from './audit-event.entity';

export interface AuditRecord {
  actorUserId: string;
  /** defaults to the actor's strongest role over the scope */
  actorRole?: Role;
  /** defaults to the actor's highest admin grant over the scope, else the scope (a chair's own home) */
  actorPath?: string;
  scopePath: string;
  action: string;
  targetType: 'org' | 'home' | 'campaign' | 'invite' | 'grant' | 'comment' | 'rectification' | 'calendar' | 'user' | 'attachment';
  targetId: string;
  /** defaults to the org's, home's or campaign's name (or, for a home's things, the home's) */
  targetName?: string | null;
  /** the home, when the action is on a home's things (tells a chair from a stranger) */
  homeId?: string;
  detail?: AuditDetail;
}

export interface AuditFilter {
  /** only actions on this org's subtree (an org the viewer administers) */
  orgId: string;
  action?: string;
}

/** Entries listed or exported at most: the export is one workbook, not a dump of years. */
const EXPORT_MAX = 10_000;
/** entries read and written at a time by the export */
const EXPORT_PAGE = 1000;

type Db = Pick<EntityManager, 'query'>;

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
    const db: Db = m ?? this.events.manager;
    const role = r.actorRole ?? (await this.roleOf(r.actorUserId, r.scopePath, r.homeId));
    const adminPaths = r.actorPath ? [] : (await this.access.adminPaths(r.actorUserId)).filter((p) => r.scopePath.startsWith(p));
    const row: AuditEventRow = {
      id: newId(),
      at: this.clock.now().toISOString(),
      actorUserId: r.actorUserId,
      actorRole: role,
      actorPath: r.actorPath ?? adminPaths.sort((a, b) => a.length - b.length)[0] ?? r.scopePath,
      scopePath: r.scopePath,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      targetName: r.targetName !== undefined ? r.targetName : await this.nameOf(db, r),
      detail: r.detail ? JSON.stringify(r.detail) : null,
    };
    await (m ? m.insert(AuditEventRow, row) : this.events.insert(row));
  }

  /**
   * Events in the org's subtree, newest first, that the viewer may see: those of actors at the viewer's
   * own level or below it — never what a level above did (the level below does not audit its superiors).
   */
  async list(userId: string, filter: AuditFilter, p: Paging): Promise<Page<AuditEvent>> {
    const q = await this.query(userId, filter);
    const [rows, total] = await Promise.all([q.clone().offset(p.skip).limit(p.pageSize).getRawMany<RawEvent>(), q.clone().getCount()]);
    return { items: rows.map(toView), total, page: p.page, pageSize: p.pageSize };
  }

  /**
   * The same entries as a workbook (the newest EXPORT_MAX), names and actions in Chinese, written as it is
   * downloaded: read a page at a time after the last entry written (its time and id), never by offset.
   */
  async export(userId: string, filter: AuditFilter): Promise<Readable> {
    const q = await this.query(userId, filter);
    return streamedWorkbook(async (wb, page) => {
      const sheet = streamedSheet(
        wb,
        '操作日志',
        ['时间（北京时间）', '操作人', '角色', '操作', '对象类型', '对象名称', '说明'],
        [18, 16, 14, 18, 12, 30, 40],
      );
      let last: RawEvent | undefined;
      for (let left = EXPORT_MAX; left > 0;) {
        const next = q.clone().limit(Math.min(EXPORT_PAGE, left));
        if (last) next.andWhere('(e.at < :lastAt OR (e.at = :lastAt AND e.id < :lastId))', { lastAt: last.at, lastId: last.id });
        const rows = await next.getRawMany<RawEvent>();
        for (const e of rows.map(toView))
          addSafeRow(sheet, [
            chinaMinute(e.at),
            e.actor.name ?? '',
            ROLE_LABELS[e.actor.role] ?? e.actor.role,
            auditActionLabel(e.action),
            AUDIT_TARGET_LABELS[e.target.type] ?? e.target.type,
            e.target.name ?? '',
            e.detail ? describeAuditDetail(e.detail) : '',
          ]).commit();
        left -= rows.length;
        if (rows.length < EXPORT_PAGE) break;
        last = rows[rows.length - 1];
        await page(sheet);
      }
      sheet.commit();
    });
  }

  private async query(userId: string, filter: AuditFilter) {
    const org = await this.access.orgForAdmin(userId, filter.orgId);
    const viewerPaths = await this.access.adminPaths(userId);
    const { from, to } = subtreeRange(org.path);
    const seen = coversSql('e.actor_path', viewerPaths, 'viewer');
    const q = this.events
      .createQueryBuilder('e')
      .leftJoin('users', 'u', 'u.id = e.actor_user_id')
      .select([
        'e.id AS id',
        'e.at AS at',
        'e.actor_user_id AS actorUserId',
        'e.actor_role AS actorRole',
        'e.action AS action',
        'e.target_type AS targetType',
        'e.target_id AS targetId',
        'e.target_name AS targetName',
        'e.detail AS detail',
        'u.display_name AS displayName',
        'u.username AS username',
      ])
      .where('e.scope_path >= :from AND e.scope_path < :to', { from, to })
      .andWhere(seen.sql, seen.params)
      .orderBy('e.at', 'DESC')
      .addOrderBy('e.id', 'DESC');
    if (filter.action) q.andWhere('e.action = :action', { action: filter.action });
    return q;
  }

  private async nameOf(db: Db, r: AuditRecord): Promise<string | null> {
    const [table, id] =
      r.targetType === 'org' || r.targetType === 'home' || r.targetType === 'campaign'
        ? [`${r.targetType === 'org' ? 'orgs' : r.targetType === 'home' ? 'homes' : 'campaigns'}`, r.targetId]
        : r.homeId
          ? ['homes', r.homeId]
          : [null, null];
    if (!table) return null;
    const [row] = (await db.query(`SELECT name FROM ${table} WHERE id = ?`, [id])) as { name: string }[];
    return row?.name ?? null;
  }

  private async roleOf(userId: string, scopePath: string, homeId?: string): Promise<Role> {
    if (await this.access.administers(userId, scopePath)) return 'federation_admin';
    if (homeId && (await this.grants.count({ where: { userId, role: 'chair', orgId: homeId } }))) return 'chair';
    return 'member';
  }
}

interface RawEvent {
  id: string;
  at: string;
  actorUserId: string;
  actorRole: Role;
  action: string;
  targetType: string;
  targetId: string;
  targetName: string | null;
  detail: string | null;
  displayName: string | null;
  username: string | null;
}

const toView = (e: RawEvent): AuditEvent => ({
  id: e.id,
  at: e.at,
  actor: { userId: e.actorUserId, role: e.actorRole, name: e.displayName ?? e.username ?? null },
  action: e.action,
  target: { type: e.targetType, id: e.targetId, name: e.targetName ?? null },
  detail: e.detail ? (JSON.parse(e.detail) as AuditEvent['detail']) : null,
});

const ROLE_LABELS: Record<string, string> = { member: '会员', chair: '工会主席', federation_admin: '上级工会管理员' };

/** China time to the minute: 2026-05-01 09:30. */
const chinaMinute = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600e3).toISOString().slice(0, 16).replace('T', ' ');
