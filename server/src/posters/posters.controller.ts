import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthUser, CurrentUser } from '../common/auth.decorators';
import { uuidParam as uuid } from '../common/params';
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
    reply.header('content-type', 'image/png');
    reply.header('content-disposition', 'inline; filename="poster.png"');
    reply.header('cache-control', 'private, no-store');
    reply.header('x-poster-source', poster.source);
    if (!poster.font) reply.header('x-poster-font', 'missing');
    return poster.png;
  }
}
