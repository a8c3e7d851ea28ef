import { Column, Entity } from 'typeorm';
import { DayColumn, PrimaryIdColumn } from '../common/columns';

// A staff member's opt-in to WeChat subscribe messages (staff sign in with a password and have no openid
// otherwise). Kept apart from users.openid, so binding never turns a staff account into a member who
// could rate; the openid is sealed like the delivery tables' and never sent to a client.
@Entity('staff_wechat')
export class StaffWechat {
  @PrimaryIdColumn('user_id')
  userId: string;

  /** sealed (AES-GCM, random IV; keys.ts) */
  @Column({ type: 'varchar', length: 200 })
  openid: string;

  /** messages WeChat still allows (one per accepted wx.requestSubscribeMessage), for the staff template */
  @Column({ type: 'int' })
  credits: number;

  @DayColumn('bound_on')
  boundOn: string;
}
