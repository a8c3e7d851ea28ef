import {
  chinaDay,
  Grievance as GrievanceView,
  GrievanceSummary,
  GrievanceTimelineEvent,
  GrievanceTrack,
  GrievanceActorRole,
  GrievanceEventKind,
  GrievanceFeedbackVerdict,
  isGrievanceOverdue,
} from '@pingjia/shared';
import type { Grievance, GrievanceEventRow } from './grievance.entity';
import type { Relation } from './grievance-access';

// Every answer about a grievance is built here, so what each reader may see is decided in one place.
// No answer carries a user id or openid: the record holds none.

function isOverdue(g: Grievance, now: Date): boolean {
  return isGrievanceOverdue({ status: g.status, completed: g.completedAt !== null, acceptDueAt: g.acceptDueAt, dueAt: g.dueAt }, now);
}

interface TimelineOptions {
  /** handlers of an anonymous grievance see the day of the worker's own steps, not the minute */
  hideReporterTimes: boolean;
  /** the public tracking view: no messages except an extension's reason */
  publicOnly: boolean;
}

function timelineView(events: GrievanceEventRow[], o: TimelineOptions): GrievanceTimelineEvent[] {
  return events.map((e) => {
    const kind = e.kind as GrievanceEventKind;
    const hideTime = o.hideReporterTimes && e.actorRole === 'reporter';
    const showMessage = !o.publicOnly || kind === 'extended';
    return {
      kind,
      actorRole: e.actorRole as GrievanceActorRole,
      at: hideTime ? null : e.at,
      on: chinaDay(e.at),
      message: showMessage ? e.message : null,
      days: e.days,
      verdict: o.publicOnly ? null : (e.verdict as GrievanceFeedbackVerdict | null),
    };
  });
}

/** `provisional`: a deadline falls in a year whose holidays are not known (CalendarService.provisional). */
export function summaryView(g: Grievance, homeName: string, rel: Relation, now: Date, provisional: boolean): GrievanceSummary {
  const reporterVisible = !g.anonymous && (rel.handles || rel.reporter);
  return {
    id: g.id,
    home: { id: g.homeId, name: homeName },
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
  };
}

export function grievanceView(
  g: Grievance,
  homeName: string,
  rel: Relation,
  events: GrievanceEventRow[],
  now: Date,
  provisional: boolean,
): GrievanceView {
  return {
    ...summaryView(g, homeName, rel, now, provisional),
    timeline: timelineView(events, { hideReporterTimes: g.anonymous && !rel.reporter, publicOnly: false }),
  };
}

export function trackView(g: Grievance, events: GrievanceEventRow[], now: Date, provisional: boolean): GrievanceTrack {
  return {
    status: g.status,
    type: g.type,
    dueAt: g.dueAt,
    deadlineProvisional: provisional,
    overdue: isOverdue(g, now),
    timeline: timelineView(events, { hideReporterTimes: false, publicOnly: true }),
  };
}
