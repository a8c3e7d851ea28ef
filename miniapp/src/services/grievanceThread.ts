import type {
  Grievance,
  GrievanceAnswerRequest,
  GrievanceAttachment,
  GrievanceFeedbackRequest,
  GrievanceLimits,
  GrievancePlaceHome,
  GrievancePlaceOrg,
  GrievanceTrack,
} from '@pingjia/shared';
import { memberRequest } from './auth';
import { API_BASE, request } from './request';
import { readToken, type TokenKind } from './session';

// The worker's side of a grievance (issue 19): answers, withdrawal, evidence and feedback — signed in
// (by grievance id) or by tracking code from any device — and where to file without the poster.

const byId = (id: string) => `/api/grievances/${encodeURIComponent(id)}`;
const byCode = (code: string) => `/api/grievances/track/${encodeURIComponent(code)}`;

/** The reporter's moves, the same by session and by tracking code (each answers with its own view). */
export interface ReporterChannel<T> {
  answer(body: GrievanceAnswerRequest): Promise<T>;
  withdraw(): Promise<T>;
  feedback(body: GrievanceFeedbackRequest): Promise<T>;
  attach(bytes: ArrayBuffer): Promise<GrievanceAttachment>;
  /** where an attachment's bytes are, and the header that opens them */
  attachmentUrl(attachmentId: string): { url: string; header: Record<string, string> };
}

const OCTETS = { 'Content-Type': 'application/octet-stream' };

export function signedInChannel(id: string): ReporterChannel<Grievance> {
  return {
    answer: (body) => memberRequest<Grievance>({ method: 'POST', path: `${byId(id)}/answers`, data: body }),
    withdraw: () => memberRequest<Grievance>({ method: 'POST', path: `${byId(id)}/withdraw` }),
    feedback: (body) => memberRequest<Grievance>({ method: 'POST', path: `${byId(id)}/feedback`, data: body }),
    attach: (bytes) =>
      memberRequest<GrievanceAttachment>({ method: 'POST', path: `${byId(id)}/attachments`, data: bytes, headers: OCTETS }),
    attachmentUrl: (attachmentId) => attachmentSource('member', id, attachmentId),
  };
}

/** A reader of the grievance page (a handler by their staff session) opens its attachments. */
export function attachmentSource(kind: TokenKind, id: string, attachmentId: string): { url: string; header: Record<string, string> } {
  const token = readToken(kind);
  const header: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  return { url: `${API_BASE}${byId(id)}/attachments/${encodeURIComponent(attachmentId)}`, header };
}

export function codeChannel(code: string): ReporterChannel<GrievanceTrack> {
  return {
    answer: (body) => request<GrievanceTrack>({ method: 'POST', path: `${byCode(code)}/answers`, data: body, auth: 'none' }),
    withdraw: () => request<GrievanceTrack>({ method: 'POST', path: `${byCode(code)}/withdraw`, auth: 'none' }),
    feedback: (body) => request<GrievanceTrack>({ method: 'POST', path: `${byCode(code)}/feedback`, data: body, auth: 'none' }),
    attach: (bytes) =>
      request<GrievanceAttachment>({ method: 'POST', path: `${byCode(code)}/attachments`, data: bytes, headers: OCTETS, auth: 'none' }),
    attachmentUrl: (attachmentId) => ({ url: `${API_BASE}${byCode(code)}/attachments/${encodeURIComponent(attachmentId)}`, header: {} }),
  };
}
/** The time limits a grievance filed there gets (its province's settings). */
export function placeLimits(place: { homeId: string; toOrg?: boolean }): Promise<GrievanceLimits> {
  const by = place.toOrg ? 'orgId' : 'homeId';
  return request<GrievanceLimits>({ path: `/api/grievance-places/limits?${by}=${encodeURIComponent(place.homeId)}`, auth: 'none' });
}

export function placeOrgs(parentId?: string): Promise<GrievancePlaceOrg[]> {
  return request<GrievancePlaceOrg[]>({
    path: `/api/grievance-places/orgs${parentId ? `?parentId=${encodeURIComponent(parentId)}` : ''}`,
    auth: 'none',
  });
}

export function placeHomes(orgId: string | undefined, q: string): Promise<GrievancePlaceHome[]> {
  const params: string[] = [];
  if (orgId) params.push(`orgId=${encodeURIComponent(orgId)}`);
  if (q) params.push(`q=${encodeURIComponent(q)}`);
  return request<GrievancePlaceHome[]>({ path: `/api/grievance-places/homes?${params.join('&')}`, auth: 'none' });
}
