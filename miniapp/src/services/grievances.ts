import type {
  CreateGrievanceRequest,
  Grievance,
  GrievanceActionRequest,
  GrievanceCreated,
  GrievanceFeedbackRequest,
  GrievanceList,
  GrievanceStatus,
  GrievanceTrack,
  MyGrievances,
} from '@pingjia/shared';
import { fetchConfig, memberRequest, staffRequest } from './auth';
import { request, type RequestOptions } from './request';

/** Whose session a grievance page uses: the worker's (member) or a handler's password login (staff). */
export type GrievanceReader = 'member' | 'staff';

const call = <T>(reader: GrievanceReader, options: Omit<RequestOptions, 'auth'>) =>
  reader === 'staff' ? staffRequest<T>(options) : memberRequest<T>(options);

/** Files a grievance; a retry with the same key answers with the first result instead of filing twice. */
export function createGrievance(body: CreateGrievanceRequest, idempotencyKey: string): Promise<GrievanceCreated> {
  return memberRequest<GrievanceCreated>({
    method: 'POST',
    path: '/api/grievances',
    data: body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function listMyGrievances(): Promise<MyGrievances> {
  return memberRequest<MyGrievances>({ path: '/api/grievances/mine' });
}

/** Public: status and the public timeline for whoever holds the code. */
export function trackGrievance(code: string): Promise<GrievanceTrack> {
  return request<GrievanceTrack>({ path: `/api/grievances/track/${encodeURIComponent(code)}`, auth: 'none' });
}

export interface QueueQuery {
  status?: GrievanceStatus;
  overdue?: boolean;
  page?: number;
}

/** The grievances the caller handles, soonest due first. */
export function listHandledGrievances(query: QueueQuery): Promise<GrievanceList> {
  const params: string[] = [];
  if (query.status) params.push(`status=${query.status}`);
  if (query.overdue !== undefined) params.push(`overdue=${query.overdue}`);
  if (query.page && query.page > 1) params.push(`page=${query.page}`);
  return staffRequest<GrievanceList>({ path: `/api/grievances${params.length ? `?${params.join('&')}` : ''}` });
}

export function getGrievance(reader: GrievanceReader, id: string): Promise<Grievance> {
  return call<Grievance>(reader, { path: `/api/grievances/${encodeURIComponent(id)}` });
}

export function actOnGrievance(reader: GrievanceReader, id: string, body: GrievanceActionRequest): Promise<Grievance> {
  return call<Grievance>(reader, { method: 'POST', path: `/api/grievances/${encodeURIComponent(id)}/actions`, data: body });
}

export function giveGrievanceFeedback(id: string, body: GrievanceFeedbackRequest): Promise<Grievance> {
  return memberRequest<Grievance>({ method: 'POST', path: `/api/grievances/${encodeURIComponent(id)}/feedback`, data: body });
}

/** The worker allowed one more progress message (after WeChat's subscribe popup said yes). */
export function subscribeToGrievance(id: string): Promise<void> {
  return memberRequest<void>({ method: 'POST', path: `/api/grievances/${encodeURIComponent(id)}/subscriptions` });
}

let templateId: Promise<string | null> | null = null;

/** The subscribe-message template for progress messages, or null when the server can send none. */
export function grievanceTemplateId(): Promise<string | null> {
  if (!templateId) {
    templateId = fetchConfig().then(
      (c) => (typeof c.grievanceTemplateId === 'string' && c.grievanceTemplateId ? c.grievanceTemplateId : null),
      () => {
        templateId = null; // asked again next time
        return null;
      },
    );
  }
  return templateId;
}
