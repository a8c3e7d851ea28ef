// Request and response bodies of the public HTTP API (../shared/api.md), used by server and mini-program.
import type { CriterionKey, Scores } from './criteria';
import type { MemberGroup } from './groups';
import type { CampaignStatus, HomeKind, MembershipMode, OrgLevel, Ownership, Role } from './orgs';
import type { Thresholds, Tier } from './scoring';
import type { Verdict } from './verdicts';
import type { DashboardComment, GroupsFigures, GrievanceStats, TrendPoint } from './oversight-api';
import type { CommentsWithheld } from './privacy';

export interface RoleGrant {
  role: Role;
  orgId: string;
}

export interface MeResponse {
  id: string;
  displayName: string | null;
  roles: RoleGrant[];
}

export interface AuthResponse {
  token: string;
  expiresIn: number;
  user: MeResponse;
}

export interface PasswordLoginRequest {
  username: string;
  password: string;
}

export interface DevLoginRequest {
  openid: string;
}

export interface WechatLoginRequest {
  code: string;
}

export interface Org {
  id: string;
  parentId: string | null;
  name: string;
  level: OrgLevel;
  /** false once deactivated: kept in history, hidden from new cycles and QR scans */
  active: boolean;
}

export interface CreateOrgRequest {
  parentId: string;
  name: string;
  level: OrgLevel;
}

export interface Home {
  id: string;
  orgId: string;
  name: string;
  kind: HomeKind;
  memberCount: number;
  /** workers of the unit (for 入会率, which 全国模范 needs); null when unknown */
  workerCount: number | null;
  membershipMode: MembershipMode;
  ownership: Ownership | null;
  industry: string | null;
  sceneToken: string;
  /** false once deactivated: kept in history, hidden from new cycles and QR scans */
  active: boolean;
}

export interface CreateHomeRequest {
  orgId: string;
  name: string;
  kind: HomeKind;
  memberCount: number;
  workerCount?: number;
  membershipMode: MembershipMode;
  ownership?: Ownership;
  industry?: string;
}

/** PUT /api/orgs/:id: what is sent changes, what is left out stays */
export interface UpdateOrgRequest {
  name?: string;
  level?: OrgLevel;
}

/** PUT /api/homes/:id: what is sent changes (null clears an optional field), what is left out stays */
export interface UpdateHomeRequest {
  name?: string;
  kind?: HomeKind;
  memberCount?: number;
  workerCount?: number | null;
  membershipMode?: MembershipMode;
  ownership?: Ownership | null;
  industry?: string | null;
}

export interface OrgChildren {
  items: Array<({ type: 'org' } & Org) | ({ type: 'home' } & Home)>;
}

export interface Campaign {
  id: string;
  orgId: string;
  name: string;
  status: CampaignStatus;
  opensAt: string;
  closesAt: string;
}

export interface CreateCampaignRequest {
  orgId: string;
  name: string;
  opensAt: string;
  closesAt: string;
}

/** While draft or scheduled: any of name, dates and scope (the org whose subtree it covers). */
export type UpdateCampaignRequest = Partial<CreateCampaignRequest>;

/** While open: a later close. */
export interface ExtendCampaignRequest {
  closesAt: string;
}

/** A cycle as an admin's list shows it: who owns it, and whether the caller may manage it (its owner's admins). */
export interface CampaignListItem extends Campaign {
  owner: { id: string; name: string };
  manageable: boolean;
}

/** What the app shows before closing or publishing: the cycle, the federation that owns it, how many homes it covers. */
export interface CampaignConfirmation {
  campaign: Campaign;
  owner: { id: string; name: string };
  homes: number;
}

/**
 * POST /api/campaigns/:id/close and …/publish: what the admin confirmed, as the confirmation named it
 * (CampaignConfirmation). A different name or home count (the cycle or its homes changed meanwhile,
 * or nothing was shown) is refused with 409 CONFIRMATION_MISMATCH naming the current figures.
 */
export interface CampaignConfirmRequest {
  name: string;
  homes: number;
}

export interface SceneLookup {
  home: { id: string; name: string; orgName: string; membershipMode: MembershipMode };
  campaign: { id: string; name: string; closesAt: string; status: CampaignStatus } | null;
}

export interface RatingRequest {
  scores: Scores;
  verdict: Verdict;
  comment?: string;
  groups?: MemberGroup[];
}

export interface Rating {
  campaignId: string;
  homeId: string;
  scores: Scores;
  verdict: Verdict;
  comment: string | null;
  groups: MemberGroup[];
  /** the day of the last change (times are coarsened to the day) */
  updatedOn: string;
}

export interface RatingResponse {
  rating: Rating;
}

export interface CriterionFigures {
  mean: number | null;
  /** counts of scores 1..5; null where the privacy rules withhold it */
  distribution: number[] | null;
}

/** Set while the cycle is not closed: only participation (rounded down to 5) is shown until then. */
export interface OpenCycle {
  closesAt: string;
  /** China calendar days until the closing day (0: it closes today) */
  daysLeft: number;
}

export interface HomeDashboard {
  home: { id: string; name: string };
  campaign: { id: string; name: string; status: CampaignStatus } | null;
  /** non-null while the cycle is open: every figure but participation is null, and participation is rounded down to 5 */
  openCycle: OpenCycle | null;
  participation: { ratings: number; members: number; rate: number | null; valid: boolean };
  /** null while too few ratings to show anything without exposing raters */
  satisfaction: { rate: number | null; satisfied: number; basicallySatisfied: number; dissatisfied: number } | null;
  criteria: Record<CriterionKey, CriterionFigures> | null;
  tier: { current: Tier; next: Tier | null; gap: number | null } | null;
  withheld: boolean;
  /** the title this cycle earns (none unless ≥30% took part); null while withheld */
  title: Tier | null;
  /** this home's cycles, oldest first, each with the privacy rules applied */
  trend: TrendPoint[];
  /** approved comments (text only, sorted by text); null while the cycle is open or below 10 ratings */
  comments: DashboardComment[] | null;
  /** why `comments` is null (null when they are shown); text: commentsWithheldText */
  commentsWithheld: CommentsWithheld | null;
  /** per self-declared group, final figures only; a group is null unless publishableGroups lets it show */
  groups: GroupsFigures | null;
  /** null when grievance figures are not available */
  grievances: GrievanceStats | null;
  /** the thresholds this cycle's figures use: the province's, frozen when the cycle opened */
  thresholds: Thresholds;
}

/** GET /api/config: what the mini-program needs to know before it logs in. */
export interface ClientConfig {
  devLogin: boolean;
  wechatLogin: boolean;
  /** subscribe-message template for grievance progress (wx.requestSubscribeMessage); null when none can be sent */
  grievanceTemplateId: string | null;
  /** WeChat web authorisation for the H5 app in WeChat's browser (snsapi_base); null when not configured */
  wechatWeb: { appId: string; authorizeUrl: string } | null;
}

/** POST /api/homes/:id/membership (roster homes): 204 when the roster has this member. */
export interface MembershipRequest {
  name: string;
  memberNo: string;
}

/** GET /api/homes/:id/membership: the home's mode and whether the caller may rate it. */
export interface MembershipStatus {
  mode: MembershipMode;
  verified: boolean;
}

/**
 * A roster home's roster as its staff see it: its size and how many entries are bound to an account.
 * The home's own chair gets the bound count rounded down to a multiple of 5 (watching it must not
 * tell when one member verified); the level above gets it exact.
 */
export interface RosterSummary {
  entries: number;
  bound: number;
  boundRounded: boolean;
}
