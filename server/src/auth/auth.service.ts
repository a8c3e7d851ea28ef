import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { AuthResponse, MeResponse, chinaDay } from '@pingjia/shared';
import { Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { newId } from '../common/ids';
import { isUniqueViolation } from '../common/transactions';
import { WechatClient } from '../wechat/wechat.client';
import { exchangeCode } from '../wechat/code-exchange';
import { LoginLockout } from './login-lockout';
import { TokenVersions } from './token-versions';
import { hashPassword, verifyPassword } from './passwords';
import { RoleGrant } from './role-grant.entity';
import { User } from './user.entity';

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(RoleGrant) private readonly grants: Repository<RoleGrant>,
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    private readonly wechat: WechatClient,
    private readonly lockout: LoginLockout,
    private readonly versions: TokenVersions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async loginWithPassword(username: string, password: string): Promise<AuthResponse> {
    // Locked out or waiting: refused before the (deliberately slow) password hash.
    await this.lockout.check(username);
    const user = await this.users.findOne({ where: { username } });
    const ok = await verifyPassword(password, user?.passwordHash ?? null);
    if (!user || !ok) {
      await this.lockout.failed(username);
      throw new DomainError('BAD_CREDENTIALS');
    }
    await this.lockout.succeeded(username);
    return this.issue(user);
  }

  /**
   * The current password is checked like a login (same lockout), so a token left on a shared computer
   * cannot be turned into the account's password. Every other session of the account ends.
   */
  async changePassword(userId: string, currentPassword: string, newPassword: string): Promise<AuthResponse> {
    const user = await this.users.findOne({ where: { id: userId } });
    if (!user?.username) throw new DomainError('STATE_CONFLICT', '该账号用微信登录，没有密码');
    await this.lockout.check(user.username);
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      await this.lockout.failed(user.username);
      throw new DomainError('VALIDATION_FAILED', '当前密码不正确', { currentPassword: '当前密码不正确' });
    }
    if (currentPassword === newPassword)
      throw new DomainError('VALIDATION_FAILED', '新密码不能与当前密码相同', { newPassword: '新密码不能与当前密码相同' });
    await this.lockout.succeeded(user.username);
    const passwordHash = await hashPassword(newPassword);
    try {
      await this.users.manager.transaction(async (m) => {
        await m.update(User, { id: user.id }, { passwordHash });
        await this.versions.increment(m, user.id);
      });
    } finally {
      await this.versions.changed(user.id);
    }
    return this.issue(await this.users.findOneOrFail({ where: { id: user.id } }));
  }

  /** wx.login code → jscode2session → our own short-lived token. The session_key stays here. */
  async loginWithWechat(code: string): Promise<AuthResponse> {
    if (!this.wechat.enabled) throw new DomainError('NOT_FOUND');
    const session = await exchangeCode(() => this.wechat.codeToSession(code));
    return this.loginWithOpenid(session.openid, session.unionid);
  }

  /** H5 in WeChat's browser: the web authorisation code (snsapi_base) → the same member as in the mini-program. */
  async loginWithWechatWeb(code: string): Promise<AuthResponse> {
    if (!this.config.wechatWeb) throw new DomainError('NOT_FOUND');
    const session = await exchangeCode(() => this.wechat.webCodeToSession(code));
    return this.issue(await this.member({ webOpenid: session.openid }, session.unionid));
  }

  /** Find or create the member behind a WeChat (or dev) openid. */
  async loginWithOpenid(openid: string, unionid: string | null = null): Promise<AuthResponse> {
    return this.issue(await this.member({ openid }, unionid));
  }

  /**
   * The member behind a mini-program openid or an official-account (web) openid. Where WeChat gives a
   * unionid, that is the person: an account first seen on the other side is found by it, and this side's
   * openid is added to it, so one person is one member (one rating) in the mini-program and on H5.
   */
  private async member(id: { openid: string } | { webOpenid: string }, unionid: string | null): Promise<User> {
    for (let attempt = 0; ; attempt++) {
      const found = (await this.users.findOne({ where: id })) ?? (unionid ? await this.users.findOne({ where: { unionid } }) : null);
      try {
        if (found) {
          // Link what this login adds (the other side's openid, a unionid seen for the first time).
          const link: Partial<User> = { ...id };
          if (unionid && !found.unionid) link.unionid = unionid;
          const missing = Object.entries(link).some(([k, v]) => found[k as keyof User] !== v);
          if (missing) await this.users.update({ id: found.id }, link);
          return { ...found, ...link };
        }
        return await this.users.save(
          this.users.create({
            id: newId(),
            openid: null,
            webOpenid: null,
            ...id,
            unionid,
            username: null,
            passwordHash: null,
            displayName: null,
            createdOn: chinaDay(this.clock.now()),
          }),
        );
      } catch (e) {
        // Two first logins at once (the same side, or both sides of one unionid): the other one won; read it.
        if (!isUniqueViolation(e) || attempt >= 2) throw e;
      }
    }
  }

  async me(userId: string): Promise<MeResponse> {
    const user = await this.users.findOne({ where: { id: userId } });
    if (!user) throw new DomainError('TOKEN_INVALID');
    const grants = await this.grants.find({ where: { userId } });
    return { id: user.id, displayName: user.displayName, roles: grants.map((g) => ({ role: g.role, orgId: g.orgId })) };
  }

  async issue(user: User): Promise<AuthResponse> {
    const token = await this.jwt.signAsync(
      { sub: user.id, ver: user.tokenVersion ?? 0 },
      { algorithm: 'HS256', expiresIn: this.config.tokenTtlSeconds },
    );
    return { token, expiresIn: this.config.tokenTtlSeconds, user: await this.me(user.id) };
  }
}
