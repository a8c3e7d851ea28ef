import { Column, Entity } from 'typeorm';
import { DayColumn, PrimaryIdColumn } from '../common/columns';

@Entity('users')
export class User {
  @PrimaryIdColumn()
  id: string;

  // WeChat identity; never sent to any client and never stored beside a rating.
  @Column({ type: 'varchar', length: 64, nullable: true, unique: true })
  openid: string | null;

  /** the person across the mini-program and the H5 app (web authorisation), where WeChat gives one */
  @Column({ type: 'varchar', length: 64, nullable: true, unique: true })
  unionid: string | null;

  /** the official account's openid from web authorisation (H5 in WeChat's browser); never sent to a client */
  @Column({ name: 'web_openid', type: 'varchar', length: 64, nullable: true, unique: true })
  webOpenid: string | null;

  // Staff and chairs who sign in on H5.
  @Column({ type: 'varchar', length: 64, nullable: true, unique: true })
  username: string | null;

  @Column({ name: 'password_hash', type: 'varchar', length: 200, nullable: true })
  passwordHash: string | null;

  @Column({ name: 'display_name', type: 'varchar', length: 64, nullable: true })
  displayName: string | null;

  @DayColumn('created_on')
  createdOn: string;

  // Bumped when a role is taken away: every token issued before stops working.
  @Column({ name: 'token_version', type: 'int', default: 0 })
  tokenVersion: number;
}
