import { Entity } from 'typeorm';
import { IdColumn } from '../common/columns';
import { OneTimeCode } from './one-time-code';

// A one-time link to set a staff account's password, made by an admin of the level above. Only a keyed
// hash of the code is kept; a newer link for the same account replaces the older one.
@Entity('password_resets')
export class PasswordReset extends OneTimeCode {
  @IdColumn('user_id')
  userId: string;
}
