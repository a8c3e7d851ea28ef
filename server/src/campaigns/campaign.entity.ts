import type { CampaignStatus } from '@pingjia/shared';
import { Column, Entity, Index } from 'typeorm';
import { DayColumn, IdColumn, PrimaryIdColumn, TimeColumn } from '../common/columns';

// A rating cycle (评议周期) opened by a federation for its whole subtree.
@Entity('campaigns')
export class Campaign {
  @PrimaryIdColumn()
  id: string;

  @IdColumn('org_id')
  orgId: string;

  @Index('idx_campaigns_org_path')
  @Column({ name: 'org_path', type: 'varchar', length: 400 })
  orgPath: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  status: CampaignStatus;

  /** ISO 8601 UTC */
  @TimeColumn('opens_at')
  opensAt: string;

  @TimeColumn('closes_at')
  closesAt: string;

  @DayColumn('created_on')
  createdOn: string;

  /**
   * The province's settings (shared ProvinceSettings, JSON) as they stood when the campaign opened: every
   * figure of the cycle is computed with this copy (settings/campaignSettings), so a later change to the
   * settings never moves its results. Null until it opens.
   */
  @Column({ type: 'text', nullable: true })
  settings: string | null;
}
