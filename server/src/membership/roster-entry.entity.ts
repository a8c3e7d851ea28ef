import { Column, Entity, Index } from 'typeorm';
import { IdColumn, PrimaryIdColumn } from '../common/columns';

// One line of a roster home's member list, stored only as what verification needs: a keyed hash of
// (home, member number, name). No name, number or phone in clear.
@Entity('roster_entries')
@Index('uq_roster_entry', ['homeId', 'entryHash'], { unique: true })
@Index('uq_roster_binding', ['homeId', 'boundUserId'], { unique: true })
export class RosterEntry {
  @PrimaryIdColumn()
  id: string;

  @IdColumn('home_id')
  homeId: string;

  @Column({ name: 'entry_hash', type: 'varchar', length: 64 })
  entryHash: string;

  @Column({ name: 'phone_hash', type: 'varchar', length: 64, nullable: true })
  phoneHash: string | null;

  /** the WeChat account this entry is bound to; one entry, one account */
  @IdColumn('bound_user_id', { nullable: true })
  boundUserId: string | null;
}
