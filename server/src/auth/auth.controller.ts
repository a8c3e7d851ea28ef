import { Body, Controller, Get, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthResponse, MeResponse } from '@pingjia/shared';
import { AuthUser, CurrentUser } from '../common/auth.decorators';
import { LoginRateLimit, SignIn } from '../common/rate-limit.guard';
import { AuthService } from './auth.service';
import { ChangePasswordDto, DevLoginDto, PasswordLoginDto, WechatLoginDto } from './dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @SignIn()
  @Post('auth/password')
  password(@Body() dto: PasswordLoginDto): Promise<AuthResponse> {
    return this.auth.loginWithPassword(dto.username, dto.password);
  }

  @SignIn()
  @Post('auth/wechat')
  wechat(@Body() dto: WechatLoginDto): Promise<AuthResponse> {
    return this.auth.loginWithWechat(dto.code);
  }

  /** H5 in WeChat's browser: the code of web authorisation (snsapi_base); 404 where it is not configured. */
  @SignIn()
  @Post('auth/wechat-web')
  wechatWeb(@Body() dto: WechatLoginDto): Promise<AuthResponse> {
    return this.auth.loginWithWechatWeb(dto.code);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: AuthUser): Promise<MeResponse> {
    return this.auth.me(user.id);
  }

  /** A staff account changes its own password; other sessions end, this one gets a new token. */
  @ApiBearerAuth()
  @LoginRateLimit()
  @Put('me/password')
  changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto): Promise<AuthResponse> {
    return this.auth.changePassword(user.id, dto.currentPassword, dto.newPassword);
  }
}

// Registered only when AUTH_DEV_LOGIN=true (never in production): without it the path is a 404.
@ApiTags('auth')
@Controller()
export class DevAuthController {
  constructor(private readonly auth: AuthService) {}

  @SignIn()
  @Post('auth/dev')
  dev(@Body() dto: DevLoginDto): Promise<AuthResponse> {
    return this.auth.loginWithOpenid(`dev_${dto.openid}`);
  }
}
