import type { ImportStatus } from '@pingjia/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

// An import job (migration 763): its state, progress and counts, shared by every instance.
@Entity('import_jobs')
export class ImportJobRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'org_id', type: 'varchar', length: 36 })
  orgId: string;

  @Column({ type: 'varchar', length: 16 })
  status: ImportStatus;

  @Column({ type: 'int' })
  done: number;

  @Column({ type: 'int' })
  total: number;

  /** ImportCounts as JSON */
  @Column({ type: 'varchar', length: 200 })
  counts: string;

  /** ImportWriteCounts as JSON, once applied */
  @Column({ type: 'varchar', length: 200, nullable: true })
  applied: string | null;

  @Column({ name: 'error_code', type: 'varchar', length: 40, nullable: true })
  errorCode: string | null;

  @Column({ name: 'error_message', type: 'varchar', length: 400, nullable: true })
  errorMessage: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;

  /** moved on by the instance running the job; a running job whose heartbeat stops is failed */
  @Column({ name: 'heartbeat_at', type: 'varchar', length: 30 })
  heartbeatAt: string;

  @Column({ name: 'finished_at', type: 'varchar', length: 30, nullable: true })
  finishedAt: string | null;
}

/** A chunk of a job's input rows or report rows, gzipped JSON. */
@Entity('import_job_parts')
export class ImportJobPart {
  @PrimaryColumn({ name: 'job_id', type: 'varchar', length: 36 })
  jobId: string;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  kind: 'input' | 'report';

  @PrimaryColumn({ type: 'int' })
  seq: number;

  /** a report chunk's ImportCounts as JSON */
  @Column({ type: 'varchar', length: 200, nullable: true })
  counts: string | null;

  @Column({ type: 'blob' })
  data: Buffer;
}
