import type { Home as HomeView, Org as OrgView } from '@pingjia/shared';
import type { Home } from './home.entity';
import type { Org } from './org.entity';

export const toOrgView = (o: Org): OrgView => ({ id: o.id, parentId: o.parentId, name: o.name, level: o.level, active: !o.deactivatedAt });

export const toHomeView = (h: Home): HomeView => ({
  id: h.id,
  orgId: h.orgId,
  name: h.name,
  kind: h.kind,
  memberCount: h.memberCount,
  workerCount: h.workerCount ?? null,
  membershipMode: h.membershipMode,
  ownership: h.ownership,
  industry: h.industry,
  sceneToken: h.sceneToken,
  active: !h.deactivatedAt,
});
