import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { HeldComment, HomeDashboard, LEAGUE_LEVELS, LEAGUE_SORT_KEYS, LeagueLevel, LeagueSortKey, OrgDashboard, Page } from '@pingjia/shared';
import { AuthUser, CurrentUser } from '../common/auth.decorators';
import { invalid, notFound } from '../common/domain-error';
import { paging } from '../common/paging';
import { uuidParam as uuid } from '../common/params';
import { CommentModerationService } from './comment-moderation.service';
import { DashboardService } from './dashboard.service';
import { LeagueQuery, OrgDashboardService } from './org-dashboard.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed campaign id names nothing: 404 like one the caller may not see. */
export function campaignParam(campaignId: string | undefined): string | undefined {
  if (campaignId !== undefined && !UUID.test(campaignId)) throw notFound();
  return campaignId;
}

function leagueQuery(sort = 'satisfaction', order?: string, level = 'homes', page?: string, pageSize?: string): LeagueQuery {
  const fields: Record<string, string> = {};
  // Only allow-listed keys reach the SQL: anything else is a 400, never an ORDER BY of user text.
  if (!(LEAGUE_SORT_KEYS as readonly string[]).includes(sort)) fields.sort = `可选：${LEAGUE_SORT_KEYS.join('、')}`;
  if (order !== undefined && order !== 'asc' && order !== 'desc') fields.order = '可选：asc、desc';
  if (!(LEAGUE_LEVELS as readonly string[]).includes(level)) fields.level = `可选：${LEAGUE_LEVELS.join('、')}`;
  if (Object.keys(fields).length) throw invalid(fields);
  const key = sort as LeagueSortKey;
  return { sort: key, order: (order as 'asc' | 'desc' | undefined) ?? (key === 'name' ? 'asc' : 'desc'), level: level as LeagueLevel, paging: paging(page, pageSize, 20, 100) };
}

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller()
export class DashboardController {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly orgDashboard: OrgDashboardService,
    private readonly moderation: CommentModerationService,
  ) {}

  @Get('homes/:id/dashboard')
  @ApiQuery({ name: 'campaignId', required: false })
  home(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Query('campaignId') campaignId?: string): Promise<HomeDashboard> {
    return this.dashboard.home(user.id, id, campaignParam(campaignId));
  }

  @Get('orgs/:id/dashboard')
  @ApiQuery({ name: 'campaignId', required: false })
  @ApiQuery({ name: 'sort', required: false, enum: LEAGUE_SORT_KEYS })
  @ApiQuery({ name: 'order', required: false, enum: ['asc', 'desc'] })
  @ApiQuery({ name: 'level', required: false, enum: LEAGUE_LEVELS })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  org(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Query('campaignId') campaignId?: string,
    @Query('sort') sort?: string,
    @Query('order') order?: string,
    @Query('level') level?: string,
    @Query('page') page?: string,
    @Query('pageSize') pageSize?: string,
  ): Promise<OrgDashboard> {
    return this.orgDashboard.dashboard(user.id, id, campaignParam(campaignId), leagueQuery(sort, order, level, page, pageSize));
  }

  /** Comments held by moderation in the org's subtree, for the upper-level union to decide. */
  @Get('orgs/:id/held-comments')
  held(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Query('page') page?: string, @Query('pageSize') pageSize?: string): Promise<Page<HeldComment>> {
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
