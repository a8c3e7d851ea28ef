import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { EndorsementFigures, MyEndorsement } from '@pingjia/shared';
import { AuthUser, CurrentUser, Public } from '../common/auth.decorators';
import { uuidParam as uuid } from '../common/params';
import { EndorsementDto } from './dto';
import { EndorsementsService } from './endorsements.service';

@ApiTags('rectification')
@ApiBearerAuth()
@Controller('campaigns/:cid/homes/:hid/endorsements')
export class EndorsementsController {
  constructor(private readonly endorsements: EndorsementsService) {}

  /** Public: how many members answered (rounded down to 5 until sign-off), and the split after it. */
  @Public()
  @Get()
  figures(@Param('cid', uuid) cid: string, @Param('hid', uuid) hid: string): Promise<EndorsementFigures> {
    return this.endorsements.figures(cid, hid);
  }

  @Get('mine')
  mine(@CurrentUser() user: AuthUser, @Param('cid', uuid) cid: string, @Param('hid', uuid) hid: string): Promise<MyEndorsement> {
    return this.endorsements.mine(user.id, cid, hid);
  }

  /** 认可 or 不认可: given or changed; 409 after sign-off, 403 for staff accounts and unverified roster members. */
  @Put('mine')
  put(
    @CurrentUser() user: AuthUser,
    @Param('cid', uuid) cid: string,
    @Param('hid', uuid) hid: string,
    @Body() dto: EndorsementDto,
  ): Promise<MyEndorsement> {
    return this.endorsements.put(user.id, cid, hid, dto.verdict);
  }
}
