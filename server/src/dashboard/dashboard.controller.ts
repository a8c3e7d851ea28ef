import { Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { HeldComment, LEAGUE_LEVELS, LEAGUE_SORT_KEYS, Page } from '@pingjia/shared';
import { AuthUser, CurrentUser } from '../common/auth.decorators';
import { paging } from '../common/paging';
import { uuidParam as uuid } from '../common/params';
import { CommentModerationService } from './comment-moderation.service';
import { DashboardAnswers, JSON_TYPE } from './dashboard-answers';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller()
export class DashboardController {
  // The answers and their caches are DashboardAnswers' (shared with the cached reads outside Nest).
  constructor(
    private readonly answers: DashboardAnswers,
    private readonly moderation: CommentModerationService,
  ) {}

  @Get('homes/:id/dashboard')
  @Header('content-type', JSON_TYPE)
  @ApiOkResponse({ description: 'HomeDashboard (shared/src/api-types)' })
  @ApiQuery({ name: 'campaignId', required: false })
  home(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Query('campaignId') campaignId?: string): Promise<Buffer> {
    return this.answers.home(user, id, campaignId);
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
  org(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Query('campaignId') campaignId?: string,
    @Query('sort') sort?: string,
    @Query('order') order?: string,
    @Query('level') level?: string,
    @Query('page') page?: string,
    @Query('pageSize') pageSize?: string,
  ): Promise<Buffer> {
    return this.answers.org(user, id, { campaignId, sort, order, level, page, pageSize });
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
