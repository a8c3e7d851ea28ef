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

export const CAMPAIGN_STATUSES = ['draft', 'open', 'closed', 'published'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: '未开始',
  open: '评议中',
  closed: '已结束',
  published: '已公布',
};

const CAMPAIGN_MOVES: Record<string, { from: CampaignStatus[]; to: CampaignStatus }> = {
  open: { from: ['draft'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
  publish: { from: ['closed'], to: 'published' },
};
export type CampaignMove = 'open' | 'close' | 'publish';

// null when the move is not allowed from this status (the API answers 409).
export function nextCampaignStatus(current: CampaignStatus, move: CampaignMove): CampaignStatus | null {
  const rule = CAMPAIGN_MOVES[move];
  return rule && rule.from.includes(current) ? rule.to : null;
}

export const ROLES = ['member', 'chair', 'federation_admin'] as const;
export type Role = (typeof ROLES)[number];
