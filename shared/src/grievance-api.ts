// Request and response bodies of the grievance endpoints (../shared/api.md, Grievances).
import type {
  GrievanceAction,
  GrievanceActorRole,
  GrievanceEventKind,
  GrievanceFeedbackVerdict,
  GrievanceStatus,
  FinalLimitKind,
} from './grievance-workflow';
import type { GrievanceAttachmentMime } from './grievance-attachments';
import type { GrievanceTopic, GrievanceType } from './grievances';
import type { OrgLevel } from './orgs';
import type { CalendarDayKind } from './workdays';

export interface CreateGrievanceRequest {
  /** the home it concerns; or, for a workplace without a home, `orgId` (a federation) instead */
  homeId?: string;
  orgId?: string;
  type: GrievanceType;
  topic: GrievanceTopic;
  content: string;
  anonymous: boolean;
  /** named grievances only: a mainland mobile number, shown to the handler only */
  contact?: string;
  /** the worker allowed one subscribe message (wx.requestSubscribeMessage) */
  subscribe?: boolean;
}

/** 201 answer; the tracking code is shown this once (the server keeps only a hash). */
export interface GrievanceCreated {
  id: string;
  trackingCode: string;
  status: GrievanceStatus;
  acceptDueAt: string;
  dueAt: string;
  /** a deadline falls in a year whose holiday arrangement is not imported yet: counted Mon–Fri (暂定) */
  deadlineProvisional: boolean;
}

export interface GrievanceTimelineEvent {
  kind: GrievanceEventKind;
  actorRole: GrievanceActorRole;
  /** the instant; null where only the day is shown (the reporter's own steps on an anonymous grievance, to handlers) */
  at: string | null;
  /** China calendar day, YYYY-MM-DD */
  on: string;
  message: string | null;
  /** working days added by an extension */
  days: number | null;
  /** the worker's verdict, on a feedback event */
  verdict: GrievanceFeedbackVerdict | null;
}

/** A photo or PDF the worker attached (GET …/attachments/:attachmentId gives the bytes). */
export interface GrievanceAttachment {
  id: string;
  kind: 'image' | 'pdf';
  mime: GrievanceAttachmentMime;
  /** bytes as stored (images after their metadata was stripped) */
  size: number;
  /** China calendar day it was added */
  on: string;
  /**
   * held: WeChat's media check has not cleared it (not answered yet, asked for a review, or failed) or,
   * for a PDF or an image sent by tracking code, the level above the home has not released it yet: nobody
   * opens it meanwhile, the reporter sees that it waits; rejected: found risky and the file deleted (reporter only)
   */
  status: 'approved' | 'held' | 'rejected';
}

/**
 * An attachment waiting for a person's decision, as the level above the home sees it: the file and where
 * it was filed, nothing about the grievance or its reporter.
 */
export interface HeldAttachment {
  id: string;
  kind: 'image' | 'pdf';
  mime: GrievanceAttachmentMime;
  size: number;
  /** China calendar day it was added */
  on: string;
  /** the home (or the federation, for a grievance filed without a home) */
  place: { name: string };
}

export interface Grievance {
  id: string;
  /** where it was filed: the home, or the federation when filed to no home (`filedTo`) */
  home: { id: string; name: string };
  filedTo: 'home' | 'federation';
  type: GrievanceType;
  topic: GrievanceTopic;
  content: string;
  /** WeChat's check asked for a human review (or was unavailable): treat the text with care */
  contentHeld: boolean;
  anonymous: boolean;
  /** named grievances only, and only to the handler and the reporter */
  reporter: { name: string | null; contact: string | null } | null;
  status: GrievanceStatus;
  /** who handles it now: the home's chair, or the upper-level union */
  handler: 'home' | 'upper';
  escalated: boolean;
  acceptDueAt: string;
  dueAt: string;
  /** a deadline falls in a year whose holiday arrangement is not imported yet: counted Mon–Fri (暂定) */
  deadlineProvisional: boolean;
  overdue: boolean;
  extended: boolean;
  reopened: boolean;
  createdOn: string;
  feedback: { verdict: GrievanceFeedbackVerdict; comment: string | null } | null;
  /** the caller may take handler actions on it */
  canAct: boolean;
  /** the caller filed it (and may give feedback) */
  mine: boolean;
  /** the handler asked a question the worker has not answered yet */
  questionOpen: boolean;
  timeline: GrievanceTimelineEvent[];
  /** readable by the reporter and the handling roles only; never in exports */
  attachments: GrievanceAttachment[];
  /** the time limits of the grievance's province (its settings now), e.g. the longest extension */
  limits: GrievanceLimits;
}

export type GrievanceSummary = Omit<Grievance, 'timeline' | 'attachments' | 'limits'>;

/**
 * GET /api/grievance-places/limits?homeId=|orgId=: the time limits (working days) a grievance filed
 * there gets, from its province's settings; also in a grievance's detail view.
 */
export interface GrievanceLimits {
  acceptDays: number;
  final: Record<GrievanceType, { kind: FinalLimitKind; days: number }>;
  maxExtensionDays: number;
}

export interface GrievanceList {
  items: GrievanceSummary[];
  total: number;
}

export interface MyGrievances {
  items: GrievanceSummary[];
}

/**
 * GET /api/grievances/track/:trackingCode — the conversation (replies, questions and answers, extension
 * reasons, the result) and what the code holder may do next; no content, no names.
 */
export interface GrievanceTrack {
  status: GrievanceStatus;
  type: GrievanceType;
  dueAt: string;
  deadlineProvisional: boolean;
  overdue: boolean;
  reopened: boolean;
  timeline: GrievanceTimelineEvent[];
  attachments: GrievanceAttachment[];
  feedback: { verdict: GrievanceFeedbackVerdict; comment: string | null } | null;
  /** what the holder of the code may do now */
  can: { answer: boolean; withdraw: boolean; feedback: boolean; attach: boolean };
}

/** POST …/answers: the worker answers the handler's open question. */
export interface GrievanceAnswerRequest {
  message: string;
}

export interface GrievanceActionRequest {
  action: GrievanceAction;
  message?: string;
  /** extend only: working days to add */
  days?: number;
}

export interface GrievanceFeedbackRequest {
  verdict: GrievanceFeedbackVerdict;
  comment?: string;
}

/** Per-home figures (GET /api/homes/:id/grievance-stats; also for dashboards). */
export interface GrievanceStats {
  total: number;
  open: number;
  overdue: number;
  /** open grievances escalated to the upper level (by the chair or past the resolution limit) */
  escalated: number;
  /** grievances whose last limit was met or missed */
  decided: number;
  onTime: number;
  /** onTime ÷ decided; null when nothing is decided yet */
  onTimeRate: number | null;
  feedback: { satisfied: number; dissatisfied: number };
  /** satisfied ÷ feedback given; null without feedback */
  satisfactionRate: number | null;
}

export interface CalendarDay {
  day: string;
  kind: CalendarDayKind;
  /** where the answer comes from: an admin's entry, the holiday list, or the weekday rule */
  source: 'override' | 'holidays' | 'weekday';
  note: string | null;
}

export interface CalendarDayRequest {
  kind: CalendarDayKind;
  note?: string;
}

/** GET /api/grievance-places/orgs: a level of the federation tree, to choose where to file without a poster. */
export interface GrievancePlaceOrg {
  id: string;
  name: string;
  level: OrgLevel;
}

/** GET /api/grievance-places/homes: homes found by region and name; names only, nothing about ratings. */
export interface GrievancePlaceHome {
  id: string;
  name: string;
  /** the union the home belongs to, to tell two homes of the same name apart */
  orgName: string;
}
