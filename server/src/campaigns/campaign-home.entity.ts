import { Column, Entity } from 'typeorm';
import { PrimaryIdColumn } from '../common/columns';

// A home as it stood in one cycle: written when the cycle opens (and, for homes added while it ran,
// when it closes), so editing a home's member count later never rewrites that cycle's participation
// or title, and moving it later never moves it in that cycle's league.
@Entity('campaign_homes')
export class CampaignHome {
  @PrimaryIdColumn('campaign_id')
  campaignId: string;

  @PrimaryIdColumn('home_id')
  homeId: string;

  @Column({ name: 'member_count', type: 'int' })
  memberCount: number;

  /** where the home stood in the tree then: a closed cycle's league and roll-ups keep it (never rewritten by a move) */
  @Column({ name: 'org_path', type: 'varchar', length: 400, nullable: true })
  orgPath: string | null;
}
