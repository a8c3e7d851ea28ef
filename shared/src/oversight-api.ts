// API types for oversight: dashboards, league tables, invites, audit, rectification, public results.
import { CRITERION_KEYS, type CriterionKey } from './criteria';
import type { GrievanceStats } from './grievance-api';
import type { IntegrityFlagKind } from './integrity';
import type { RectificationState } from './rectification';
import type { MemberGroup } from './groups';
import type { CampaignStatus, Role } from './orgs';
import type { Thresholds, Tier } from './scoring';
import type { OpenCycle } from './api';

export interface TrendPoint {
  campaign: { id: string; name: string; status: CampaignStatus; opensAt: string };
  /** rounded down to 5 while the cycle is open */
  ratings: number;
  participationRate: number | null;
  /** null while the cycle is open or with fewer than 5 ratings */
  satisfactionRate: number | null;
  title: Tier | null;
}

/**
 * An approved comment: its text only. No day and no time order either: on a small home the day a
 * comment was written (or its place in a time-ordered list) could point at the member who wrote it.
 */
export interface DashboardComment {
  text: string;
}

export interface GroupFigures {
  ratings: number;
  satisfactionRate: number | null;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
}

/**
 * Per self-declared group, from the final figures only; a group is null unless it, everyone else, and
 * every cell the shown groups cut the raters into hold 0 or ≥ 5 ratings (publishableGroups).
 */
export type GroupsFigures = Record<MemberGroup, GroupFigures | null>;

/** League sort keys for a criteria list: the two rates, each criterion's mean, the name. */
export const leagueSortKeys = <K extends string>(criteria: readonly K[]) => ['satisfaction', 'participation', ...criteria, 'name'] as const;
export const LEAGUE_SORT_KEYS = leagueSortKeys(CRITERION_KEYS);
export type LeagueSortKey = (typeof LEAGUE_SORT_KEYS)[number];
export const LEAGUE_LEVELS = ['homes', 'children'] as const;
export type LeagueLevel = (typeof LEAGUE_LEVELS)[number];

export interface Figures {
  homes: number;
  members: number;
  ratings: number;
  participationRate: number | null;
  /** homes whose own figures may be shown (≥5 ratings): only these count toward scores below */
  reportedHomes: number;
  reportedRatings: number;
  satisfactionRate: number | null;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  means: Record<CriterionKey, number | null>;
}

export interface LeagueRow extends Figures {
  type: 'home' | 'org';
  id: string;
  name: string;
  /** a home's title this cycle (none unless valid); null for an org row or a withheld home */
  title: Tier | null;
  /** a home's participation reached 30% */
  valid: boolean | null;
}

export interface OrgDashboard {
  org: { id: string; name: string; level: string };
  campaign: { id: string; name: string; status: CampaignStatus } | null;
  /** non-null while the cycle is open: only participation (each home's rounded down to 5, sums of those) is shown */
  openCycle: OpenCycle | null;
  totals: Figures;
  /** homes per title this cycle (a title needs a valid cycle) */
  tiers: Record<Tier, number>;
  /** the thresholds this cycle's figures use: the province's, frozen when the cycle opened */
  thresholds: Thresholds;
  /** from 1 November: next year's holiday arrangement is not imported (text: missingArrangementText) */
  calendarWarning: { year: number } | null;
  league: {
    items: LeagueRow[];
    total: number;
    page: number;
    pageSize: number;
    sort: LeagueSortKey;
    order: 'asc' | 'desc';
    level: LeagueLevel;
  };
  lowParticipation: { total: number; items: Array<{ id: string; name: string; ratings: number; members: number; rate: number | null }> };
  /** 动态管理: homes whose title fell against the previous cycle of the same federation */
  lostTitles: {
    previousCampaign: { id: string; name: string } | null;
    total: number;
    items: Array<{ id: string; name: string; previous: Tier; current: Tier }>;
  };
  /** null until grievance figures are available */
  grievances: { total: number; open: number; overdue: number; escalated: number | null; onTimeRate: number | null } | null;
  /** homes of the subtree flagged this cycle (ratings refused past the member count, a burst of new accounts' first ratings) */
  integrityFlags: { total: number; items: Array<{ id: string; name: string; kinds: IntegrityFlagKind[] }> };
}

export interface InviteRequest {
  role: 'chair' | 'federation_admin';
}

export interface InviteResponse {
  /** 8 characters of INVITE_CODE_ALPHABET, shown once (only a keyed hash is stored) */
  code: string;
  expiresAt: string;
  /** the accept page with the code, to send or open */
  link: string;
  /** a PNG data URL: WeChat's mini-program code of the accept page, or a QR code of the link */
  qr: string;
}

/** What an invite is for, shown before it is accepted (GET /api/invites/:code). */
export interface InvitePreview {
  role: 'chair' | 'federation_admin';
  org: { id: string; name: string; type: 'org' | 'home' };
  /** the union the org or home belongs to, for telling namesakes apart */
  parentName: string | null;
  invitedBy: string;
  expiresAt: string;
}

/** A one-time password reset link made by the level above (POST …/grants/:grantId/password-reset). */
export interface PasswordResetResponse {
  code: string;
  link: string;
  expiresAt: string;
}

/** Whose password a reset link sets (GET /api/password-resets/:code). */
export interface PasswordResetPreview {
  username: string;
  expiresAt: string;
}

export interface AcceptInviteRequest {
  username?: string;
  password?: string;
}

export interface StaffGrant {
  id: string;
  role: Role;
  orgId: string;
  user: { id: string; username: string | null; displayName: string | null };
}

export interface AuditEvent {
  id: string;
  at: string;
  /** name: the account's display name, else its user name (staff only: members never act in the log) */
  actor: { userId: string; role: Role; name: string | null };
  action: string;
  /** name: the target's name when the action was taken */
  target: { type: string; id: string; name: string | null };
  detail: Record<string, string | number | boolean | null> | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * A comment held by moderation, listed to the level above only once its cycle is closed (comments are
 * released once, at the close) and without the day it was written, in no time order.
 */
export interface HeldComment {
  id: string;
  home: { id: string; name: string };
  campaign: { id: string; name: string };
  text: string;
}

export const RECTIFICATION_STATUSES = ['planned', 'sent_back', 'signed_off'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

export interface Rectification {
  campaignId: string;
  homeId: string;
  status: RectificationStatus;
  plan: string;
  planOn: string;
  updates: Array<{ text: string; day: string }>;
  signedOffOn: string | null;
  /** the level above's 退回 with its reason, until the chair revises the plan (never in public results) */
  sentBack: { reason: string; on: string } | null;
}

/** POST …/rectification/send-back */
export interface RectificationSendBack {
  reason: string;
}

/** GET /api/orgs/:id/rectifications?campaignId=&state=&page=&pageSize= */
export interface RectificationOverview extends Page<RectificationOverviewItem> {
  campaign: { id: string; name: string; status: string; planDue: string };
  /** homes in each state, over the whole scope (before the state filter) */
  counts: Record<RectificationState, number>;
}

export interface RectificationOverviewItem {
  home: { id: string; name: string };
  state: RectificationState;
  planOn: string | null;
  updates: number;
  lastUpdateOn: string | null;
  signedOffOn: string | null;
  sentBack: { reason: string; on: string } | null;
}

export interface RectificationRequest {
  plan?: string;
  progress?: string;
}

/** GET /api/homes/:id/results (public): the latest published cycle, privacy rules applied. */
export interface PublicResults {
  home: { id: string; name: string };
  campaign: { id: string; name: string } | null;
  results: {
    ratings: number;
    participationRate: number | null;
    valid: boolean;
    satisfactionRate: number | null;
    means: Record<CriterionKey, number | null> | null;
    title: Tier | null;
  } | null;
  rectification: Rectification | null;
}

export type { GrievanceStats };
