import type {
  AcceptInviteRequest,
  ArrangementDay,
  CalendarYears,
  ProvinceSettings,
  ProvinceSettingsView,
  AuditEvent,
  AuthResponse,
  Campaign,
  CampaignConfirmation,
  CampaignConfirmRequest,
  CampaignListItem,
  CampaignMove,
  CreateCampaignRequest,
  CreateHomeRequest,
  CreateOrgRequest,
  HeldAttachment,
  HeldComment,
  Home,
  ImportJob,
  ImportOutcome,
  ImportRowReport,
  InvitePreview,
  InviteResponse,
  LeagueLevel,
  LeagueSortKey,
  MeResponse,
  Org,
  OrgChildren,
  OrgDashboard,
  Page,
  PasswordResetPreview,
  PasswordResetResponse,
  Rectification,
  RectificationOverview,
  RectificationRequest,
  RectificationState,
  RosterSummary,
  StaffGrant,
  UpdateCampaignRequest,
  UpdateHomeRequest,
  UpdateOrgRequest,
} from '@pingjia/shared';
import { ensureMemberLogin, staffRequest } from './auth';
import { API_BASE, ApiRequestError, request } from './request';
import { readToken, saveToken } from './session';

// Typed calls for the chair's and the federation's pages (issue #5). All go out with the staff token.

const id = encodeURIComponent;

/** A query string from the values that are set, in the order given. */
function queryString(params: Record<string, string | number | undefined | null>): string {
  const parts = Object.entries(params)
    .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== null && e[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

export const getMe = () => staffRequest<MeResponse>({ path: '/api/me' });
export const getHome = (homeId: string) => staffRequest<Home>({ path: `/api/homes/${id(homeId)}` });
export const getOrg = (orgId: string) => staffRequest<Org>({ path: `/api/orgs/${id(orgId)}` });
export const getOrgChildren = (orgId: string) => staffRequest<OrgChildren>({ path: `/api/orgs/${id(orgId)}/children` });
/** The Idempotency-Key header of a create: a retry or a second click with the same key creates nothing twice. */
const once = (key?: string) => (key ? { 'Idempotency-Key': key } : undefined);

export const createOrg = (body: CreateOrgRequest, key?: string) =>
  staffRequest<Org>({ method: 'POST', path: '/api/orgs', data: body, headers: once(key) });
export const createHome = (body: CreateHomeRequest, key?: string) =>
  staffRequest<Home>({ method: 'POST', path: '/api/homes', data: body, headers: once(key) });

// Structure over time: edit, move, deactivate, merge, delete (the level above decides).
type OrgOrHome = 'orgs' | 'homes';
export const updateOrg = (orgId: string, body: UpdateOrgRequest) =>
  staffRequest<Org>({ method: 'PUT', path: `/api/orgs/${id(orgId)}`, data: body });
export const updateHome = (homeId: string, body: UpdateHomeRequest) =>
  staffRequest<Home>({ method: 'PUT', path: `/api/homes/${id(homeId)}`, data: body });
export const moveTo = (kind: OrgOrHome, thingId: string, parentId: string) =>
  staffRequest<Org | Home>({ method: 'POST', path: `/api/${kind}/${id(thingId)}/move`, data: { parentId } });
export const setActive = (kind: OrgOrHome, thingId: string, active: boolean) =>
  staffRequest<Org | Home>({ method: 'POST', path: `/api/${kind}/${id(thingId)}/${active ? 'reactivate' : 'deactivate'}` });
export const mergeInto = (kind: OrgOrHome, thingId: string, intoId: string, key?: string) =>
  staffRequest<Org | Home>({ method: 'POST', path: `/api/${kind}/${id(thingId)}/merge`, data: { intoId }, headers: once(key) });
export const deleteThing = (kind: OrgOrHome, thingId: string) =>
  staffRequest<void>({ method: 'DELETE', path: `/api/${kind}/${id(thingId)}` });

export const listCampaigns = (orgId: string) => staffRequest<CampaignListItem[]>({ path: `/api/campaigns${queryString({ orgId })}` });
export const createCampaign = (body: CreateCampaignRequest, key?: string) =>
  staffRequest<Campaign>({ method: 'POST', path: '/api/campaigns', data: body, headers: once(key) });
export const updateCampaign = (campaignId: string, body: UpdateCampaignRequest) =>
  staffRequest<Campaign>({ method: 'PUT', path: `/api/campaigns/${id(campaignId)}`, data: body });
export const extendCampaign = (campaignId: string, closesAt: string) =>
  staffRequest<Campaign>({ method: 'POST', path: `/api/campaigns/${id(campaignId)}/extend`, data: { closesAt } });
/** Closing and publishing carry what the admin confirmed (the server refuses them without it). */
export const moveCampaign = (campaignId: string, move: CampaignMove, confirmed?: CampaignConfirmRequest) =>
  staffRequest<Campaign>({ method: 'POST', path: `/api/campaigns/${id(campaignId)}/${move}`, data: confirmed });
export const getCampaignConfirmation = (campaignId: string) =>
  staffRequest<CampaignConfirmation>({ path: `/api/campaigns/${id(campaignId)}/confirmation` });

export interface LeagueParams {
  campaignId?: string;
  sort?: LeagueSortKey;
  order?: 'asc' | 'desc';
  level?: LeagueLevel;
  page?: number;
  pageSize?: number;
}

export const getOrgDashboard = (orgId: string, params: LeagueParams = {}) =>
  staffRequest<OrgDashboard>({
    path: `/api/orgs/${id(orgId)}/dashboard${queryString({ campaignId: params.campaignId, sort: params.sort, order: params.order, level: params.level, page: params.page, pageSize: params.pageSize })}`,
  });

export const getHeldComments = (orgId: string, page = 1) =>
  staffRequest<Page<HeldComment>>({ path: `/api/orgs/${id(orgId)}/held-comments${queryString({ page })}` });
export const decideComment = (commentId: string, approve: boolean) =>
  staffRequest<void>({ method: 'POST', path: `/api/comments/${id(commentId)}/${approve ? 'approve' : 'reject'}` });

export const getHeldAttachments = (orgId: string, page = 1) =>
  staffRequest<Page<HeldAttachment>>({ path: `/api/orgs/${id(orgId)}/held-attachments${queryString({ page })}` });
export const decideAttachment = (attachmentId: string, release: boolean) =>
  staffRequest<void>({ method: 'POST', path: `/api/held-attachments/${id(attachmentId)}/${release ? 'release' : 'reject'}` });
/** Where a held file's bytes are, with the staff session's header (for openAttachment). */
export function heldAttachmentSource(attachmentId: string): { url: string; header: Record<string, string> } {
  const token = readToken('staff');
  return { url: `${API_BASE}/api/held-attachments/${id(attachmentId)}`, header: token ? { Authorization: `Bearer ${token}` } : {} };
}

export const getAudit = (orgId: string, page = 1, action?: string) =>
  staffRequest<Page<AuditEvent>>({ path: `/api/orgs/${id(orgId)}/audit${queryString({ action, page, pageSize: 50 })}` });
export const auditExportPath = (orgId: string, action?: string) => `/api/orgs/${id(orgId)}/audit.xlsx${queryString({ action })}`;

/** A home (its chair) or an org (its admin): where staff are invited, listed and removed. */
export type Place = { kind: 'homes' | 'orgs'; id: string };
const placePath = (p: Place) => `/api/${p.kind}/${id(p.id)}`;

export const createInvite = (p: Place, key?: string) =>
  staffRequest<InviteResponse>({
    method: 'POST',
    path: `${placePath(p)}/invites`,
    data: { role: p.kind === 'homes' ? 'chair' : 'federation_admin' },
    headers: once(key),
  });
export const getGrants = (p: Place) => staffRequest<{ items: StaffGrant[] }>({ path: `${placePath(p)}/grants` });
export const removeGrant = (p: Place, grantId: string) =>
  staffRequest<void>({ method: 'DELETE', path: `${placePath(p)}/grants/${id(grantId)}` });
export const createPasswordReset = (p: Place, grantId: string) =>
  staffRequest<PasswordResetResponse>({ method: 'POST', path: `${placePath(p)}/grants/${id(grantId)}/password-reset` });

/** What an invite code is for; public, so it works before any login. */
export const previewInvite = (code: string) => request<InvitePreview>({ path: `/api/invites/${id(code)}`, auth: 'none' });

export const previewPasswordReset = (code: string) =>
  request<PasswordResetPreview>({ path: `/api/password-resets/${id(code)}`, auth: 'none' });

/** Sets the new password from a reset link and keeps the session it answers with. */
export async function applyPasswordReset(code: string, password: string): Promise<AuthResponse> {
  const auth = await request<AuthResponse>({ method: 'POST', path: `/api/password-resets/${id(code)}`, data: { password }, auth: 'none' });
  saveToken('staff', auth.token);
  return auth;
}

/** The caller's own password; the answer is a fresh session (the old ones end). */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  const auth = await staffRequest<AuthResponse>({ method: 'PUT', path: '/api/me/password', data: { currentPassword, newPassword } });
  saveToken('staff', auth.token);
}

export const getRoster = (homeId: string) => staffRequest<RosterSummary>({ path: `/api/homes/${id(homeId)}/roster` });
export const rosterTemplatePath = (homeId: string) => `/api/homes/${id(homeId)}/roster/template`;
export interface RosterImport {
  entries: number;
  added: number;
  kept: number;
  removed: number;
}
export const resetRosterBinding = (homeId: string, body: { name: string; memberNo: string; reason: string }) =>
  staffRequest<void>({ method: 'POST', path: `/api/homes/${id(homeId)}/roster/reset-binding`, data: body });

const rectificationPath = (campaignId: string, homeId: string) => `/api/campaigns/${id(campaignId)}/homes/${id(homeId)}/rectification`;
export const getRectification = (campaignId: string, homeId: string) =>
  staffRequest<Rectification>({ path: rectificationPath(campaignId, homeId) });
export const postRectification = (campaignId: string, homeId: string, body: RectificationRequest, key?: string) =>
  staffRequest<Rectification>({ method: 'POST', path: rectificationPath(campaignId, homeId), data: body, headers: once(key) });
export const signOffRectification = (campaignId: string, homeId: string) =>
  staffRequest<Rectification>({ method: 'POST', path: `${rectificationPath(campaignId, homeId)}/sign-off` });
export const sendBackRectification = (campaignId: string, homeId: string, reason: string) =>
  staffRequest<Rectification>({ method: 'POST', path: `${rectificationPath(campaignId, homeId)}/send-back`, data: { reason } });
export const getRectificationOverview = (orgId: string, campaignId: string, state?: RectificationState, page = 1) =>
  staffRequest<RectificationOverview>({
    path: `/api/orgs/${id(orgId)}/rectifications${queryString({ campaignId, state, page, pageSize: 20 })}`,
  });

/**
 * Accepting a chair invite. With a username and password (H5) it makes a new account; without (weapp)
 * it binds the role to the WeChat account the member token belongs to. Either way the answer is a staff
 * session, kept as the staff token.
 */
export async function acceptInvite(code: string, account?: AcceptInviteRequest): Promise<AuthResponse> {
  const path = `/api/invites/${id(code)}/accept`;
  let auth: AuthResponse;
  if (account) {
    auth = await request<AuthResponse>({ method: 'POST', path, data: account, auth: 'none' });
  } else {
    await ensureMemberLogin();
    auth = await request<AuthResponse>({ method: 'POST', path, data: {}, auth: 'member' });
  }
  saveToken('staff', auth.token);
  return auth;
}

/**
 * weapp: a chair who accepted an invite with WeChat signs in with WeChat again. The member session is
 * the same account; it becomes the staff session once the server says it holds a staff role.
 */
export async function staffLoginWithWechat(): Promise<MeResponse> {
  const token = await ensureMemberLogin();
  const me = await request<MeResponse>({ path: '/api/me', auth: 'member' });
  if (!me.roles.some((r) => r.role === 'chair' || r.role === 'federation_admin')) {
    throw new ApiRequestError(403, 'FORBIDDEN', '该微信账号还没有管理权限，请先接受工会发出的邀请');
  }
  saveToken('staff', token);
  return me;
}

export const importTemplatePath = (orgId: string) => `/api/orgs/${id(orgId)}/imports/template.xlsx`;
export const importUploadPath = (orgId: string) => `/api/orgs/${id(orgId)}/imports`;
export const importReportPath = (jobId: string) => `/api/imports/${id(jobId)}/report.xlsx`;
export const getImport = (jobId: string) => staffRequest<ImportJob>({ path: `/api/imports/${id(jobId)}` });
export const getImportRows = (jobId: string, outcome: ImportOutcome, page = 1) =>
  staffRequest<Page<ImportRowReport>>({ path: `/api/imports/${id(jobId)}/rows${queryString({ outcome, page, pageSize: 50 })}` });
export const applyImport = (jobId: string) => staffRequest<ImportJob>({ method: 'POST', path: `/api/imports/${id(jobId)}/apply` });

/** The settings of the province the org lies in (editable: the caller administers the province). */
export const getProvinceSettings = (orgId: string) => staffRequest<ProvinceSettingsView>({ path: `/api/orgs/${id(orgId)}/settings` });

export const saveProvinceSettings = (provinceId: string, settings: ProvinceSettings) =>
  staffRequest<ProvinceSettingsView>({ method: 'PUT', path: `/api/orgs/${id(provinceId)}/settings`, data: { settings } });

export const getCalendarYears = (orgId: string) => staffRequest<CalendarYears>({ path: `/api/orgs/${id(orgId)}/calendar/years` });

export const importHolidayArrangement = (provinceId: string, year: number, days: ArrangementDay[]) =>
  staffRequest<CalendarYears>({ method: 'PUT', path: `/api/orgs/${id(provinceId)}/calendar/years/${year}`, data: { days } });
