import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { RosterSummary } from '@pingjia/shared';
import type { FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser } from '../common/auth.decorators';
import { uuidParam as uuid } from '../common/params';
import { MembershipDto, ResetBindingDto } from './dto';
import { MembershipService, RosterImportResult } from './membership.service';
import { XlsxDownload, XLSX_TYPE } from '../common/workbook';
import { Audited } from '../common/audited';

@ApiTags('membership')
@ApiBearerAuth()
@Controller('homes/:id')
export class MembershipController {
  constructor(private readonly membership: MembershipService) {}

  @Get('membership')
  status(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.membership.status(user.id, id);
  }

  /** 204 when the member is on the roster (or the home is open); 404 alike for no match and an entry bound to another account. */
  @Post('membership')
  @HttpCode(204)
  async verify(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() dto: MembershipDto): Promise<void> {
    await this.membership.verify(user.id, id, dto.name, dto.memberNo);
  }

  @Get('roster')
  roster(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<RosterSummary> {
    return this.membership.rosterSummary(user.id, id);
  }

  /** The .xlsx to fill in (the level above only). */
  @Get('roster/template')
  @XlsxDownload('roster-template')
  template(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<Buffer> {
    return this.membership.rosterTemplate(user.id, id);
  }

  /** The level above only (403 for the home's own chair). */
  @Post('roster')
  @Audited({
    action: 'roster.import',
    target: 'home',
    idFrom: 'param',
    detail: (r) => ({ entries: r.entries, added: r.added, kept: r.kept, removed: r.removed }),
  })
  @ApiConsumes('text/csv', XLSX_TYPE)
  importRoster(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Req() req: FastifyRequest): Promise<RosterImportResult> {
    return this.membership.importRoster(user.id, id, req.headers['content-type'], req.body);
  }

  /** The level above only (403 for the home's own chair); audited with the reason. */
  @Post('roster/reset-binding')
  @HttpCode(204)
  async reset(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() dto: ResetBindingDto): Promise<void> {
    await this.membership.resetBinding(user.id, id, dto.name, dto.memberNo, dto.reason);
  }
}
