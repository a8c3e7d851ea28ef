import { Controller, Get, HttpCode, Injectable, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { HeldAttachment, Page } from '@pingjia/shared';
import type { FastifyReply } from 'fastify';
import { AuditService } from '../audit/audit.service';
import { AuthUser, CurrentUser } from '../common/auth.decorators';
import { DomainError, notFound } from '../common/domain-error';
import { paging, Paging, subtreeRange } from '../common/paging';
import { uuidParam as uuid } from '../common/params';
import { Transactions } from '../common/transactions';
import { AccessPolicy, covers } from '../orgs/access-policy';
import { GrievanceAttachmentRow } from './attachment.entity';
import { AttachmentsStore } from './attachments-store';
import { GrievanceAccess, Viewer } from './grievance-access';
import { sendFile } from './grievance-thread.controller';
import { GrievanceStore } from './grievance-store';
import { Grievance } from './grievance.entity';
import { Home } from '../orgs/home.entity';
import { Org } from '../orgs/org.entity';

// Attachments WeChat's check could not clear (review verdict, failed requests, no account to check as)
// and every PDF under the check wait for a person: a federation admin at or above the home's org — the
// level above the chair, never the home's own chair (who may be what the grievance is about) nor the
// reporter. The decider sees the file and the place only: not the grievance, not who sent it. Held
// files are served to nobody else (WeChat fetches its copy by a token of its own: media-check.ts).
@Injectable()
export class HeldAttachmentsService {
  constructor(
    private readonly attachments: AttachmentsStore,
    private readonly store: GrievanceStore,
    private readonly grievanceAccess: GrievanceAccess,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
  ) {}

  /** The held attachments of grievances filed in the org's subtree that the caller may decide on. */
  async list(userId: string, orgId: string, p: Paging): Promise<Page<HeldAttachment>> {
    const org = await this.access.orgForAdmin(userId, orgId);
    const v = await this.grievanceAccess.viewer(userId);
    const { from, to } = subtreeRange(org.path);
    const q = this.attachments.rows
      .createQueryBuilder('a')
      .innerJoin(Grievance, 'g', 'g.id = a.grievance_id')
      .leftJoin(Home, 'h', 'h.id = g.home_id')
      .leftJoin(Org, 'o', 'o.id = g.org_id')
      .where("a.status = 'held' AND a.held_for = 'person' AND g.org_path >= :from AND g.org_path < :to", { from, to });
    if (v.chairHomeIds.length) q.andWhere('(g.home_id IS NULL OR g.home_id NOT IN (:...chairHomes))', { chairHomes: v.chairHomeIds });
    if (v.reporterKeys.size) q.andWhere('g.reporter_key NOT IN (:...ownKeys)', { ownKeys: [...v.reporterKeys] });
    const [rows, total] = await Promise.all([
      q
        .clone()
        .select(['a.id AS id', 'a.kind AS kind', 'a.mime AS mime', 'a.size AS size', 'a.created_on AS createdOn'])
        .addSelect('COALESCE(h.name, o.name)', 'placeName')
        .orderBy('a.created_on', 'ASC')
        .addOrderBy('a.id', 'ASC')
        .offset(p.skip)
        .limit(p.pageSize)
        .getRawMany<{
          id: string;
          kind: 'image' | 'pdf';
          mime: HeldAttachment['mime'];
          size: number | string;
          createdOn: string;
          placeName: string;
        }>(),
      q.getCount(),
    ]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        mime: r.mime,
        size: Number(r.size),
        on: r.createdOn,
        place: { name: r.placeName },
      })),
      total,
      page: p.page,
      pageSize: p.pageSize,
    };
  }

  /** The held file's bytes, for whoever may decide on it. */
  async read(userId: string, id: string): Promise<{ mime: string; bytes: Buffer; name: string }> {
    const { row } = await this.decidable(userId, id);
    if (!waiting(row)) throw notFound();
    const bytes = await this.attachments.blobs.get(row.storageKey);
    if (!bytes) throw notFound();
    return { mime: row.mime, bytes, name: `held-${row.id.slice(0, 8)}.${row.kind === 'pdf' ? 'pdf' : row.mime.split('/')[1]}` };
  }

  /** Release (the handlers see it) or reject (the file is deleted), once: a second decision is a 409. */
  async decide(userId: string, id: string, release: boolean): Promise<void> {
    const { row, g } = await this.decidable(userId, id);
    if (!waiting(row)) throw new DomainError('STATE_CONFLICT', '该附件已经处理过了');
    await this.tx.run(async (m) => {
      const moved = await m.update(
        GrievanceAttachmentRow,
        { id: row.id, status: 'held', heldFor: 'person' },
        { status: release ? 'approved' : 'rejected', heldFor: null, checkToken: null },
      );
      if (moved.affected !== 1) throw new DomainError('STATE_CONFLICT', '该附件已经处理过了');
      await this.audit.record(
        {
          actorUserId: userId,
          actorRole: 'federation_admin',
          scopePath: g.orgPath,
          action: release ? 'attachment.release' : 'attachment.reject',
          targetType: 'attachment',
          targetId: row.id,
          homeId: g.homeId ?? undefined,
          targetName: g.homeId ? undefined : ((await this.store.placeNames([g])).get(GrievanceStore.placeId(g)) ?? null),
        },
        m,
      );
    });
    // After the commit: a crash in between leaves an orphaned file, never a record without its decision.
    if (!release) await this.attachments.blobs.delete(row.storageKey);
  }

  /** An attachment the caller may decide on: above its home, neither its chair nor its reporter; else 404. */
  private async decidable(userId: string, id: string): Promise<{ row: GrievanceAttachmentRow; g: Grievance }> {
    const row = await this.attachments.rows.findOne({ where: { id } });
    const g = row ? await this.store.find(row.grievanceId) : null;
    if (!row || !g || !mayDecide(await this.grievanceAccess.viewer(userId), g)) throw notFound();
    return { row, g };
  }
}

const waiting = (row: GrievanceAttachmentRow) => row.status === 'held' && row.heldFor === 'person';

function mayDecide(v: Viewer, g: Grievance): boolean {
  if (g.homeId !== null && v.chairHomeIds.includes(g.homeId)) return false;
  return covers(v.adminPaths, g.orgPath) && !v.reporterKeys.has(g.reporterKey);
}

@ApiTags('grievances')
@ApiBearerAuth()
@Controller()
export class HeldAttachmentsController {
  constructor(private readonly held: HeldAttachmentsService) {}

  /** Held attachments of grievances in the org's subtree, oldest first (federation admins above the homes). */
  @Get('orgs/:id/held-attachments')
  list(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Query('page') page?: string,
    @Query('pageSize') pageSize?: string,
  ): Promise<Page<HeldAttachment>> {
    return this.held.list(user.id, id, paging(page, pageSize, 20, 100));
  }

  @Get('held-attachments/:id')
  async file(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return sendFile(reply, await this.held.read(user.id, id));
  }

  @Post('held-attachments/:id/release')
  @HttpCode(204)
  release(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<void> {
    return this.held.decide(user.id, id, true);
  }

  @Post('held-attachments/:id/reject')
  @HttpCode(204)
  reject(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<void> {
    return this.held.decide(user.id, id, false);
  }
}
