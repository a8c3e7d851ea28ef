import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthUser, CurrentUser } from '../common/auth.decorators';
import { uuidParam as uuid } from '../common/params';
import { campaignParam } from '../common/params';
import { asXlsxDownload as asDownload, XLSX_TYPE } from '../common/workbook';
import { ExportsService } from './exports.service';

@ApiTags('exports')
@ApiBearerAuth()
@Controller()
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('orgs/:id/export.xlsx')
  @ApiProduces(XLSX_TYPE)
  @ApiQuery({ name: 'campaignId', required: false })
  async org(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('campaignId') campaignId?: string,
  ): Promise<Buffer> {
    const file = await this.exports.org(user.id, id, campaignParam(campaignId));
    asDownload(reply, 'league');
    return file;
  }

  @Get('homes/:id/export.xlsx')
  @ApiProduces(XLSX_TYPE)
  @ApiQuery({ name: 'campaignId', required: false })
  async home(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('campaignId') campaignId?: string,
  ): Promise<Buffer> {
    const file = await this.exports.home(user.id, id, campaignParam(campaignId));
    asDownload(reply, 'home-report');
    return file;
  }
}
