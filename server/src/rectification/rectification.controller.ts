import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { PublicResults, Rectification } from '@pingjia/shared';
import { AuthUser, CurrentUser, Public } from '../common/auth.decorators';
import { uuidParam as uuid } from '../common/params';
import { RectificationDto } from './dto';
import { RectificationService } from './rectification.service';
import { Idempotent } from '../common/idempotency';

@ApiTags('rectification')
@ApiBearerAuth()
@Controller()
export class RectificationController {
  constructor(private readonly rectification: RectificationService) {}

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

  /** Public: what members see on the home page after results are published. */
  @Public()
  @Get('homes/:id/results')
  results(@Param('id', uuid) id: string): Promise<PublicResults> {
    return this.rectification.publicResults(id);
  }
}
