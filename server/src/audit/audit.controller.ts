import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { AuditEvent, Page } from '@pingjia/shared';
import { AuthUser, CurrentUser } from '../common/auth.decorators';
import { paging } from '../common/paging';
import { uuidParam as uuid } from '../common/params';
import { AuditService } from './audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Admin actions in the org's subtree (chairs' included), newest first. */
  @Get('orgs/:id/audit')
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  list(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Query('page') page?: string,
    @Query('pageSize') pageSize?: string,
  ): Promise<Page<AuditEvent>> {
    return this.audit.list(user.id, id, paging(page, pageSize, 50, 200));
  }
}
