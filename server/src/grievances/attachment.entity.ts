import type { GrievanceAttachmentMime } from '@pingjia/shared';
import { Column, Entity, Index } from 'typeorm';
import { DayColumn, IdColumn, PrimaryIdColumn, TimeColumn } from '../common/columns';

/** held: waiting for WeChat's media check or a person's decision; rejected: found risky (by WeChat or the level above), the bytes are gone */
export type AttachmentStatus = 'approved' | 'held' | 'rejected';
/** whom a held attachment waits for: WeChat's check (asked, or to be asked again), or the level above the home */
export type HeldFor = 'wechat' | 'person';

// The record of a file a worker attached; the bytes are in the attachment store (files under the data
// folder), named by a random key that says nothing about the grievance.
@Entity('grievance_attachments')
@Index('uq_grievance_attachments_seq', ['grievanceId', 'seq'], { unique: true })
export class GrievanceAttachmentRow {
  @PrimaryIdColumn()
  id: string;

  @IdColumn('grievance_id')
  grievanceId: string;

  /** 1, 2, …: the unique index makes the count limit hold under concurrent uploads */
  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 8 })
  kind: 'image' | 'pdf';

  @Column({ type: 'varchar', length: 32 })
  mime: GrievanceAttachmentMime;

  @Column({ type: 'int' })
  size: number;

  @Column({ name: 'storage_key', type: 'varchar', length: 80 })
  storageKey: string;

  @Column({ type: 'varchar', length: 12 })
  status: AttachmentStatus;

  @DayColumn('created_on')
  createdOn: string;

  /** WeChat's media check of a held image: its trace id once asked (the result comes by message push) */
  @Column({ name: 'check_trace_id', type: 'varchar', length: 64, nullable: true })
  checkTraceId: string | null;

  /** the random token in the address WeChat downloads the held image from (only while held) */
  @Column({ name: 'check_token', type: 'varchar', length: 64, nullable: true })
  checkToken: string | null;

  /** when WeChat last accepted the request to check it */
  @TimeColumn('check_sent_at', { nullable: true })
  checkSentAt: string | null;

  /** while held: waiting for WeChat or for a person (null once decided) */
  @Column({ name: 'held_for', type: 'varchar', length: 8, nullable: true })
  heldFor: HeldFor | null;

  /** requests to WeChat that failed (an error code or WeChat unreachable) */
  @Column({ name: 'check_attempts', type: 'int', default: 0 })
  checkAttempts: number;

  /** when the sweep asks WeChat again after a failed request (null: not to be asked again) */
  @TimeColumn('check_retry_at', { nullable: true })
  checkRetryAt: string | null;

  /** the uploader's openid to ask again as, sealed (keys.ts, random IV), only until WeChat accepted a request */
  @Column({ name: 'check_openid', type: 'varchar', length: 200, nullable: true })
  checkOpenid: string | null;
}
