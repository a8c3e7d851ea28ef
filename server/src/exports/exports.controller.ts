import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../common/auth.decorators';
import { uuidParam as uuid } from '../common/params';
import { campaignParam } from '../common/params';
import { XlsxDownload } from '../common/workbook';
import { ExportsService } from './exports.service';
import type { Readable } from 'node:stream';

@ApiTags('exports')
@ApiBearerAuth()
@Controller()
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('orgs/:id/export.xlsx')
  @XlsxDownload('league')
  @ApiQuery({ name: 'campaignId', required: false })
  org(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Query('campaignId') campaignId?: string): Promise<Readable> {
    return this.exports.org(user.id, id, campaignParam(campaignId));
  }

  @Get('homes/:id/export.xlsx')
  @XlsxDownload('home-report')
  @ApiQuery({ name: 'campaignId', required: false })
  home(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Query('campaignId') campaignId?: string): Promise<Buffer> {
    return this.exports.home(user.id, id, campaignParam(campaignId));
  }
}
