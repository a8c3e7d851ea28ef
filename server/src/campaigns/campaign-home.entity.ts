import { Column, Entity, PrimaryColumn } from 'typeorm';

// A home as it stood in one cycle: written when the cycle opens (and, for homes added while it ran,
// when it closes), so editing a home's member count later never rewrites that cycle's participation
// or title.
@Entity('campaign_homes')
export class CampaignHome {
  @PrimaryColumn({ name: 'campaign_id', type: 'varchar', length: 36 })
  campaignId: string;

  @PrimaryColumn({ name: 'home_id', type: 'varchar', length: 36 })
  homeId: string;

  @Column({ name: 'member_count', type: 'int' })
  memberCount: number;
}
