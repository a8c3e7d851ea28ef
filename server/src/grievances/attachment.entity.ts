import type { GrievanceAttachmentMime } from '@pingjia/shared';
import { Column, Entity, Index } from 'typeorm';
import { DayColumn, IdColumn, PrimaryIdColumn } from '../common/columns';

export type AttachmentStatus = 'approved' | 'held';

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
}
