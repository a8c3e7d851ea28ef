import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ClientConfig } from '@pingjia/shared';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Public } from '../common/auth.decorators';

// What the mini-program needs to know before it logs in.
@ApiTags('operations')
@Controller('config')
export class AppInfoController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Public()
  @Get()
  get(): ClientConfig {
    const wechatLogin = this.config.wechat !== null;
    // Only offered where a message can be delivered (the same condition as GrievanceNotifier.enabled).
    const web = this.config.wechatWeb;
    return {
      devLogin: this.config.devLogin,
      wechatLogin,
      grievanceTemplateId: wechatLogin ? this.config.grievances.templateId : null,
      wechatWeb: web ? { appId: web.appId, authorizeUrl: `${web.authorizeBase}/connect/oauth2/authorize` } : null,
    };
  }
}
