import { Body, Controller, Get, HttpCode, Inject, Ip, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Grievance, GrievanceAttachment, GrievanceTrack } from '@pingjia/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, Public } from '../common/auth.decorators';
import { uuidParam as uuid } from '../common/params';
import { privateFile } from '../common/private-file';
import { RateLimitGuard } from '../common/rate-limit.guard';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ATTACHMENT_TYPE } from './attachment-files';
import { GrievanceAnswerDto, GrievanceFeedbackDto } from './dto';
import { GrievanceThreadService } from './grievance-thread.service';

const FILE_BODY = { schema: { type: 'string', format: 'binary' } } as const;

/** An attachment's bytes as a response (also the held files the level above opens: held-attachments.ts). */
export function sendFile(reply: FastifyReply, file: { mime: string; bytes: Buffer; name: string }): Buffer {
  // Images open in place; a PDF is downloaded, never rendered inside the app's origin.
  privateFile(reply, file.mime, `${file.mime === 'application/pdf' ? 'attachment' : 'inline'}; filename="${file.name}"`);
  return file.bytes;
}

// The worker's side of the conversation: answers to the handler's questions, withdrawal, feedback and
// evidence — in the app (signed in: the reporter) and by tracking code (anonymous, any device).
@ApiTags('grievances')
@ApiBearerAuth()
@Controller('grievances')
export class GrievanceThreadController {
  constructor(
    private readonly thread: GrievanceThreadService,
    private readonly limits: RateLimitGuard,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post(':id/answers')
  @HttpCode(200)
  answer(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() dto: GrievanceAnswerDto): Promise<Grievance> {
    return this.thread.answer({ userId: user.id }, id, dto);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<Grievance> {
    return this.thread.withdraw({ userId: user.id }, id);
  }

  @Post(':id/attachments')
  @ApiConsumes(ATTACHMENT_TYPE)
  @ApiBody(FILE_BODY)
  attach(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Req() req: FastifyRequest): Promise<GrievanceAttachment> {
    return this.thread.attach({ userId: user.id }, id, req.body);
  }

  @Get(':id/attachments/:attachmentId')
  async attachment(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('attachmentId', uuid) attachmentId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return sendFile(reply, await this.thread.read({ userId: user.id }, id, attachmentId));
  }

  @Public()
  @Get('track/:trackingCode')
  async track(@Param('trackingCode') code: string, @Ip() ip: string): Promise<GrievanceTrack> {
    await this.limit(ip);
    return this.thread.track(code);
  }

  @Public()
  @Post('track/:trackingCode/feedback')
  @HttpCode(200)
  async trackFeedback(@Param('trackingCode') code: string, @Ip() ip: string, @Body() dto: GrievanceFeedbackDto): Promise<GrievanceTrack> {
    await this.limit(ip);
    return this.thread.trackFeedback(code, dto);
  }

  @Public()
  @Post('track/:trackingCode/answers')
  @HttpCode(200)
  async trackAnswer(@Param('trackingCode') code: string, @Ip() ip: string, @Body() dto: GrievanceAnswerDto): Promise<GrievanceTrack> {
    await this.limit(ip);
    return this.thread.answer({ trackingCode: code }, null, dto);
  }

  @Public()
  @Post('track/:trackingCode/withdraw')
  @HttpCode(200)
  async trackWithdraw(@Param('trackingCode') code: string, @Ip() ip: string): Promise<GrievanceTrack> {
    await this.limit(ip);
    return this.thread.withdraw({ trackingCode: code }, null);
  }

  @Public()
  @Post('track/:trackingCode/attachments')
  @ApiConsumes(ATTACHMENT_TYPE)
  @ApiBody(FILE_BODY)
  async trackAttach(@Param('trackingCode') code: string, @Ip() ip: string, @Req() req: FastifyRequest): Promise<GrievanceAttachment> {
    await this.limit(ip);
    return this.thread.attach({ trackingCode: code }, null, req.body);
  }

  @Public()
  @Get('track/:trackingCode/attachments/:attachmentId')
  async trackAttachment(
    @Param('trackingCode') code: string,
    @Param('attachmentId', uuid) attachmentId: string,
    @Ip() ip: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    await this.limit(ip);
    return sendFile(reply, await this.thread.read({ trackingCode: code }, null, attachmentId));
  }

  /** Every use of a tracking code counts against one limit per address: codes cannot be guessed at speed. */
  private limit(ip: string): Promise<void> {
    return this.limits.hit(`track:ip:${ip}`, this.config.grievances.trackPerIp, 60_000);
  }
}
