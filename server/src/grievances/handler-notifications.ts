import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { chinaDay, routesToUpperLevel, type StaffNotificationKind, type StaffNotifications } from '@pingjia/shared';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { RoleGrant } from '../auth/role-grant.entity';
import { newId } from '../common/ids';
import { insertRows } from '../common/insert-rows';
import { Home } from '../orgs/home.entity';
import { Org } from '../orgs/org.entity';
import { Grievance } from './grievance.entity';
import { StaffNotification } from './staff-notification.entity';
import { StaffWechatService } from './staff-wechat';

const TEXTS: Record<StaffNotificationKind, string> = {
  new: '有一件新的诉求待受理',
  reminded: '有一件诉求已超过办理时限，请尽快办理（催办）',
  escalated: '有一件超时诉求已转由本级工会督办，请在新的时限内办理',
};

// Tells the handling staff of a grievance, in the app (and by WeChat message to those who opted in), when
// it is filed, reminded or escalated to them. The
// handler is the home's chair while it is with the home (never for a grievance about the union itself),
// else the admins of the handling federation, or, when it has none, of the nearest level above with one.
@Injectable()
export class HandlerNotifications {
  constructor(
    @InjectRepository(StaffNotification) private readonly rows: Repository<StaffNotification>,
    private readonly wechat: StaffWechatService,
  ) {}

  /**
   * Inside the transaction that filed the grievance or recorded the reminder or escalation; the caller kicks
   * the notifier after it. `placeName`: the name of its home or of the federation it was filed to, when the
   * caller has just read it (the filing); read here otherwise.
   */
  async notify(m: EntityManager, g: Grievance, kind: StaffNotificationKind, now: Date, placeName?: string): Promise<number> {
    const users = await this.handlers(m, g);
    // Where it was filed: its home, or the federation it was filed to.
    const place =
      placeName !== undefined
        ? { name: placeName }
        : g.homeId
          ? await m.findOne(Home, { where: { id: g.homeId }, select: { id: true, name: true } })
          : g.orgId
            ? await m.findOne(Org, { where: { id: g.orgId }, select: { id: true, name: true } })
            : null;
    const text = `${place?.name ?? ''}：${TEXTS[kind]}`.slice(0, 200);
    // An anonymous grievance's handler sees the day it was filed, never the moment (grievance-views.ts):
    // its notice of arrival says no more.
    const at = kind === 'new' && g.anonymous ? new Date(`${chinaDay(now)}T00:00:00+08:00`).toISOString() : now.toISOString();
    await insertRows(
      m,
      StaffNotification,
      users.map((userId) => ({ id: newId(), userId, grievanceId: g.id, kind, text, createdAt: at, readAt: null })),
    );
    await this.wechat.queue(m, users, kind, now);
    return users.length;
  }

  async list(userId: string): Promise<StaffNotifications> {
    const [rows, unread] = await Promise.all([
      this.rows.find({ where: { userId }, order: { createdAt: 'DESC', id: 'ASC' }, take: 50 }),
      this.rows.count({ where: { userId, readAt: IsNull() } }),
    ]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        grievanceId: r.grievanceId,
        kind: r.kind,
        text: r.text,
        createdAt: r.createdAt,
        read: r.readAt !== null,
      })),
      unread,
    };
  }

  async markRead(userId: string, now: Date): Promise<void> {
    await this.rows.update({ userId, readAt: IsNull() }, { readAt: now.toISOString() });
  }

  private async handlers(m: EntityManager, g: Grievance): Promise<string[]> {
    if (g.handlerOrgId === null) {
      if (!g.homeId || routesToUpperLevel(g.topic)) return [];
      // Plain SQL (here and below): read on every filing, where a repository find cost more than the rows.
      const chairs = (await m.query("SELECT user_id FROM role_grants WHERE role = 'chair' AND org_id = ?", [g.homeId])) as {
        user_id: string;
      }[];
      return chairs.map((r) => r.user_id);
    }
    // '/<root>/…/<handler>/': the handler first, then each level above it.
    const orgIds = (g.handlerOrgPath ?? '').split('/').filter(Boolean).reverse();
    const grants = orgIds.length
      ? ((
          (await m.query(
            `SELECT user_id, org_id FROM role_grants WHERE role = 'federation_admin' AND org_id IN (${orgIds.map(() => '?').join(', ')})`,
            orgIds,
          )) as { user_id: string; org_id: string }[]
        ).map((r) => ({ userId: r.user_id, orgId: r.org_id })) as Pick<RoleGrant, 'userId' | 'orgId'>[])
      : [];
    for (const orgId of orgIds) {
      const here = grants.filter((r) => r.orgId === orgId).map((r) => r.userId);
      if (here.length) return [...new Set(here)];
    }
    return [];
  }
}
