import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Home, Org, OrgChildren } from '@pingjia/shared';
import { AuthUser, CurrentUser } from '../common/auth.decorators';
import { CreateHomeDto, CreateOrgDto } from './dto';
import { OrgsService } from './orgs.service';
import { uuidParam as uuid } from '../common/params';
import { Audited } from '../common/audited';
import { Idempotent } from '../common/idempotency';

@ApiTags('orgs')
@ApiBearerAuth()
@Controller()
export class OrgsController {
  constructor(private readonly orgs: OrgsService) {}

  @Post('orgs')
  @Idempotent('orgs.create')
  @Audited({ action: 'org.create', target: 'org', idFrom: 'result', detail: (o) => ({ level: o.level }) })
  createOrg(@CurrentUser() user: AuthUser, @Body() dto: CreateOrgDto): Promise<Org> {
    return this.orgs.createOrg(user.id, dto);
  }

  @Get('orgs/:id')
  getOrg(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<Org> {
    return this.orgs.getOrg(user.id, id);
  }

  @Get('orgs/:id/children')
  children(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<OrgChildren> {
    return this.orgs.children(user.id, id);
  }

  @Post('homes')
  @Idempotent('homes.create')
  @Audited({ action: 'home.create', target: 'home', idFrom: 'result', detail: (h) => ({ kind: h.kind, memberCount: h.memberCount }) })
  createHome(@CurrentUser() user: AuthUser, @Body() dto: CreateHomeDto): Promise<Home> {
    return this.orgs.createHome(user.id, dto);
  }

  @Get('homes/:id')
  getHome(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<Home> {
    return this.orgs.getHome(user.id, id);
  }
}
