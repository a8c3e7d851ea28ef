import type { CampaignStatus } from '@pingjia/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

// A rating cycle (评议周期) opened by a federation for its whole subtree.
@Entity('campaigns')
export class Campaign {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'org_id', type: 'varchar', length: 36 })
  orgId: string;

  @Index('idx_campaigns_org_path')
  @Column({ name: 'org_path', type: 'varchar', length: 400 })
  orgPath: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  status: CampaignStatus;

  /** ISO 8601 UTC */
  @Column({ name: 'opens_at', type: 'varchar', length: 30 })
  opensAt: string;

  @Column({ name: 'closes_at', type: 'varchar', length: 30 })
  closesAt: string;

  @Column({ name: 'created_on', type: 'varchar', length: 10 })
  createdOn: string;

  /**
   * The province's settings (shared ProvinceSettings, JSON) as they stood when the campaign opened: every
   * figure of the cycle is computed with this copy (settings/campaignSettings), so a later change to the
   * settings never moves its results. Null until it opens.
   */
  @Column({ type: 'text', nullable: true })
  settings: string | null;
}
