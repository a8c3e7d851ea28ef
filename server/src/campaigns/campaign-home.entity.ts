import { Column, Entity } from 'typeorm';
import { PrimaryIdColumn } from '../common/columns';

// A home as it stood in one cycle: written when the cycle opens (and, for homes added while it ran,
// when it closes), so editing a home's member count later never rewrites that cycle's participation
// or title.
@Entity('campaign_homes')
export class CampaignHome {
  @PrimaryIdColumn('campaign_id')
  campaignId: string;

  @PrimaryIdColumn('home_id')
  homeId: string;

  @Column({ name: 'member_count', type: 'int' })
  memberCount: number;
}
