import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { AuthUser, CurrentUser } from '../common/auth.decorators';
import { campaignParam, uuidParam as uuid } from '../common/params';
import { attachment } from '../common/pdf';
import { privateFile } from '../common/private-file';
import { DossierService } from './dossier.service';

@ApiTags('dossier')
@ApiBearerAuth()
@Controller()
export class DossierController {
  constructor(private readonly dossiers: DossierService) {}

  /** The home's dossier for a closed cycle (the latest without campaignId) as PDF: those who see its dashboard. */
  @Get('homes/:id/dossier.pdf')
  @ApiProduces('application/pdf')
  @ApiQuery({ name: 'campaignId', required: false })
  async dossier(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('campaignId') campaignId?: string,
  ): Promise<Readable> {
    const { pdf, homeName, campaignName } = await this.dossiers.dossier(user.id, id, campaignParam(campaignId));
    privateFile(reply, 'application/pdf', attachment('dossier.pdf', `${homeName}-${campaignName}-评议材料.pdf`));
    return pdf;
  }
}
