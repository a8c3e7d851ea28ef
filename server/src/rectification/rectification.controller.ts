import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { PublicResults, RECTIFICATION_STATES, Rectification, RectificationOverview } from '@pingjia/shared';
import { AuthUser, CurrentUser, Public } from '../common/auth.decorators';
import { paging } from '../common/paging';
import { campaignParam, uuidParam as uuid } from '../common/params';
import { RectificationDto, SendBackDto } from './dto';
import { RectificationOverviewService } from './rectification-overview.service';
import { RectificationService } from './rectification.service';
import { Idempotent } from '../common/idempotency';

@ApiTags('rectification')
@ApiBearerAuth()
@Controller()
export class RectificationController {
  constructor(
    private readonly rectification: RectificationService,
    private readonly overviews: RectificationOverviewService,
  ) {}

  @Get('campaigns/:cid/homes/:hid/rectification')
  get(@CurrentUser() user: AuthUser, @Param('cid', uuid) cid: string, @Param('hid', uuid) hid: string): Promise<Rectification> {
    return this.rectification.get(user.id, cid, hid);
  }

  /** `{ plan }` posts or revises the plan; `{ progress }` adds a progress report. 409 before the cycle closes or after sign-off. */
  @Post('campaigns/:cid/homes/:hid/rectification')
  @Idempotent('rectification.post')
  @HttpCode(200)
  post(
    @CurrentUser() user: AuthUser,
    @Param('cid', uuid) cid: string,
    @Param('hid', uuid) hid: string,
    @Body() dto: RectificationDto,
  ): Promise<Rectification> {
    return this.rectification.post(user.id, cid, hid, dto);
  }

  @Post('campaigns/:cid/homes/:hid/rectification/sign-off')
  @HttpCode(200)
  signOff(@CurrentUser() user: AuthUser, @Param('cid', uuid) cid: string, @Param('hid', uuid) hid: string): Promise<Rectification> {
    return this.rectification.signOff(user.id, cid, hid);
  }

  /** 退回: the level above returns the plan with a reason (audited); the chair revises it. */
  @Post('campaigns/:cid/homes/:hid/rectification/send-back')
  @HttpCode(200)
  sendBack(
    @CurrentUser() user: AuthUser,
    @Param('cid', uuid) cid: string,
    @Param('hid', uuid) hid: string,
    @Body() dto: SendBackDto,
  ): Promise<Rectification> {
    return this.rectification.sendBack(user.id, cid, hid, dto.reason);
  }

  /** The federations' follow-up list for a closed cycle: every home of the subtree and where its plan stands. */
  @Get('orgs/:id/rectifications')
  @ApiQuery({ name: 'campaignId', required: true })
  @ApiQuery({ name: 'state', required: false, enum: RECTIFICATION_STATES })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  overview(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Query('campaignId') campaignId?: string,
    @Query('state') state?: string,
    @Query('page') page?: string,
    @Query('pageSize') pageSize?: string,
  ): Promise<RectificationOverview> {
    return this.overviews.overview(user.id, id, campaignParam(campaignId), state, paging(page, pageSize, 20, 100));
  }

  /** Public: what members see on the home page after results are published. */
  @Public()
  @Get('homes/:id/results')
  results(@Param('id', uuid) id: string): Promise<PublicResults> {
    return this.rectification.publicResults(id);
  }
}
