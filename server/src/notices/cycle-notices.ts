import { Body, Controller, Get, HttpCode, Inject, Injectable, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { chinaDay, type CycleMessageStatus } from '@pingjia/shared';
import { EntityManager, Repository } from 'typeorm';
import { User } from '../auth/user.entity';
import { CampaignOpenedHook } from '../campaigns/campaign-transitions';
import type { Campaign } from '../campaigns/campaign.entity';
import { AuthUser, CurrentUser, Public } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { DomainError, notFound } from '../common/domain-error';
import { newId } from '../common/ids';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { GrievanceNotifier, messageTime } from '../grievances/grievance-notifier';
import { GrievanceKeys } from '../grievances/keys';
import { Home } from '../orgs/home.entity';
import { AcceptedTemplateIds } from '../wechat/accepted-templates';
import { WechatClient } from '../wechat/wechat.client';
import { CycleSubscription } from './cycle-subscription.entity';

const HOME_PAGE = 'pages/home/index';

// Members may ask, on their home's page, to be told when a rating cycle opens for it: an accepted
// subscribe template is kept (sealed openid, no user id, the day only) and turned into a message in the
// transaction that opens the cycle, sent through the grievances' outbox. It is asked for before any cycle
// and used up by its opening, so it says nothing about who rated.
@Injectable()
export class CycleNotices extends CampaignOpenedHook {
  constructor(
    @InjectRepository(CycleSubscription) private readonly subs: Repository<CycleSubscription>,
    @InjectRepository(Home) private readonly homes: Repository<Home>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly notifier: GrievanceNotifier,
    private readonly wechat: WechatClient,
    private readonly clock: Clock,
    private readonly keys: GrievanceKeys,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  private get templateId(): string | null {
    return this.wechat.enabled ? this.config.campaigns.openedTemplateId : null;
  }

  status(): CycleMessageStatus {
    return { available: this.templateId !== null, templateId: this.templateId };
  }

  /** The member accepted templates in wx.requestSubscribeMessage on the home's page. */
  async accepted(userId: string, homeId: string, templateIds: string[]): Promise<{ subscribed: boolean }> {
    const templateId = this.templateId;
    if (templateId === null) throw notFound();
    const home = await this.homes.findOne({ where: { id: homeId }, select: { id: true, deactivatedAt: true } });
    if (!home || home.deactivatedAt) throw notFound();
    if (!templateIds.includes(templateId)) return { subscribed: false };
    const user = await this.users.findOne({ where: { id: userId }, select: { id: true, openid: true } });
    // Only the mini-program's openid can receive its messages (not an H5 visitor's).
    if (!user?.openid) throw new DomainError('STATE_CONFLICT', '请在微信小程序中订阅开评提醒');
    await this.subs.insert({
      id: newId(),
      homeId,
      openid: this.keys.seal(user.openid),
      templateId,
      createdOn: chinaDay(this.clock.now()),
    });
    return { subscribed: true };
  }

  /** In the opening's transaction: every opt-in for a home frozen into the cycle becomes one message (once per person and home). */
  async opened(m: EntityManager, campaign: Campaign, now: Date): Promise<void> {
    const rows: Array<CycleSubscription & { sceneToken: string }> = (
      await m.query(
        `SELECT s.id, s.home_id AS homeId, s.openid, s.template_id AS templateId, h.scene_token AS sceneToken
         FROM cycle_subscriptions s
         JOIN campaign_homes ch ON ch.home_id = s.home_id AND ch.campaign_id = ?
         JOIN homes h ON h.id = s.home_id`,
        [campaign.id],
      )
    ).map((r: Record<string, string>) => ({ ...r }) as unknown as CycleSubscription & { sceneToken: string });
    if (!rows.length) return;
    const seen = new Set<string>();
    for (const r of rows) {
      await m.delete(CycleSubscription, { id: r.id });
      const openid = this.keys.open(r.openid);
      if (seen.has(`${openid}|${r.homeId}`)) continue;
      seen.add(`${openid}|${r.homeId}`);
      await this.notifier.queue(
        m,
        {
          openid,
          templateId: r.templateId,
          page: `${HOME_PAGE}?scene=${encodeURIComponent(r.sceneToken)}`,
          data: { thing1: { value: '本职工之家开始评议了' }, time2: { value: messageTime(now) } },
        },
        now,
      );
    }
  }

  committed(): void {
    this.notifier.kick();
  }
}

export class CycleTemplatesDto {
  @ApiProperty({ description: 'template ids the member accepted in wx.requestSubscribeMessage', type: [String] })
  @AcceptedTemplateIds()
  templateIds: string[];
}

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller()
export class CycleNoticesController {
  constructor(private readonly notices: CycleNotices) {}

  /** Whether members can ask to be told when a cycle opens, and the template to ask for (public: configuration only). */
  @Public()
  @Get('cycle-messages')
  status(): CycleMessageStatus {
    return this.notices.status();
  }

  /** The member accepted the template on this home's page: one message when the next cycle opens for it. */
  @Post('homes/:homeId/cycle-messages')
  @HttpCode(200)
  accepted(
    @CurrentUser() user: AuthUser,
    @Param('homeId', new ParseUUIDPipe()) homeId: string,
    @Body() dto: CycleTemplatesDto,
  ): Promise<{ subscribed: boolean }> {
    return this.notices.accepted(user.id, homeId, dto.templateIds);
  }
}
