import {
  GRIEVANCE_ACTIONS,
  GRIEVANCE_FINAL_LIMITS,
  grievanceStep,
  isGrievanceEnded,
  PROVISIONAL_DEADLINE_TEXT,
  type GrievanceAction,
  type GrievanceLimits,
  type GrievanceState,
  type GrievanceStatus,
  type GrievanceSummary,
  type GrievanceTimelineEvent,
  type GrievanceType,
} from '@pingjia/shared';
import { formatDeadline, formatDate } from './format';

const WHAT: Record<GrievanceType, string> = {
  enquiry: '想了解劳动法规、工会政策或自己的权益，请工会解答。',
  help: '遇到困难（如工伤、生活困难、劳动纠纷），需要工会出面帮助解决。',
  complaint: '单位或个人侵害了您的劳动权益（如拖欠工资、违法解除劳动合同），请工会督促纠正。',
  legal_aid: '需要法律帮助，如法律咨询、代写文书、代理劳动仲裁或诉讼。',
  suggestion: '对单位或工会的工作提出意见建议，工会会答复是否采纳及理由。',
};

/**
 * What a type means and how long it may take: the limits of the province it is filed in (working days),
 * from the server; without them (not loaded yet, or no answer) the meaning alone.
 */
export function typeGuide(type: GrievanceType, limits: GrievanceLimits | null): string {
  if (!limits) return WHAT[type];
  const limit = limits.final[type];
  const verb = limit.kind === 'reply' ? '答复' : '办结';
  return `${WHAT[type]}${limits.acceptDays} 个工作日内受理，${limit.days} 个工作日内${verb}。`;
}

/** The last limit, in words: "答复期限" for reply-kind types, "办结期限" for the rest. */
function dueLabel(type: GrievanceType): string {
  return GRIEVANCE_FINAL_LIMITS[type].kind === 'reply' ? '答复期限' : '办结期限';
}

// A limit ends at midnight China time: the last day is the day before, and it counts. A provisional one
// (its year's holidays are not imported yet) says so.
const dueLine = (label: string, iso: string, provisional: boolean) =>
  `${label}：${formatDeadline(iso)}（含当日）${provisional ? `（${PROVISIONAL_DEADLINE_TEXT}）` : ''}`;

/** "受理期限：2026年11月25日（含当日）" */
export const acceptDueLine = (acceptDueAt: string, provisional: boolean) => dueLine('受理期限', acceptDueAt, provisional);

/** "办结期限：…" or "答复期限：…", as the type asks. */
export const finalDueLine = (type: GrievanceType, dueAt: string, provisional: boolean) => dueLine(dueLabel(type), dueAt, provisional);

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** "2026年1月5日 14:30" in China time; the day alone where the time is withheld. */
export function formatEventTime(e: GrievanceTimelineEvent): string {
  if (!e.at) return formatDate(`${e.on}T12:00:00+08:00`);
  const t = new Date(e.at).getTime();
  if (Number.isNaN(t)) return formatDate(`${e.on}T12:00:00+08:00`);
  const china = new Date(t + CHINA_OFFSET_MS);
  const hh = String(china.getUTCHours()).padStart(2, '0');
  const mm = String(china.getUTCMinutes()).padStart(2, '0');
  return `${formatDate(e.at)} ${hh}:${mm}`;
}

/** The last limit of the round is met: resolved or closed, or answered where an answer is what is due. */
export function isCompleted(status: GrievanceStatus, type: GrievanceType): boolean {
  return status === 'resolved' || status === 'closed' || (status === 'replied' && GRIEVANCE_FINAL_LIMITS[type].kind === 'reply');
}

/**
 * The workflow state as far as an API reader can tell it, to offer only the moves the shared state
 * machine allows. The server decides again (409 when something changed meanwhile).
 */
export function stateOfSummary(g: GrievanceSummary, now = Date.now()): GrievanceState {
  return {
    status: g.status,
    type: g.type,
    completed: isCompleted(g.status, g.type),
    reopened: g.reopened,
    extended: g.extended,
    atUpperLevel: g.handler === 'upper',
    pastDue: now >= new Date(g.dueAt).getTime(),
    questionOpen: g.questionOpen,
  };
}

export function availableActions(g: GrievanceSummary, now = Date.now()): GrievanceAction[] {
  if (!g.canAct) return [];
  const state = stateOfSummary(g, now);
  return GRIEVANCE_ACTIONS.filter((action) => grievanceStep(state, { kind: action }) !== null);
}

/** What the reporter may do now on their own grievance (the same rules the server applies). */
export function reporterCan(g: GrievanceSummary): { answer: boolean; withdraw: boolean; attach: boolean } {
  const state = stateOfSummary(g);
  return {
    answer: g.mine && grievanceStep(state, { kind: 'answer' }) !== null,
    withdraw: g.mine && grievanceStep(state, { kind: 'withdraw' }) !== null,
    attach: g.mine && !isGrievanceEnded(g.status),
  };
}

/** The reporter may rate the handling now (answered or resolved, and theirs). */
export function awaitsFeedback(g: GrievanceSummary): boolean {
  return g.mine && grievanceStep(stateOfSummary(g), { kind: 'feedback', verdict: 'satisfied' }) !== null;
}

/** The newest extension's reason and days, shown to the worker beside the due date. */
export function latestExtension(timeline: GrievanceTimelineEvent[]): GrievanceTimelineEvent | null {
  for (let i = timeline.length - 1; i >= 0; i--) if (timeline[i].kind === 'extended') return timeline[i];
  return null;
}
