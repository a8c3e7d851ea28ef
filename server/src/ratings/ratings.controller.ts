import { Body, Controller, Get, Param, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import type { RatingResponse } from '@pingjia/shared';
import type { FastifyReply } from 'fastify';
import { AuthUser, CurrentUser } from '../common/auth.decorators';
import { uuidParam as uuid } from '../common/params';
import { RatingDto } from './dto';
import { RatingBody, RatingBodyPipe } from './rating-body';
import { RatingsService } from './ratings.service';

@ApiTags('ratings')
@ApiBearerAuth()
@Controller('campaigns/:campaignId/homes/:homeId/my-rating')
export class RatingsController {
  constructor(private readonly ratings: RatingsService) {}

  /** 201 for the first rating, 200 when it replaces the caller's own. */
  @Put()
  // The body is checked by its compiled pipe (rating-body.ts); its type is an interface, so the global
  // ValidationPipe leaves it alone. RatingDto describes it in the OpenAPI spec.
  @ApiBody({ type: RatingDto })
  async put(
    @CurrentUser() user: AuthUser,
    @Param('campaignId', uuid) campaignId: string,
    @Param('homeId', uuid) homeId: string,
    @Body(RatingBodyPipe) dto: RatingBody,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RatingResponse> {
    const { created, rating } = await this.ratings.put(user.id, campaignId, homeId, dto);
    reply.status(created ? 201 : 200);
    return { rating };
  }

  @Get()
  async get(
    @CurrentUser() user: AuthUser,
    @Param('campaignId', uuid) campaignId: string,
    @Param('homeId', uuid) homeId: string,
  ): Promise<RatingResponse> {
    return { rating: await this.ratings.get(user.id, campaignId, homeId) };
  }
}
