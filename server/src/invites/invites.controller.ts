import { Body, Controller, Delete, Get, Headers, HttpCode, Ip, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { AuthResponse, InvitePreview, InviteResponse, PasswordResetPreview, PasswordResetResponse, StaffGrant } from '@pingjia/shared';
import { AuthUser, CurrentUser, Public } from '../common/auth.decorators';
import { uuidParam as uuid } from '../common/params';
import { SignIn } from '../common/rate-limit.guard';
import { AcceptInviteDto, HomeInviteDto, OrgInviteDto, SetPasswordDto } from './dto';
import { InvitesService } from './invites.service';
import { PasswordResetsService } from './password-resets.service';

const INVITE_KEY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: '8-128 of A-Z a-z 0-9 _ . : -; a retry with the same key answers the same invite and code',
};

@ApiTags('invites')
@ApiBearerAuth()
@Controller()
export class InvitesController {
  constructor(private readonly invites: InvitesService) {}

  /** With an Idempotency-Key, a retry or second click answers the same invite and code (invites.service.ts). */
  @Post('homes/:id/invites')
  @ApiHeader(INVITE_KEY_HEADER)
  inviteChair(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() _dto: HomeInviteDto,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<InviteResponse> {
    return this.invites.inviteChair(user.id, id, key);
  }

  @Post('orgs/:id/invites')
  @ApiHeader(INVITE_KEY_HEADER)
  inviteAdmin(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() _dto: OrgInviteDto,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<InviteResponse> {
    return this.invites.inviteAdmin(user.id, id, key);
  }

  /** What the code is for (org or home by name, role, who invited, expiry), before accepting. 404 unknown, 409 used or expired. */
  @Public()
  @Get('invites/:code')
  preview(@Param('code') code: string, @Ip() ip: string): Promise<InvitePreview> {
    return this.invites.preview(code, ip);
  }

  /** With a bearer token: the role goes to that account. Without: a new H5 account. 404 unknown, 409 used or expired. */
  @SignIn()
  @Post('invites/:code/accept')
  accept(
    @Param('code') code: string,
    @Headers('authorization') authorization: string | undefined,
    @Body() dto: AcceptInviteDto,
  ): Promise<AuthResponse> {
    return this.invites.accept(code, authorization, dto);
  }

  /** A one-time link to set the password of the chair holding this grant (admins above the home). */
  @Post('homes/:id/grants/:grantId/password-reset')
  resetHomeGrant(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('grantId', uuid) grantId: string,
  ): Promise<PasswordResetResponse> {
    return this.invites.resetHomeGrant(user.id, id, grantId);
  }

  /** A one-time link to set the password of the admin holding this grant (admins of an org above it, not peers). */
  @Post('orgs/:id/grants/:grantId/password-reset')
  resetOrgGrant(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('grantId', uuid) grantId: string,
  ): Promise<PasswordResetResponse> {
    return this.invites.resetOrgGrant(user.id, id, grantId);
  }

  @Get('homes/:id/grants')
  homeGrants(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<{ items: StaffGrant[] }> {
    return this.invites.homeGrants(user.id, id);
  }

  @Delete('homes/:id/grants/:grantId')
  @HttpCode(204)
  async removeHomeGrant(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('grantId', uuid) grantId: string,
  ): Promise<void> {
    await this.invites.removeHomeGrant(user.id, id, grantId);
  }

  /** Lifts the login lockout of the chair holding this grant (admins above the home). */
  @Post('homes/:id/grants/:grantId/unlock')
  @HttpCode(204)
  async unlockHomeGrant(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('grantId', uuid) grantId: string,
  ): Promise<void> {
    await this.invites.unlockHomeGrant(user.id, id, grantId);
  }

  @Get('orgs/:id/grants')
  orgGrants(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<{ items: StaffGrant[] }> {
    return this.invites.orgGrants(user.id, id);
  }

  @Delete('orgs/:id/grants/:grantId')
  @HttpCode(204)
  async removeOrgGrant(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('grantId', uuid) grantId: string,
  ): Promise<void> {
    await this.invites.removeOrgGrant(user.id, id, grantId);
  }

  /** Lifts the login lockout of the admin holding this grant (admins of an org above it, not peers). */
  @Post('orgs/:id/grants/:grantId/unlock')
  @HttpCode(204)
  async unlockOrgGrant(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('grantId', uuid) grantId: string,
  ): Promise<void> {
    await this.invites.unlockOrgGrant(user.id, id, grantId);
  }
}

// Opening a reset link: who it is for, then the new password. Public: the link is the credential.
@ApiTags('invites')
@Controller('password-resets')
export class PasswordResetsController {
  constructor(private readonly resets: PasswordResetsService) {}

  /** 404 unknown, 409 used or expired. */
  @Public()
  @Get(':code')
  preview(@Param('code') code: string, @Ip() ip: string): Promise<PasswordResetPreview> {
    return this.resets.preview(code, ip);
  }

  @SignIn()
  @Post(':code')
  use(@Param('code') code: string, @Body() dto: SetPasswordDto): Promise<AuthResponse> {
    return this.resets.use(code, dto.password);
  }
}
