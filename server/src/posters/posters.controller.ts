import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { AuthUser, CurrentUser } from '../common/auth.decorators';
import { uuidParam as uuid } from '../common/params';
import { attachment } from '../common/pdf';
import { privateFile } from '../common/private-file';
import { PostersService } from './posters.service';

@ApiTags('posters')
@ApiBearerAuth()
@Controller()
export class PostersController {
  constructor(private readonly posters: PostersService) {}

  /** A printable PNG poster with the home's code (staff of the home or above). */
  @Get('homes/:id/poster')
  @ApiProduces('image/png')
  async poster(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const poster = await this.posters.poster(user.id, id);
    privateFile(reply, 'image/png', 'inline; filename="poster.png"');
    reply.header('x-poster-source', poster.source);
    if (!poster.font) reply.header('x-poster-font', 'missing');
    return poster.png;
  }

  /** The home's A4 poster as a one-page PDF (staff of the home or above). */
  @Get('homes/:id/poster.pdf')
  @ApiProduces('application/pdf')
  async posterPdf(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Readable> {
    const { pdf, homeName, font } = await this.posters.posterPdf(user.id, id);
    pdfHeaders(reply, attachment('poster.pdf', `${homeName}-评议海报.pdf`), font);
    return pdf;
  }

  /** A print run: one A4 page per home of the org's subtree, streamed (federation admins of the org or above). */
  @Get('orgs/:id/posters.pdf')
  @ApiProduces('application/pdf')
  async printRun(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Readable> {
    const { pdf, orgName, count, font } = await this.posters.printRun(user.id, id);
    pdfHeaders(reply, attachment('posters.pdf', `${orgName}-评议海报（${count}家）.pdf`), font);
    reply.header('x-poster-count', String(count));
    return pdf;
  }
}

function pdfHeaders(reply: FastifyReply, disposition: string, font: boolean): void {
  privateFile(reply, 'application/pdf', disposition);
  if (!font) reply.header('x-poster-font', 'missing');
}
