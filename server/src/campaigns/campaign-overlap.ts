import { Injectable } from '@nestjs/common';
import { CAMPAIGN_HOLDING_STATUSES, chinaDay } from '@pingjia/shared';
import { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { subtreeRange } from '../common/paging';
import { ancestorPaths, provinceOf } from '../orgs/org-paths';
import { Campaign } from './campaign.entity';

/** How many clashing homes an answer names. */
const NAMED = 3;

export interface Clash {
  campaign: Campaign;
  homes: string[];
  homeCount: number;
}

/** The window and scope a cycle would hold; `frozen`: its homes are those written when it opened. */
type Window = Pick<Campaign, 'id' | 'orgPath' | 'opensAt' | 'closesAt'> & { frozen: boolean };

// One open cycle per home at a time: a cycle may not be created, scheduled, opened, moved or extended
// into a window that intersects another scheduled or open cycle's over a home both cover. A cycle that
// has opened covers the homes frozen into it then (campaign_homes); one not yet open covers the homes
// under its org today. Scopes can share homes only when one org is at or below the other.
@Injectable()
export class CampaignOverlap {
  /** The first clashing cycle with (some of) the homes both would cover, or null. */
  async find(m: EntityManager, w: Window): Promise<Clash | null> {
    const { from, to } = subtreeRange(w.orgPath);
    const others = await m
      .createQueryBuilder(Campaign, 'c')
      .where('c.status IN (:...holding)', { holding: CAMPAIGN_HOLDING_STATUSES })
      .andWhere('c.id <> :id', { id: w.id })
      .andWhere('c.opens_at < :closesAt AND c.closes_at > :opensAt', { opensAt: w.opensAt, closesAt: w.closesAt })
      .andWhere('(c.org_path IN (:...above) OR (c.org_path >= :from AND c.org_path < :to))', { above: ancestorPaths(w.orgPath), from, to })
      .orderBy('c.opens_at', 'ASC')
      .getMany();
    for (const other of others) {
      const deeper = other.orgPath.length > w.orgPath.length ? other.orgPath : w.orgPath;
      const frozen = [...(w.frozen ? [w.id] : []), ...(other.status === 'open' ? [other.id] : [])];
      const shared = await this.sharedHomes(m, deeper, frozen);
      if (shared.count > 0) return { campaign: other, homes: shared.names, homeCount: shared.count };
    }
    return null;
  }

  /**
   * Refuses a window that clashes. Two requests checking at once (two schedules, a schedule and an open)
   * would each see no clash and both pass: MySQL runs transactions side by side, so each check first
   * locks its province's row, and checks in one province take turns until their transaction commits.
   * SQLite runs one write transaction at a time already (Transactions).
   */
  async refuseClash(m: EntityManager, w: Window): Promise<void> {
    if (m.connection.options.type === 'mysql') await m.query('SELECT id FROM orgs WHERE id = ? FOR UPDATE', [provinceOf(w.orgPath)]);
    const clash = await this.find(m, w);
    if (clash) throw overlapError(clash);
  }

  private async sharedHomes(m: EntityManager, path: string, frozenIn: string[]): Promise<{ names: string[]; count: number }> {
    const { from, to } = subtreeRange(path);
    const q = m
      .createQueryBuilder()
      .from('homes', 'h')
      .where('h.org_path >= :from AND h.org_path < :to AND h.deactivated_at IS NULL', { from, to });
    frozenIn.forEach((id, i) =>
      q.andWhere(`EXISTS (SELECT 1 FROM campaign_homes ch${i} WHERE ch${i}.campaign_id = :frozen${i} AND ch${i}.home_id = h.id)`, {
        [`frozen${i}`]: id,
      }),
    );
    const [{ n }] = await q.clone().select('COUNT(*)', 'n').getRawMany<{ n: string | number }>();
    if (!Number(n)) return { names: [], count: 0 };
    const rows = await q.select('h.name', 'name').orderBy('h.name', 'ASC').limit(NAMED).getRawMany<{ name: string }>();
    return { names: rows.map((r) => r.name), count: Number(n) };
  }
}

function overlapError(clash: Clash): DomainError {
  const c = clash.campaign;
  const homes =
    clash.homes.map((h) => `「${h}」`).join('、') + (clash.homeCount > clash.homes.length ? `等 ${clash.homeCount} 个职工之家` : '');
  const window = `${chinaDay(new Date(c.opensAt))} 至 ${chinaDay(new Date(c.closesAt))}`;
  const message = `与评议周期「${c.name}」（${window}）时间重叠，且都覆盖${homes}：同一职工之家同一时间只能参加一个评议周期`;
  const field = `与「${c.name}」（${window}）重叠`;
  return new DomainError('CAMPAIGN_OVERLAP', message, { opensAt: field, closesAt: field });
}
