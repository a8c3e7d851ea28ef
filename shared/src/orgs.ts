export const ORG_LEVELS = ['province', 'city', 'county', 'street'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];
export const ORG_LEVEL_LABELS: Record<OrgLevel, string> = {
  province: '省总工会',
  city: '市总工会',
  county: '县（区）总工会',
  street: '街道（园区）工会',
};

// A child sits strictly below its parent: a city under a province, never a province under a city.
export function canNestOrg(parent: OrgLevel, child: OrgLevel): boolean {
  return ORG_LEVELS.indexOf(child) > ORG_LEVELS.indexOf(parent);
}

export const HOME_KINDS = ['enterprise', 'joint'] as const;
export type HomeKind = (typeof HOME_KINDS)[number];
export const HOME_KIND_LABELS: Record<HomeKind, string> = {
  enterprise: '企业职工之家',
  joint: '联合职工之家（区域/行业）',
};

/** A home's member or worker count is a whole number from 1 up to this (API fields and bulk import). */
export const HEAD_COUNT_MAX = 10_000_000;

export const MEMBERSHIP_MODES = ['open', 'roster'] as const;
export type MembershipMode = (typeof MEMBERSHIP_MODES)[number];

export const OWNERSHIPS = ['state', 'collective', 'private', 'foreign', 'institution', 'social'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];
export const OWNERSHIP_LABELS: Record<Ownership, string> = {
  state: '国有',
  collective: '集体',
  private: '民营',
  foreign: '外资',
  institution: '事业单位',
  social: '社会组织',
};

// A cycle's life: draft (being prepared, editable) → scheduled (editable; opens by itself at opensAt) →
// open → closed (by itself at closesAt, or by the owner) → published. A draft may be cancelled.
export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'open', 'closed', 'published', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: '草稿',
  scheduled: '待开始',
  open: '评议中',
  closed: '已结束',
  published: '已公布',
  cancelled: '已取消',
};

const CAMPAIGN_MOVES: Record<CampaignMove, { from: CampaignStatus[]; to: CampaignStatus }> = {
  schedule: { from: ['draft'], to: 'scheduled' },
  unschedule: { from: ['scheduled'], to: 'draft' },
  open: { from: ['draft', 'scheduled'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
  publish: { from: ['closed'], to: 'published' },
  cancel: { from: ['draft'], to: 'cancelled' },
};
export type CampaignMove = 'schedule' | 'unschedule' | 'open' | 'close' | 'publish' | 'cancel';

// null when the move is not allowed from this status (the API answers 409).
export function nextCampaignStatus(current: CampaignStatus, move: CampaignMove): CampaignStatus | null {
  const rule = CAMPAIGN_MOVES[move];
  return rule && rule.from.includes(current) ? rule.to : null;
}

/** Name, dates and scope may change only before the cycle opens. */
export function isCampaignEditable(status: CampaignStatus): boolean {
  return status === 'draft' || status === 'scheduled';
}

/** Cycles that have opened: the ones with figures, which dashboards, trends and pickers show. */
export const CAMPAIGN_STARTED_STATUSES: readonly CampaignStatus[] = ['open', 'closed', 'published'];

/** Statuses in which a cycle holds its homes: no other such cycle may overlap it in time over a shared home. */
export const CAMPAIGN_HOLDING_STATUSES: readonly CampaignStatus[] = ['scheduled', 'open'];

export const ROLES = ['member', 'chair', 'federation_admin'] as const;
export type Role = (typeof ROLES)[number];
