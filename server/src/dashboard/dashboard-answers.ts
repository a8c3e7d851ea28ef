import { Inject, Injectable } from '@nestjs/common';
import { LEAGUE_LEVELS, LEAGUE_SORT_KEYS, LeagueLevel, LeagueSortKey } from '@pingjia/shared';
import type { AuthUser } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { invalid } from '../common/domain-error';
import { paging } from '../common/paging';
import { campaignParam } from '../common/params';
import { ResponseCache } from '../common/response-cache';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ReadReplicas } from '../database/read-replicas';
import { AccessPolicy } from '../orgs/access-policy';
import { TreeChanges } from '../orgs/tree-changes';
import type { HomeAccess } from './home-answer';
import { HomeReaders } from './home-readers';
import { LeagueQuery, OrgDashboardService } from './org-dashboard.service';

const json = (value: unknown) => Buffer.from(JSON.stringify(value));
/** The dashboards' content type, set by the controller and by the cached reads. */
export const JSON_TYPE = 'application/json; charset=utf-8';

/** An org dashboard's query parameters, as they came. */
export interface OrgDashboardParams {
  campaignId?: string;
  sort?: string;
  order?: string;
  level?: string;
  page?: string;
  pageSize?: string;
}

function leagueQuery({ sort = 'satisfaction', order, level = 'homes', page, pageSize }: OrgDashboardParams): LeagueQuery {
  const fields: Record<string, string> = {};
  // Only allow-listed keys reach the SQL: anything else is a 400, never an ORDER BY of user text.
  if (!(LEAGUE_SORT_KEYS as readonly string[]).includes(sort)) fields.sort = `可选：${LEAGUE_SORT_KEYS.join('、')}`;
  if (order !== undefined && order !== 'asc' && order !== 'desc') fields.order = '可选：asc、desc';
  if (!(LEAGUE_LEVELS as readonly string[]).includes(level)) fields.level = `可选：${LEAGUE_LEVELS.join('、')}`;
  if (Object.keys(fields).length) throw invalid(fields);
  const key = sort as LeagueSortKey;
  return {
    sort: key,
    order: (order as 'asc' | 'desc' | undefined) ?? (key === 'name' ? 'asc' : 'desc'),
    level: level as LeagueLevel,
    paging: paging(page, pageSize, 20, 100),
  };
}

const accessKey = (user: AuthUser, id: string) => `${user.id}:${user.tokenVersion}:${id}`;
const homeKey = (id: string, cid: string | undefined, upperLevel: boolean) => `${id}:${cid ?? ''}:${upperLevel}`;
const orgKey = (id: string, cid: string | undefined, q: LeagueQuery) =>
  [id, cid ?? '', q.sort, q.order, q.level, q.paging.page, q.paging.pageSize].join(':');

// The home and org dashboards' answers, for the controller (which computes and fills) and for the cached
// reads outside Nest's pipeline (dashboard/cached-reads.ts, which only takes what is there): one set of
// caches and keys, so both answer the same bytes under the same rules.
// Reused answers (DASHBOARD_CACHE_SECONDS, on the Clock): the figures, the same for everyone allowed to
// see them, are shared. A home's answer differs by whether the caller is above it (grievances about the
// union itself), so that is part of its key. Access is checked on the primary; the figures are read from
// a read replica when there are any. A home's access decision and answer missing from the caches are
// computed by HomeReaders (off the request thread on SQLite), the decision first. Answers are kept as their JSON bytes: a reused answer is sent as it
// is, not serialised again per caller. Access decisions are reused for the same span, per caller and
// token version: a removed grant or a move of the tree bumps the version (the old token is refused, a new
// one decides afresh); refusals are never kept.
@Injectable()
export class DashboardAnswers {
  private readonly homes: ResponseCache<Buffer>;
  private readonly orgs: ResponseCache<Buffer>;
  private readonly homeAccess: ResponseCache<HomeAccess>;
  private readonly orgAccess: ResponseCache<unknown>;

  constructor(
    private readonly readers: HomeReaders,
    private readonly orgDashboard: OrgDashboardService,
    private readonly access: AccessPolicy,
    private readonly replicas: ReadReplicas,
    tree: TreeChanges,
    clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const now = () => clock.now().getTime();
    this.homes = new ResponseCache(config.dashboardCacheMs, 5000, now);
    this.orgs = new ResponseCache(config.dashboardCacheMs, 1000, now);
    this.homeAccess = new ResponseCache(config.dashboardCacheMs, 10_000, now);
    this.orgAccess = new ResponseCache(config.dashboardCacheMs, 10_000, now);
    // A move or merge of the tree: no org answer listing a home where it was (OrgDashboardService drops its subtrees too).
    tree.onChange(() => this.orgs.clear());
  }

  async home(user: AuthUser, id: string, campaignId?: string): Promise<Buffer> {
    const cid = campaignParam(campaignId);
    const { home, upperLevel } = await this.homeAccess.get(accessKey(user, id), () => this.readers.access(user.id, id));
    return this.homes.get(homeKey(id, cid, upperLevel), () => this.readers.read({ home, upperLevel, cid }));
  }

  async org(user: AuthUser, id: string, params: OrgDashboardParams): Promise<Buffer> {
    const cid = campaignParam(params.campaignId);
    const q = leagueQuery(params);
    await this.orgAccess.get(accessKey(user, id), () => this.access.orgForAdmin(user.id, id));
    return this.orgs.get(orgKey(id, cid, q), async () =>
      json(await this.replicas.read(() => this.orgDashboard.dashboard(user.id, id, cid, q))),
    );
  }

  /** What `home` would answer now from its caches alone (the access decision and the answer); undefined if anything is missing. Throws as `home` does on a bad parameter. */
  cachedHome(user: AuthUser, id: string, campaignId?: string): Buffer | undefined {
    const cid = campaignParam(campaignId);
    const access = this.homeAccess.peek(accessKey(user, id));
    return access && this.homes.peek(homeKey(id, cid, access.value.upperLevel))?.value;
  }

  /** What `org` would answer now from its caches alone; undefined if anything is missing. Throws as `org` does on a bad parameter. */
  cachedOrg(user: AuthUser, id: string, params: OrgDashboardParams): Buffer | undefined {
    const cid = campaignParam(params.campaignId);
    const q = leagueQuery(params);
    return this.orgAccess.peek(accessKey(user, id)) && this.orgs.peek(orgKey(id, cid, q))?.value;
  }
}
