import { Controller, Get, Header, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { HeldComment, LEAGUE_LEVELS, LEAGUE_SORT_KEYS, LeagueLevel, LeagueSortKey, Page } from '@pingjia/shared';
import { AccessPolicy } from '../orgs/access-policy';
import type { Home } from '../orgs/home.entity';
import { AuthUser, CurrentUser } from '../common/auth.decorators';
import { ResponseCache } from '../common/response-cache';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ReadReplicas } from '../database/read-replicas';
import { invalid } from '../common/domain-error';
import { paging } from '../common/paging';
import { campaignParam, uuidParam as uuid } from '../common/params';
import { CommentModerationService } from './comment-moderation.service';
import { DashboardService } from './dashboard.service';
import { LeagueQuery, OrgDashboardService } from './org-dashboard.service';

const JSON_TYPE = 'application/json; charset=utf-8';
const json = (value: unknown) => Buffer.from(JSON.stringify(value));

function leagueQuery(sort = 'satisfaction', order?: string, level = 'homes', page?: string, pageSize?: string): LeagueQuery {
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

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller()
export class DashboardController {
  // Reused answers (DASHBOARD_CACHE_SECONDS): the caller's access is checked on every request; only the
  // figures, the same for everyone allowed to see them, are shared. A home's answer differs by whether
  // the caller is above it (grievances about the union itself), so that is part of its key.
  // Access is checked on the primary; the figures are read from a read replica when there are any.
  // Answers are kept as their JSON bytes: a reused answer is sent as it is, not serialised again per caller.
  // Access decisions are reused for the same span, per caller and token version: a removed grant bumps
  // the version (the old token is refused, a new one decides afresh); refusals are never kept.
  private readonly homes: ResponseCache<Buffer>;
  private readonly orgs: ResponseCache<Buffer>;
  private readonly homeAccess: ResponseCache<{ home: Home; upperLevel: boolean }>;
  private readonly orgAccess: ResponseCache<unknown>;

  constructor(
    private readonly dashboard: DashboardService,
    private readonly orgDashboard: OrgDashboardService,
    private readonly moderation: CommentModerationService,
    private readonly access: AccessPolicy,
    private readonly replicas: ReadReplicas,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.homes = new ResponseCache(config.dashboardCacheMs, 5000);
    this.orgs = new ResponseCache(config.dashboardCacheMs);
    this.homeAccess = new ResponseCache(config.dashboardCacheMs, 10_000);
    this.orgAccess = new ResponseCache(config.dashboardCacheMs, 10_000);
  }

  @Get('homes/:id/dashboard')
  @Header('content-type', JSON_TYPE)
  @ApiOkResponse({ description: 'HomeDashboard (shared/src/api-types)' })
  @ApiQuery({ name: 'campaignId', required: false })
  async home(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Query('campaignId') campaignId?: string): Promise<Buffer> {
    const cid = campaignParam(campaignId);
    const { home, upperLevel } = await this.homeAccess.get(`${user.id}:${user.tokenVersion}:${id}`, () =>
      this.access.homeWithLevel(user.id, id),
    );
    return this.homes.get(`${id}:${cid ?? ''}:${upperLevel}`, async () =>
      json(await this.replicas.read(() => this.dashboard.forHome(home, upperLevel, cid))),
    );
  }

  @Get('orgs/:id/dashboard')
  @ApiQuery({ name: 'campaignId', required: false })
  @ApiQuery({ name: 'sort', required: false, enum: LEAGUE_SORT_KEYS })
  @ApiQuery({ name: 'order', required: false, enum: ['asc', 'desc'] })
  @ApiQuery({ name: 'level', required: false, enum: LEAGUE_LEVELS })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  @Header('content-type', JSON_TYPE)
  @ApiOkResponse({ description: 'OrgDashboard (shared/src/api-types)' })
  async org(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Query('campaignId') campaignId?: string,
    @Query('sort') sort?: string,
    @Query('order') order?: string,
    @Query('level') level?: string,
    @Query('page') page?: string,
    @Query('pageSize') pageSize?: string,
  ): Promise<Buffer> {
    const cid = campaignParam(campaignId);
    const q = leagueQuery(sort, order, level, page, pageSize);
    await this.orgAccess.get(`${user.id}:${user.tokenVersion}:${id}`, () => this.access.orgForAdmin(user.id, id));
    const key = [id, cid ?? '', q.sort, q.order, q.level, q.paging.page, q.paging.pageSize].join(':');
    return this.orgs.get(key, async () => json(await this.replicas.read(() => this.orgDashboard.dashboard(user.id, id, cid, q))));
  }

  /** Comments held by moderation in the org's subtree, for the upper-level union to decide. */
  @Get('orgs/:id/held-comments')
  held(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Query('page') page?: string,
    @Query('pageSize') pageSize?: string,
  ): Promise<Page<HeldComment>> {
    return this.moderation.held(user.id, id, paging(page, pageSize, 20, 100));
  }

  @Post('comments/:id/approve')
  @HttpCode(204)
  async approve(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<void> {
    await this.moderation.decide(user.id, id, true);
  }

  @Post('comments/:id/reject')
  @HttpCode(204)
  async reject(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<void> {
    await this.moderation.decide(user.id, id, false);
  }
}
