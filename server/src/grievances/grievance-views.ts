import {
  chinaDay,
  Grievance as GrievanceView,
  GrievanceSummary,
  GrievanceTimelineEvent,
  GrievanceTrack,
  GrievanceActorRole,
  GrievanceEventKind,
  GrievanceFeedbackVerdict,
  GrievanceAttachment,
  grievanceStep,
  isGrievanceEnded,
  isGrievanceOverdue,
} from '@pingjia/shared';
import type { GrievanceAttachmentRow } from './attachment.entity';
import type { Grievance, GrievanceEventRow } from './grievance.entity';
import type { Relation } from './grievance-access';
import { stateOf } from './grievance-store';

// Every answer about a grievance is built here, so what each reader may see is decided in one place.
// No answer carries a user id or openid: the record holds none.

function isOverdue(g: Grievance, now: Date): boolean {
  return isGrievanceOverdue({ status: g.status, completed: g.completedAt !== null, acceptDueAt: g.acceptDueAt, dueAt: g.dueAt }, now);
}

/** handlers of an anonymous grievance see the day of the worker's own steps, not the minute */
function timelineView(events: GrievanceEventRow[], hideReporterTimes: boolean): GrievanceTimelineEvent[] {
  return events.map((e) => {
    const hideTime = hideReporterTimes && e.actorRole === 'reporter';
    return {
      kind: e.kind as GrievanceEventKind,
      actorRole: e.actorRole as GrievanceActorRole,
      at: hideTime ? null : e.at,
      on: chinaDay(e.at),
      message: e.message,
      days: e.days,
      verdict: e.verdict as GrievanceFeedbackVerdict | null,
    };
  });
}

export function attachmentViews(rows: GrievanceAttachmentRow[]): GrievanceAttachment[] {
  return rows.map((a) => ({ id: a.id, kind: a.kind, mime: a.mime, size: a.size, on: a.createdOn, status: a.status }));
}

/** What the reporter (by session or tracking code) may do now. */
export function reporterMoves(g: Grievance, now: Date): GrievanceTrack['can'] {
  const state = stateOf(g, now);
  return {
    answer: grievanceStep(state, { kind: 'answer' }) !== null,
    withdraw: grievanceStep(state, { kind: 'withdraw' }) !== null,
    feedback: grievanceStep(state, { kind: 'feedback', verdict: 'satisfied' }) !== null,
    attach: !isGrievanceEnded(g.status),
  };
}

/** `provisional`: a deadline falls in a year whose holidays are not known (CalendarService.provisional). */
export function summaryView(g: Grievance, homeName: string, rel: Relation, now: Date, provisional: boolean): GrievanceSummary {
  const reporterVisible = !g.anonymous && (rel.handles || rel.reporter);
  return {
    id: g.id,
    home: { id: g.homeId ?? g.orgId!, name: homeName },
    filedTo: g.homeId ? 'home' : 'federation',
    type: g.type,
    topic: g.topic,
    content: g.content,
    contentHeld: g.contentStatus === 'held',
    anonymous: g.anonymous,
    reporter: reporterVisible ? { name: g.reporterName, contact: g.contact } : null,
    status: g.status,
    handler: g.handlerOrgId ? 'upper' : 'home',
    escalated: g.escalated,
    acceptDueAt: g.acceptDueAt,
    dueAt: g.dueAt,
    deadlineProvisional: provisional,
    overdue: isOverdue(g, now),
    extended: g.extended,
    reopened: g.reopened,
    createdOn: chinaDay(g.createdAt),
    feedback: g.feedbackVerdict ? { verdict: g.feedbackVerdict, comment: g.feedbackComment } : null,
    canAct: rel.actsAs !== null,
    mine: rel.reporter,
    questionOpen: g.questionOpen,
  };
}

export function grievanceView(
  g: Grievance,
  homeName: string,
  rel: Relation,
  events: GrievanceEventRow[],
  attachments: GrievanceAttachmentRow[],
  now: Date,
  provisional: boolean,
): Omit<GrievanceView, 'limits'> {
  return {
    ...summaryView(g, homeName, rel, now, provisional),
    timeline: timelineView(events, g.anonymous && !rel.reporter),
    // Handlers see an attachment once WeChat's media check cleared it; the reporter sees theirs with its status.
    attachments: attachmentViews(rel.reporter ? attachments : attachments.filter((a) => a.status === 'approved')),
  };
}

// The holder of the tracking code is the worker who filed it: the whole conversation (replies,
// questions and answers, extension reasons, the result), but not the content or any name, in case
// the code is seen over a shoulder.
export function trackView(
  g: Grievance,
  events: GrievanceEventRow[],
  attachments: GrievanceAttachmentRow[],
  now: Date,
  provisional: boolean,
): GrievanceTrack {
  return {
    status: g.status,
    type: g.type,
    dueAt: g.dueAt,
    deadlineProvisional: provisional,
    overdue: isOverdue(g, now),
    reopened: g.reopened,
    timeline: timelineView(events, false),
    attachments: attachmentViews(attachments),
    feedback: g.feedbackVerdict ? { verdict: g.feedbackVerdict, comment: g.feedbackComment } : null,
    can: reporterMoves(g, now),
  };
}
