import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * SQL for a home's member count in a cycle (homes `h`, the cycle's id as `campaignParam`): the count
 * frozen into the cycle when it opened, else today's (a cycle not opened yet, or a home added while it
 * runs, frozen when it closes).
 */
export const cycleMembersSql = (campaignParam: string, h = 'h') =>
  `COALESCE((SELECT ch.member_count FROM campaign_homes ch WHERE ch.campaign_id = ${campaignParam} AND ch.home_id = ${h}.id), ${h}.member_count)`;

/** A home's rows of campaign_homes (CampaignHomes.ofHome). */
export interface FrozenCycles {
  /** the cycles it was frozen into */
  ids: string[];
  /** its member count in a cycle: frozen into it, else `current` */
  memberCount(campaignId: string, current: number): number;
}

// Reads of the homes frozen into cycles (campaign_homes, written by CampaignTransitions).
@Injectable()
export class CampaignHomes {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The cycles a home was frozen into (at their opening, or at their closing for a home added while one
   * ran), wherever it stands today: a home moved since keeps its past cycles.
   */
  async frozenInto(homeId: string): Promise<string[]> {
    return (await this.ofHome(homeId)).ids;
  }

  /**
   * A home's rows in one read: the cycles it was frozen into (`frozenInto`) and its member count frozen
   * into each, else `current` (a home dashboard's miss needs both).
   */
  async ofHome(homeId: string): Promise<FrozenCycles> {
    const rows: { campaign_id: string; member_count: number | string }[] = await this.dataSource.query(
      'SELECT campaign_id, member_count FROM campaign_homes WHERE home_id = ?',
      [homeId],
    );
    const frozen = new Map(rows.map((r) => [r.campaign_id, Number(r.member_count)]));
    return { ids: [...frozen.keys()], memberCount: (campaignId, current) => frozen.get(campaignId) ?? current };
  }

  /** The home's member count in each of the cycles: frozen at opening, else `current`. */
  async memberCounts(homeId: string, campaignIds: string[], current: number): Promise<(campaignId: string) => number> {
    const rows: { campaign_id: string; member_count: number | string }[] = campaignIds.length
      ? await this.dataSource.query(
          `SELECT campaign_id, member_count FROM campaign_homes WHERE home_id = ? AND campaign_id IN (${campaignIds.map(() => '?').join(', ')})`,
          [homeId, ...campaignIds],
        )
      : [];
    const frozen = new Map(rows.map((r) => [r.campaign_id, Number(r.member_count)]));
    return (campaignId) => frozen.get(campaignId) ?? current;
  }
}
