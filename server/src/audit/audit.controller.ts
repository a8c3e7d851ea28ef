import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { AuditEvent, Page } from '@pingjia/shared';
import { AuthUser, CurrentUser } from '../common/auth.decorators';
import { invalid } from '../common/domain-error';
import { paging } from '../common/paging';
import { uuidParam as uuid } from '../common/params';
import { XlsxDownload } from '../common/workbook';
import type { Readable } from 'node:stream';
import { AuditService } from './audit.service';

/** An action key such as home.update: letters, digits, '.' and '_' only. */
function actionParam(action?: string): string | undefined {
  if (action === undefined || action === '') return undefined;
  if (!/^[a-z_]{2,20}\.[a-z_]{2,20}$/.test(action)) throw invalid({ action: '不是有效的操作类型' });
  return action;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Actions on the org's subtree by staff at the caller's level or below (never above), newest first. */
  @Get('orgs/:id/audit')
  @ApiQuery({ name: 'action', required: false, description: 'one action, e.g. home.update' })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  list(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Query('action') action?: string,
    @Query('page') page?: string,
    @Query('pageSize') pageSize?: string,
  ): Promise<Page<AuditEvent>> {
    return this.audit.list(user.id, { orgId: id, action: actionParam(action) }, paging(page, pageSize, 50, 200));
  }

  /** The same entries as an Excel workbook (the newest 10,000). */
  @Get('orgs/:id/audit.xlsx')
  @XlsxDownload('audit-log')
  @ApiQuery({ name: 'action', required: false })
  export(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Query('action') action?: string): Promise<Readable> {
    return this.audit.export(user.id, { orgId: id, action: actionParam(action) });
  }
}
