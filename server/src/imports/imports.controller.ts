import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IMPORT_OUTCOMES, type ImportJob, type ImportOutcome, type ImportRowReport, type Page } from '@pingjia/shared';
import type { FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser } from '../common/auth.decorators';
import { invalid } from '../common/domain-error';
import { paging } from '../common/paging';
import { uuidParam as uuid } from '../common/params';
import { XlsxDownload, XLSX_TYPE } from '../common/workbook';
import { AccessPolicy } from '../orgs/access-policy';
import { reportWorkbook, templateWorkbook } from './import-workbooks';
import { ImportsService } from './imports.service';
import type { Readable } from 'node:stream';

/** Bulk import of unions and homes into a federation's own subtree (federation admins). */
@ApiTags('imports')
@ApiBearerAuth()
@Controller()
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly access: AccessPolicy,
  ) {}

  @Get('orgs/:id/imports/template.xlsx')
  @XlsxDownload('import-template')
  async template(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<Buffer> {
    await this.access.orgForAdmin(user.id, id);
    return templateWorkbook();
  }

  /** The file (.xlsx or CSV) as the body; 202 with the dry run's job, to poll at GET /imports/:id. */
  @Post('orgs/:id/imports')
  @HttpCode(202)
  @ApiConsumes('text/csv', XLSX_TYPE)
  check(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Req() req: FastifyRequest): Promise<ImportJob> {
    return this.imports.check(user.id, id, req.headers['content-type'], req.body);
  }

  @Get('imports/:id')
  get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<ImportJob> {
    return this.imports.get(user.id, id);
  }

  @Get('imports/:id/rows')
  @ApiQuery({ name: 'outcome', required: false, enum: IMPORT_OUTCOMES })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  rows(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Query('outcome') outcome?: string,
    @Query('page') page?: string,
    @Query('pageSize') pageSize?: string,
  ): Promise<Page<ImportRowReport>> {
    if (outcome !== undefined && !IMPORT_OUTCOMES.includes(outcome as ImportOutcome))
      throw invalid({ outcome: `只能是 ${IMPORT_OUTCOMES.join('、')} 之一` });
    return this.imports.rows(user.id, id, outcome as ImportOutcome | undefined, paging(page, pageSize, 50, 200));
  }

  @Get('imports/:id/report.xlsx')
  @XlsxDownload('import-report')
  async report(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<Readable> {
    return reportWorkbook(await this.imports.report(user.id, id));
  }

  /** Applies a checked file with no refused row, all or nothing; 202 with the job, to poll. */
  @Post('imports/:id/apply')
  @HttpCode(202)
  apply(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<ImportJob> {
    return this.imports.apply(user.id, id);
  }
}
