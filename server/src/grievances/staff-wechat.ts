import { Body, Controller, Delete, Get, HttpCode, Inject, Injectable, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { chinaDay, STAFF_MESSAGE_CREDITS_MAX, StaffNotificationKind, StaffWechatStatus } from '@pingjia/shared';
import { IsString, Length } from 'class-validator';
import { EntityManager, In, MoreThan, Repository } from 'typeorm';
import { RoleGrant } from '../auth/role-grant.entity';
import { AuthUser, CurrentUser } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { DomainError, notFound } from '../common/domain-error';
import { LoginRateLimit } from '../common/rate-limit.guard';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { exchangeCode } from '../wechat/code-exchange';
import { AcceptedTemplateIds } from '../wechat/accepted-templates';
import { WechatClient } from '../wechat/wechat.client';
import { GrievanceNotifier, messageTime } from './grievance-notifier';
import { GrievanceKeys } from './keys';
import { StaffWechat } from './staff-wechat.entity';

/** The staff grievance queue, which a message opens (no leading slash). */
const QUEUE_PAGE = 'pages/grievance/queue/index';

// What the message says: the kind of event only, never the grievance's content, type, topic, place or reporter.
const MESSAGE_TEXT: Record<StaffNotificationKind, string> = {
  new: '有新的诉求待受理',
  reminded: '有诉求已超时，请尽快办理',
  escalated: '有超时诉求转由本级督办',
};

/** The staff template's data (thing ≤ 20 characters, time as WeChat wants it). */
function staffMessageData(kind: StaffNotificationKind, at: Date): Record<string, { value: string }> {
  return { thing1: { value: MESSAGE_TEXT[kind] }, time2: { value: messageTime(at) } };
}

// Staff opt in to WeChat subscribe messages: bind their WeChat (a wx.login code in the mini-program,
// exchanged by the server), then accept the staff template in wx.requestSubscribeMessage; each
// acceptance is one message, used by the next new, reminded or escalated grievance they handle.
@Injectable()
export class StaffWechatService {
  constructor(
    @InjectRepository(StaffWechat) private readonly rows: Repository<StaffWechat>,
    @InjectRepository(RoleGrant) private readonly grants: Repository<RoleGrant>,
    private readonly wechat: WechatClient,
    private readonly notifier: GrievanceNotifier,
    private readonly clock: Clock,
    private readonly keys: GrievanceKeys,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get templateId(): string | null {
    return this.wechat.enabled ? this.config.grievances.staffTemplateId : null;
  }

  async status(userId: string): Promise<StaffWechatStatus> {
    await this.staffOnly(userId);
    const row = await this.rows.findOne({ where: { userId } });
    return { available: this.templateId !== null, bound: !!row, templateId: this.templateId, remaining: row?.credits ?? 0 };
  }

  /** Binds (or re-binds: another WeChat starts with no messages) the caller's WeChat by a wx.login code. */
  async bind(userId: string, code: string): Promise<StaffWechatStatus> {
    await this.staffOnly(userId);
    if (this.templateId === null) throw notFound();
    const session = await exchangeCode(() => this.wechat.codeToSession(code));
    const row = await this.rows.findOne({ where: { userId } });
    const same = row !== null && this.keys.open(row.openid) === session.openid;
    if (!same) {
      const fresh = { userId, openid: this.keys.seal(session.openid), credits: 0, boundOn: chinaDay(this.clock.now()) };
      if (row) await this.rows.update({ userId }, fresh);
      else await this.rows.insert(fresh);
    }
    return this.status(userId);
  }

  async unbind(userId: string): Promise<void> {
    await this.staffOnly(userId);
    await this.rows.delete({ userId });
  }

  /** The templates the user accepted in wx.requestSubscribeMessage: the staff one adds one message. */
  async accepted(userId: string, templateIds: string[]): Promise<StaffWechatStatus> {
    await this.staffOnly(userId);
    if (!(await this.rows.exists({ where: { userId } }))) throw new DomainError('STATE_CONFLICT', '请先绑定微信，再订阅消息');
    if (this.templateId !== null && templateIds.includes(this.templateId)) {
      await this.rows
        .createQueryBuilder()
        .update()
        .set({ credits: () => `credits + 1` })
        .where('user_id = :userId AND credits < :max', { userId, max: STAFF_MESSAGE_CREDITS_MAX })
        .execute();
    }
    return this.status(userId);
  }

  /**
   * Inside the transaction that notified the handlers: one message each to those with one left
   * (conditional decrement, so two notices at once never spend one message twice).
   */
  async queue(m: EntityManager, userIds: string[], kind: StaffNotificationKind, now: Date): Promise<number> {
    const templateId = this.templateId;
    if (templateId === null || !userIds.length) return 0;
    const rows = await m.find(StaffWechat, { where: { userId: In(userIds), credits: MoreThan(0) } });
    let queued = 0;
    for (const row of rows) {
      const spent = await m.update(StaffWechat, { userId: row.userId, credits: row.credits }, { credits: row.credits - 1 });
      if (spent.affected !== 1) continue;
      await this.notifier.queue(
        m,
        { openid: this.keys.open(row.openid), templateId, page: QUEUE_PAGE, data: staffMessageData(kind, now) },
        now,
      );
      queued++;
    }
    return queued;
  }

  /** Staff only: a member already has their WeChat (and binding it here would say nothing new). */
  private async staffOnly(userId: string): Promise<void> {
    if (!(await this.grants.exists({ where: { userId } }))) throw new DomainError('FORBIDDEN', '仅工会工作人员可以绑定微信接收提醒');
  }
}

export class BindWechatDto {
  @ApiProperty({ description: 'code from wx.login' })
  @IsString()
  @Length(1, 128)
  code: string;
}

export class AcceptedTemplatesDto {
  @ApiProperty({ description: 'template ids the user accepted in wx.requestSubscribeMessage', type: [String] })
  @AcceptedTemplateIds()
  templateIds: string[];
}

@ApiTags('grievances')
@ApiBearerAuth()
@Controller()
export class StaffWechatController {
  constructor(private readonly staff: StaffWechatService) {}

  @Get('me/wechat')
  status(@CurrentUser() user: AuthUser): Promise<StaffWechatStatus> {
    return this.staff.status(user.id);
  }

  /** Binds the caller's WeChat (staff): a wx.login code; 404 where staff messages are not set up. */
  @LoginRateLimit()
  @Put('me/wechat')
  bind(@CurrentUser() user: AuthUser, @Body() dto: BindWechatDto): Promise<StaffWechatStatus> {
    return this.staff.bind(user.id, dto.code);
  }

  @Delete('me/wechat')
  @HttpCode(204)
  unbind(@CurrentUser() user: AuthUser): Promise<void> {
    return this.staff.unbind(user.id);
  }

  @Post('me/wechat/subscriptions')
  @HttpCode(200)
  accepted(@CurrentUser() user: AuthUser, @Body() dto: AcceptedTemplatesDto): Promise<StaffWechatStatus> {
    return this.staff.accepted(user.id, dto.templateIds);
  }
}
