// The grievance workflow (受理 → 办理 → 答复 → 办结 → 回访/评价) as a pure state machine. The server
// stores the state and applies what `grievanceStep` returns; a null step is an illegal move (409).
import { GRIEVANCE_MESSAGE_MAX, type GrievanceType } from './grievances';
import { isBlankText, textLength } from './text';

export const GRIEVANCE_STATUSES = ['submitted', 'accepted', 'replied', 'resolved', 'closed', 'withdrawn'] as const;
export type GrievanceStatus = (typeof GRIEVANCE_STATUSES)[number];
// Short enough for a subscribe message's `phrase` field (≤ 5 characters).
export const GRIEVANCE_STATUS_LABELS: Record<GrievanceStatus, string> = {
  submitted: '待受理',
  accepted: '办理中',
  replied: '已答复',
  resolved: '已办结',
  closed: '已关闭',
  withdrawn: '已撤回',
};

export const GRIEVANCE_ACTIONS = ['accept', 'reply', 'resolve', 'extend', 'escalate', 'ask'] as const;
export type GrievanceAction = (typeof GRIEVANCE_ACTIONS)[number];

export const GRIEVANCE_FEEDBACK_VERDICTS = ['satisfied', 'dissatisfied'] as const;
export type GrievanceFeedbackVerdict = (typeof GRIEVANCE_FEEDBACK_VERDICTS)[number];
export const GRIEVANCE_FEEDBACK_LABELS: Record<GrievanceFeedbackVerdict, string> = { satisfied: '满意', dissatisfied: '不满意' };

export const GRIEVANCE_EVENT_KINDS = [
  'submitted',
  'accepted',
  'replied',
  'resolved',
  'extended',
  'escalated',
  'reminded',
  'feedback',
  'reopened',
  'closed',
  'asked',
  'answered',
  'withdrawn',
  'rescheduled',
] as const;
export type GrievanceEventKind = (typeof GRIEVANCE_EVENT_KINDS)[number];
export const GRIEVANCE_EVENT_LABELS: Record<GrievanceEventKind, string> = {
  submitted: '提交诉求',
  accepted: '已受理',
  replied: '已答复',
  resolved: '已办结',
  extended: '延期办理',
  escalated: '转上级工会办理',
  reminded: '超时催办',
  feedback: '职工评价',
  reopened: '重新办理',
  closed: '已关闭',
  asked: '处理人提问',
  answered: '职工回答',
  withdrawn: '职工撤回',
  rescheduled: '办理期限调整',
};

export const GRIEVANCE_ACTOR_ROLES = ['reporter', 'chair', 'federation', 'system'] as const;
export type GrievanceActorRole = (typeof GRIEVANCE_ACTOR_ROLES)[number];
export const GRIEVANCE_ACTOR_LABELS: Record<GrievanceActorRole, string> = {
  reporter: '职工',
  chair: '职工之家',
  federation: '上级工会',
  system: '系统',
};

/** What the last limit asks for: an answer (答复) or a resolution (办结). */
export type FinalLimitKind = 'reply' | 'resolve';

// Working days (China's calendar). Accept within 1; answer an enquiry within 3; resolve help,
// complaint and legal aid within 13. A suggestion is answered (adopted or not, and why) within 13.
export const GRIEVANCE_ACCEPT_DAYS = 1;
export const GRIEVANCE_FINAL_LIMITS: Record<GrievanceType, { kind: FinalLimitKind; days: number }> = {
  enquiry: { kind: 'reply', days: 3 },
  suggestion: { kind: 'reply', days: 13 },
  help: { kind: 'resolve', days: 13 },
  complaint: { kind: 'resolve', days: 13 },
  legal_aid: { kind: 'resolve', days: 13 },
};
/** An extension adds at most this many working days, once per round of handling. */
export const GRIEVANCE_MAX_EXTENSION_DAYS = 13;

export interface GrievanceState {
  status: GrievanceStatus;
  type: GrievanceType;
  /** the last limit of this round is met (an answer for reply-kind types, a resolution for the rest) */
  completed: boolean;
  /** reopened once already: a second "dissatisfied" closes it */
  reopened: boolean;
  /** extended once already in this round */
  extended: boolean;
  /** handled by the upper level already (escalated, or routed there because it is about the union) */
  atUpperLevel: boolean;
  /** the last limit has run out (an extension must be asked for before that) */
  pastDue: boolean;
  /** the handler asked the worker a question that is not answered yet */
  questionOpen: boolean;
}

export type GrievanceMove =
  | { kind: 'accept' | 'reply' | 'resolve' | 'extend' | 'escalate' | 'ask' | 'answer' | 'withdraw' }
  | { kind: 'feedback'; verdict: GrievanceFeedbackVerdict };

export interface GrievanceStep {
  next: GrievanceState;
  /** timeline events to record, in order */
  events: GrievanceEventKind[];
  /** the due dates start again (a reopened grievance gets a new round) */
  newRound: boolean;
}

const step = (next: GrievanceState, events: GrievanceEventKind[], newRound = false): GrievanceStep => ({ next, events, newRound });

/** The result of a move, or null when the move is not allowed in this state. */
export function grievanceStep(state: GrievanceState, move: GrievanceMove): GrievanceStep | null {
  const s = state;
  const open = s.status === 'accepted' || s.status === 'replied';
  switch (move.kind) {
    case 'accept':
      return s.status === 'submitted' ? step({ ...s, status: 'accepted' }, ['accepted']) : null;
    case 'reply':
      if (s.status !== 'accepted') return null;
      return step({ ...s, status: 'replied', completed: s.completed || GRIEVANCE_FINAL_LIMITS[s.type].kind === 'reply' }, ['replied']);
    case 'resolve':
      return open ? step({ ...s, status: 'resolved', completed: true }, ['resolved']) : null;
    case 'extend':
      if (!open || s.completed || s.extended || s.pastDue) return null;
      return step({ ...s, extended: true }, ['extended']);
    case 'escalate':
      if ((s.status !== 'submitted' && !open) || s.completed || s.atUpperLevel) return null;
      return step({ ...s, atUpperLevel: true }, ['escalated']);
    // The handler asks the worker one question at a time while handling it; the worker answers it.
    case 'ask':
      return open && !s.completed && !s.questionOpen ? step({ ...s, questionOpen: true }, ['asked']) : null;
    case 'answer':
      return s.questionOpen && !isGrievanceEnded(s.status) ? step({ ...s, questionOpen: false }, ['answered']) : null;
    // Before any answer or result: once the handler has answered, the worker gives feedback instead.
    case 'withdraw':
      return s.status === 'submitted' || (s.status === 'accepted' && !s.completed)
        ? step({ ...s, status: 'withdrawn', questionOpen: false }, ['withdrawn'])
        : null;
    case 'feedback': {
      const answered = s.status === 'resolved' || (s.status === 'replied' && s.completed);
      if (!answered) return null;
      if (move.verdict === 'dissatisfied' && !s.reopened) {
        return step(
          { ...s, status: 'accepted', completed: false, reopened: true, extended: false, pastDue: false },
          ['feedback', 'reopened'],
          true,
        );
      }
      return step({ ...s, status: 'closed' }, ['feedback', 'closed']);
    }
  }
}

/** No further handling: closed after feedback, or withdrawn by the worker. */
export function isGrievanceEnded(status: GrievanceStatus): boolean {
  return status === 'closed' || status === 'withdrawn';
}

export interface GrievanceDeadlines {
  status: GrievanceStatus;
  completed: boolean;
  acceptDueAt: string;
  dueAt: string;
}

// The server keeps an SQL twin of each of these next to its queries (grievance-store.ts, spec'd to agree).

/** Not accepted by the acceptance limit. */
export function isAcceptOverdue(g: GrievanceDeadlines, now: Date | string): boolean {
  return g.status === 'submitted' && new Date(now).toISOString() >= g.acceptDueAt;
}

/** Still open and not answered/resolved by the last limit. */
export function isFinalOverdue(g: GrievanceDeadlines, now: Date | string): boolean {
  return !isGrievanceEnded(g.status) && !g.completed && new Date(now).toISOString() >= g.dueAt;
}

/** Past a limit that is still open: not accepted in time, or not answered/resolved in time. */
export function isGrievanceOverdue(g: GrievanceDeadlines, now: Date | string): boolean {
  return isAcceptOverdue(g, now) || isFinalOverdue(g, now);
}

/** Handler actions that change the status (and so may send the worker a notification). */
export function changesStatus(events: GrievanceEventKind[]): boolean {
  return events.some(
    (e) => e === 'accepted' || e === 'replied' || e === 'resolved' || e === 'closed' || e === 'reopened' || e === 'withdrawn',
  );
}

/** The message a handler writes with an action (the worker sees it): required, optional, or not asked for. */
export const GRIEVANCE_ACTION_MESSAGE: Record<GrievanceAction, { label: string; required: boolean } | null> = {
  accept: null,
  reply: { label: '答复内容', required: true },
  resolve: { label: '办结说明', required: true },
  extend: { label: '延期理由', required: true },
  escalate: { label: '转办说明', required: false },
  ask: { label: '要问职工的问题', required: true },
};

export interface GrievanceActionInput {
  action: GrievanceAction;
  /** normalised text (normalizeText); undefined when not sent */
  message?: string | null;
  days?: number | null;
}

/**
 * Why a handler's action is refused before it is tried, by field; empty when fine. Server and form both
 * ask this, with the longest extension of the grievance's province (GrievanceLimits.maxExtensionDays).
 */
export function grievanceActionProblems(
  input: GrievanceActionInput,
  maxExtensionDays: number = GRIEVANCE_MAX_EXTENSION_DAYS,
): Partial<Record<'message' | 'days', string>> {
  const out: Partial<Record<'message' | 'days', string>> = {};
  const wanted = GRIEVANCE_ACTION_MESSAGE[input.action];
  const message = input.message ?? '';
  if (wanted?.required && isBlankText(message)) out.message = `请填写${wanted.label}`;
  else if (textLength(message) > GRIEVANCE_MESSAGE_MAX) out.message = `不能超过 ${GRIEVANCE_MESSAGE_MAX} 个字`;
  const days = input.days ?? undefined;
  if (input.action === 'extend') {
    if (maxExtensionDays < 1) out.days = '本省设置不允许延期';
    else if (days === undefined || !Number.isInteger(days) || days < 1 || days > maxExtensionDays)
      out.days = `请填写 1～${maxExtensionDays} 之间的整数`;
  } else if (days !== undefined) out.days = '只有延期时填写';
  return out;
}
