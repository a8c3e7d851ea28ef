import type { GrievanceFeedbackVerdict, GrievanceStatus, GrievanceTopic, GrievanceType } from '@pingjia/shared';
import { Column, Entity, Index } from 'typeorm';
import { IdColumn, PrimaryIdColumn, TimeColumn } from '../common/columns';

export type ContentStatus = 'approved' | 'held';

// No user id and no openid, named or not: `reporterKey` is a keyed hash (server secret, its own domain)
// that only the reporter's own session can recompute. Named grievances keep the name and phone the
// worker chose to give, for the handler. The tracking code is stored as a hash only.
@Entity('grievances')
export class Grievance {
  @PrimaryIdColumn()
  id: string;

  /** null for a grievance filed straight to a federation (a workplace without a home) */
  @IdColumn('home_id', { nullable: true })
  homeId: string | null;

  /** the federation it was filed to, when it was filed to no home */
  @IdColumn('org_id', { nullable: true })
  orgId: string | null;

  /** the home's org path (copied): federation scope is a prefix test */
  @Column({ name: 'org_path', type: 'varchar', length: 400 })
  orgPath: string;

  /** null while the home's chair handles it; the upper-level union's org otherwise */
  @IdColumn('handler_org_id', { nullable: true })
  handlerOrgId: string | null;

  @Column({ name: 'handler_org_path', type: 'varchar', length: 400, nullable: true })
  handlerOrgPath: string | null;

  @Column({ type: 'boolean' })
  escalated: boolean;

  @Column({ type: 'varchar', length: 16 })
  type: GrievanceType;

  @Column({ type: 'varchar', length: 16 })
  topic: GrievanceTopic;

  @Column({ type: 'text' })
  content: string;

  @Column({ name: 'content_status', type: 'varchar', length: 12 })
  contentStatus: ContentStatus;

  @Column({ type: 'boolean' })
  anonymous: boolean;

  @Column({ name: 'reporter_key', type: 'varchar', length: 64 })
  reporterKey: string;

  @Column({ name: 'reporter_name', type: 'varchar', length: 64, nullable: true })
  reporterName: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  contact: string | null;

  @Column({ name: 'tracking_hash', type: 'varchar', length: 64 })
  trackingHash: string;

  @Column({ type: 'varchar', length: 16 })
  status: GrievanceStatus;

  /** optimistic lock: each change bumps it, and numbers the timeline */
  @Column({ type: 'int' })
  version: number;

  @TimeColumn('accept_due_at')
  acceptDueAt: string;

  @TimeColumn('due_at')
  dueAt: string;

  /** when the last limit of the current round was met; null while it is pending */
  @TimeColumn('completed_at', { nullable: true })
  completedAt: string | null;

  /** every limit met so far; null until the last limit is met or missed */
  @Column({ name: 'on_time', type: 'boolean', nullable: true })
  onTime: boolean | null;

  @Column({ type: 'boolean' })
  extended: boolean;

  @Column({ type: 'boolean' })
  reopened: boolean;

  @Column({ name: 'accept_reminded', type: 'boolean' })
  acceptReminded: boolean;

  @Column({ name: 'final_reminded', type: 'boolean' })
  finalReminded: boolean;

  /** the handler asked a question the worker has not answered yet */
  @Column({ name: 'question_open', type: 'boolean' })
  questionOpen: boolean;

  @Column({ name: 'feedback_verdict', type: 'varchar', length: 16, nullable: true })
  feedbackVerdict: GrievanceFeedbackVerdict | null;

  @Column({ name: 'feedback_comment', type: 'text', nullable: true })
  feedbackComment: string | null;

  @TimeColumn('created_at')
  createdAt: string;

  @TimeColumn('updated_at')
  updatedAt: string;
}

@Entity('grievance_events')
@Index('uq_grievance_events_seq', ['grievanceId', 'seq'], { unique: true })
export class GrievanceEventRow {
  @PrimaryIdColumn()
  id: string;

  @IdColumn('grievance_id')
  grievanceId: string;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 16 })
  kind: string;

  /** a role, never a person */
  @Column({ name: 'actor_role', type: 'varchar', length: 16 })
  actorRole: string;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  /** the worker's verdict, on a feedback event */
  @Column({ type: 'varchar', length: 16, nullable: true })
  verdict: string | null;

  @Column({ type: 'int', nullable: true })
  days: number | null;

  @TimeColumn()
  at: string;
}
