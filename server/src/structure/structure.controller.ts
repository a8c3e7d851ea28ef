import { Body, Controller, Delete, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Home, Org } from '@pingjia/shared';
import { AuthUser, CurrentUser } from '../common/auth.decorators';
import { uuidParam as uuid } from '../common/params';
import { MergeDto, MoveDto, UpdateHomeDto, UpdateOrgDto } from './dto';
import { StructureService } from './structure.service';
import { Idempotent } from '../common/idempotency';

// Each change is audited by the service, inside its own transaction.
@ApiTags('orgs')
@ApiBearerAuth()
@Controller()
export class StructureController {
  constructor(private readonly structure: StructureService) {}

  @Put('orgs/:id')
  updateOrg(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() dto: UpdateOrgDto): Promise<Org> {
    return this.structure.updateOrg(user.id, id, dto);
  }

  @Put('homes/:id')
  updateHome(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() dto: UpdateHomeDto): Promise<Home> {
    return this.structure.updateHome(user.id, id, dto);
  }

  @Post('orgs/:id/move')
  @HttpCode(200)
  moveOrg(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() dto: MoveDto): Promise<Org> {
    return this.structure.moveOrg(user.id, id, dto);
  }

  @Post('homes/:id/move')
  @HttpCode(200)
  moveHome(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() dto: MoveDto): Promise<Home> {
    return this.structure.moveHome(user.id, id, dto);
  }

  @Post('orgs/:id/deactivate')
  @HttpCode(200)
  deactivateOrg(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<Org> {
    return this.structure.setOrgActive(user.id, id, false);
  }

  @Post('orgs/:id/reactivate')
  @HttpCode(200)
  reactivateOrg(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<Org> {
    return this.structure.setOrgActive(user.id, id, true);
  }

  @Post('homes/:id/deactivate')
  @HttpCode(200)
  deactivateHome(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<Home> {
    return this.structure.setHomeActive(user.id, id, false);
  }

  @Post('homes/:id/reactivate')
  @HttpCode(200)
  reactivateHome(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<Home> {
    return this.structure.setHomeActive(user.id, id, true);
  }

  @Post('orgs/:id/merge')
  @Idempotent('orgs.merge')
  @HttpCode(200)
  mergeOrg(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() dto: MergeDto): Promise<Org> {
    return this.structure.mergeOrg(user.id, id, dto);
  }

  @Post('homes/:id/merge')
  @Idempotent('homes.merge')
  @HttpCode(200)
  mergeHome(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() dto: MergeDto): Promise<Home> {
    return this.structure.mergeHome(user.id, id, dto);
  }

  @Delete('orgs/:id')
  @HttpCode(204)
  deleteOrg(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<void> {
    return this.structure.deleteOrg(user.id, id);
  }

  @Delete('homes/:id')
  @HttpCode(204)
  deleteHome(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<void> {
    return this.structure.deleteHome(user.id, id);
  }
}
