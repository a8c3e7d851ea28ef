import type { GrievanceAttachmentMime } from '@pingjia/shared';
import { Column, Entity, Index } from 'typeorm';
import { DayColumn, IdColumn, PrimaryIdColumn, TimeColumn } from '../common/columns';

/** held: waiting for WeChat's media check (or held on doubt); rejected: the check found it risky, the bytes are gone */
export type AttachmentStatus = 'approved' | 'held' | 'rejected';

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

  /** when the check was last asked for (a check that never answered is asked again) */
  @TimeColumn('check_sent_at', { nullable: true })
  checkSentAt: string | null;
}
