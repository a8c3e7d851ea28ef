import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  AuthResponse,
  chinaDay,
  INVITE_CODE_ALPHABET,
  INVITE_CODE_LENGTH,
  InvitePreview,
  InviteResponse,
  normalizeInviteCode,
  PasswordResetResponse,
  StaffGrant,
} from '@pingjia/shared';
import { createHmac, randomInt } from 'node:crypto';
import { In, Repository } from 'typeorm';
import { AccessPolicy } from '../orgs/access-policy';
import { AuthService } from '../auth/auth.service';
import { LoginLockout } from '../auth/login-lockout';
import { hashPassword } from '../auth/passwords';
import { RoleGrant } from '../auth/role-grant.entity';
import { TokenVerifier } from '../auth/token-verifier';
import { TokenVersions } from '../auth/token-versions';
import { User } from '../auth/user.entity';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { DomainError, invalid, notFound } from '../common/domain-error';
import { IDEMPOTENCY_KEY, sha256 } from '../common/idempotency';
import { newId } from '../common/ids';
import { qrcode } from '../common/on-demand';
import { isUniqueViolation, Transactions } from '../common/transactions';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Home } from '../orgs/home.entity';
import { Org } from '../orgs/org.entity';
import { RateLimitGuard } from '../common/rate-limit.guard';
import { PageCodes } from '../wechat/page-code';
import { AcceptInviteDto } from './dto';
import { Invite } from './invite.entity';
import { PasswordResetsService } from './password-resets.service';

/** Whose staff grants an action is about, and where it is audited. */
interface StaffScope {
  where: { orgId: string; role: RoleGrant['role'] };
  scopePath: string;
  homeId?: string;
}

const ACCEPT_PAGE = 'oversight/pages/accept/index';
const MINUTE = 60_000;

const newCode = () =>
  Array.from({ length: INVITE_CODE_LENGTH }, () => INVITE_CODE_ALPHABET[randomInt(INVITE_CODE_ALPHABET.length)]).join('');

@Injectable()
export class InvitesService {
  constructor(
    @InjectRepository(Invite) private readonly invites: Repository<Invite>,
    @InjectRepository(RoleGrant) private readonly grants: Repository<RoleGrant>,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Org) private readonly orgs: Repository<Org>,
    @InjectRepository(Home) private readonly homes: Repository<Home>,
    private readonly access: AccessPolicy,
    private readonly auth: AuthService,
    private readonly lockout: LoginLockout,
    private readonly tokens: TokenVerifier,
    private readonly versions: TokenVersions,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly limiter: RateLimitGuard,
    private readonly codes: PageCodes,
    private readonly resets: PasswordResetsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Codes are short (29^8 ≈ 5·10^11), so they are hashed with the server's secret: a copy of the
   * database alone cannot be searched for them. Guessing over HTTP is held by the per-address limit.
   */
  private hashCode(code: string): string {
    return createHmac('sha256', this.config.jwtSecret).update(`invite:${code}`).digest('hex');
  }

  /** The invite behind a typed code; 404 for no such code. */
  private async lookup(text: string): Promise<Invite> {
    const code = normalizeInviteCode(text);
    const invite = code && (await this.invites.findOne({ where: { codeHash: this.hashCode(code) } }));
    if (!invite) throw new DomainError('NOT_FOUND', '邀请码不存在，请核对后重试');
    return invite;
  }

  private usable(invite: Invite): void {
    if (invite.usedAt) throw new DomainError('STATE_CONFLICT', '该邀请码已被使用，请联系上级工会重新邀请');
    if (invite.expiresAt <= this.clock.now().toISOString())
      throw new DomainError('STATE_CONFLICT', '该邀请码已过期，请联系上级工会重新邀请');
  }

  /** What accepting the code would give: the org or home by name, the role, who invited, until when. */
  async preview(text: string, ip: string): Promise<InvitePreview> {
    // A read, so the guard does not count it: a look-up spends the address's login budget like an accept.
    await this.limiter.hit(`login:ip:${ip}`, this.config.rateLimits.loginsPerIp, MINUTE);
    const invite = await this.lookup(text);
    this.usable(invite);
    const [target, inviter] = await Promise.all([
      invite.role === 'chair'
        ? this.homes.findOne({ where: { id: invite.orgId } }).then((h) => h && { name: h.name, parentId: h.orgId as string | null })
        : this.orgs.findOne({ where: { id: invite.orgId } }).then((o) => o && { name: o.name, parentId: o.parentId }),
      this.users.findOne({ where: { id: invite.createdBy } }),
    ]);
    if (!target) throw new DomainError('NOT_FOUND', '邀请码不存在，请核对后重试');
    const parent = target.parentId ? await this.orgs.findOne({ where: { id: target.parentId } }) : null;
    const inviterOrg = await this.inviterOrg(invite);
    return {
      role: invite.role,
      org: { id: invite.orgId, name: target.name, type: invite.role === 'chair' ? 'home' : 'org' },
      parentName: parent?.name ?? null,
      invitedBy: [inviterOrg, inviter?.displayName || inviter?.username || '管理员'].filter(Boolean).join(' '),
      expiresAt: invite.expiresAt,
    };
  }

  /** The org (by name) through which the inviter administers the invited place. */
  private async inviterOrg(invite: Invite): Promise<string | null> {
    const grants = await this.grants.find({ where: { userId: invite.createdBy, role: 'federation_admin' } });
    const orgs = grants.length ? await this.orgs.find({ where: { id: In(grants.map((g) => g.orgId)) } }) : [];
    const over = orgs.filter((o) => invite.scopePath.startsWith(o.path)).sort((a, b) => b.path.length - a.path.length);
    return over[0]?.name ?? null;
  }

  /** A federation admin above the home invites its chair. */
  async inviteChair(userId: string, homeId: string, idempotencyKey?: string): Promise<InviteResponse> {
    const home = await this.access.homeForUpperLevel(userId, homeId);
    return this.create(userId, 'chair', home.id, home.orgPath, home.id, idempotencyKey);
  }

  /** A federation admin invites an admin for an org strictly below their own. */
  async inviteAdmin(userId: string, orgId: string, idempotencyKey?: string): Promise<InviteResponse> {
    const org = await this.access.orgBelowAdmin(userId, orgId);
    return this.create(userId, 'federation_admin', org.id, org.path, undefined, idempotencyKey);
  }

  /**
   * Accepting binds the role to the caller's account when a valid bearer token comes along (a WeChat
   * member becoming chair); otherwise it creates an H5 account from username and password.
   * Unknown code: 404. Used or expired: 409.
   */
  async accept(code: string, authorization: string | undefined, dto: AcceptInviteDto): Promise<AuthResponse> {
    const invite = await this.lookup(code);
    const callerId = authorization ? await this.tokens.verify(authorization) : null;
    if (!callerId && (!dto.username || !dto.password)) {
      throw invalid(
        { ...(dto.username ? {} : { username: '必填' }), ...(dto.password ? {} : { password: '必填' }) },
        '请设置用户名和密码，或在小程序中登录后接受邀请',
      );
    }
    if (!!dto.username !== !!dto.password) throw invalid({ [dto.username ? 'password' : 'username']: '用户名和密码需同时填写' });
    this.usable(invite);
    const now = this.clock.now().toISOString();
    const passwordHash = dto.password ? await hashPassword(dto.password) : null;

    try {
      const userId = await this.tx.run(async (m) => {
        let id = callerId;
        if (id && dto.username) {
          const me = await m.findOneOrFail(User, { where: { id } });
          if (me.username && me.username !== dto.username) throw new DomainError('STATE_CONFLICT', '该账号已设置过用户名');
          await m.update(User, { id }, { username: dto.username, passwordHash });
        } else if (!id) {
          id = newId();
          await m.insert(User, {
            id,
            openid: null,
            unionid: null,
            username: dto.username!,
            passwordHash,
            displayName: null,
            createdOn: chinaDay(this.clock.now()),
            tokenVersion: 0,
          });
        }
        // Single use even under races: only the request that flips used_at from NULL goes on.
        const taken = await m
          .createQueryBuilder()
          .update(Invite)
          .set({ usedAt: now, usedBy: id })
          .where('id = :inviteId AND used_at IS NULL AND expires_at > :now', { inviteId: invite.id, now })
          .execute();
        if (!taken.affected) throw new DomainError('STATE_CONFLICT', '邀请码已使用或已过期');
        const has = await m.count(RoleGrant, { where: { userId: id, role: invite.role, orgId: invite.orgId } });
        if (!has) await m.insert(RoleGrant, { id: newId(), userId: id, role: invite.role, orgId: invite.orgId });
        await this.audit.record(
          {
            actorUserId: id,
            actorRole: invite.role,
            scopePath: invite.scopePath,
            action: 'invite.accept',
            targetType: 'invite',
            targetId: invite.id,
            detail: { role: invite.role, newAccount: !callerId },
          },
          m,
        );
        return id;
      }, 1);
      return this.auth.issue(await this.users.findOneOrFail({ where: { id: userId } }));
    } catch (e) {
      if (isUniqueViolation(e)) throw new DomainError('DUPLICATE', '该用户名已被使用');
      throw e;
    }
  }

  async homeGrants(userId: string, homeId: string): Promise<{ items: StaffGrant[] }> {
    return { items: await this.grantViews((await this.homeStaff(userId, homeId)).where) };
  }

  async orgGrants(userId: string, orgId: string): Promise<{ items: StaffGrant[] }> {
    const org = await this.access.orgForAdmin(userId, orgId);
    return { items: await this.grantViews({ orgId: org.id, role: 'federation_admin' }) };
  }

  /** Takes a chair's role away; their tokens stop working at once. */
  async removeHomeGrant(userId: string, homeId: string, grantId: string): Promise<void> {
    await this.remove(userId, grantId, await this.homeStaff(userId, homeId));
  }

  async removeOrgGrant(userId: string, orgId: string, grantId: string): Promise<void> {
    await this.remove(userId, grantId, await this.orgStaff(userId, orgId));
  }

  async unlockHomeGrant(userId: string, homeId: string, grantId: string): Promise<void> {
    await this.unlock(userId, grantId, await this.homeStaff(userId, homeId));
  }

  async unlockOrgGrant(userId: string, orgId: string, grantId: string): Promise<void> {
    await this.unlock(userId, grantId, await this.orgStaff(userId, orgId));
  }

  /** A one-time link to set the password of the chair holding this grant (admins above the home). */
  async resetHomeGrant(userId: string, homeId: string, grantId: string): Promise<PasswordResetResponse> {
    return this.resetGrant(userId, grantId, await this.homeStaff(userId, homeId));
  }

  /** The same for an admin of an org below the caller's (not peers). */
  async resetOrgGrant(userId: string, orgId: string, grantId: string): Promise<PasswordResetResponse> {
    return this.resetGrant(userId, grantId, await this.orgStaff(userId, orgId));
  }

  /** A home's chairs, managed by the admins above the home. */
  private async homeStaff(userId: string, homeId: string): Promise<StaffScope> {
    const home = await this.access.homeForUpperLevel(userId, homeId);
    return { where: { orgId: home.id, role: 'chair' }, scopePath: home.orgPath, homeId: home.id };
  }

  /** An org's admins, managed by the admins of an org above it (not its peers). */
  private async orgStaff(userId: string, orgId: string): Promise<StaffScope> {
    const org = await this.access.orgBelowAdmin(userId, orgId);
    return { where: { orgId: org.id, role: 'federation_admin' }, scopePath: org.path };
  }

  private async resetGrant(userId: string, grantId: string, { where, scopePath, homeId }: StaffScope): Promise<PasswordResetResponse> {
    return this.resets.create(userId, await this.grantAt(grantId, where), scopePath, homeId);
  }

  private async grantAt(grantId: string, where: StaffScope['where']): Promise<RoleGrant> {
    const grant = await this.grants.findOne({ where: { id: grantId, ...where } });
    if (!grant) throw notFound();
    return grant;
  }

  /** Lifts the lockout and backoff of the grant holder's password login, audited with the actor. */
  private async unlock(userId: string, grantId: string, { where, scopePath, homeId }: StaffScope) {
    const grant = await this.grantAt(grantId, where);
    const holder = await this.users.findOne({ where: { id: grant.userId } });
    const lifted = holder?.username ? await this.lockout.lift(holder.username) : false;
    await this.audit.record({
      actorUserId: userId,
      scopePath,
      action: 'login.unlock',
      targetType: 'grant',
      targetId: grant.id,
      homeId,
      detail: { role: grant.role, lifted },
    });
  }

  private async remove(userId: string, grantId: string, { where, scopePath, homeId }: StaffScope) {
    // The removed person's tokens stop at once: their token version moves on.
    let bumped: string | null = null;
    try {
      await this.tx.run(async (m) => {
        const grant = await m.findOne(RoleGrant, { where: { id: grantId, ...where } });
        if (!grant) throw notFound();
        await m.delete(RoleGrant, { id: grant.id });
        bumped = grant.userId;
        await this.versions.increment(m, grant.userId);
        await this.audit.record(
          {
            actorUserId: userId,
            scopePath,
            action: 'grant.remove',
            targetType: 'grant',
            targetId: grant.id,
            homeId,
            detail: { role: grant.role },
          },
          m,
        );
      });
    } finally {
      if (bumped) await this.versions.changed(bumped);
    }
  }

  /**
   * With an Idempotency-Key the code is derived from the caller and the key (like a grievance's tracking
   * code): a retry or a second click computes the same code, so it finds the invite the first one made
   * (the unique code hash decides a race) and answers it again. Nothing but the keyed hash is stored, so
   * there is no answer to keep in clear; the same key for another place is IDEMPOTENCY_MISMATCH.
   */
  private async create(
    userId: string,
    role: Invite['role'],
    orgId: string,
    scopePath: string,
    homeId: string | undefined,
    idempotencyKey: string | undefined,
  ): Promise<InviteResponse> {
    const code = idempotencyKey === undefined ? newCode() : this.codeFor(userId, idempotencyKey);
    const codeHash = this.hashCode(code);
    const now = this.clock.now();
    const fresh: Invite = {
      id: newId(),
      codeHash,
      role,
      orgId,
      scopePath,
      createdBy: userId,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.config.oversight.inviteTtlHours * 3600_000).toISOString(),
      usedAt: null,
      usedBy: null,
    };
    const invite =
      (idempotencyKey !== undefined && (await this.invites.findOne({ where: { codeHash } }))) || (await this.insert(fresh, homeId));
    if (invite.createdBy !== userId || invite.role !== role || invite.orgId !== orgId) throw new DomainError('IDEMPOTENCY_MISMATCH');
    const scan = await this.codes.code(ACCEPT_PAGE, code, 'code', 430, 'always');
    const qr =
      scan.source === 'wxacode'
        ? scan.png
        : await qrcode().toBuffer(scan.url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 430 });
    return {
      code,
      expiresAt: invite.expiresAt,
      link: `${this.config.publicUrl}/${ACCEPT_PAGE}?code=${code}`,
      qr: `data:image/png;base64,${qr.toString('base64')}`,
    };
  }

  /** Stores a new invite with its audit entry; when a twin with the same code won the race, that one. */
  private async insert(invite: Invite, homeId: string | undefined): Promise<Invite> {
    try {
      await this.tx.run(async (m) => {
        await m.insert(Invite, invite);
        await this.audit.record(
          {
            actorUserId: invite.createdBy,
            scopePath: invite.scopePath,
            action: 'invite.create',
            targetType: 'invite',
            targetId: invite.id,
            homeId,
            detail: { role: invite.role },
          },
          m,
        );
      });
      return invite;
    } catch (e) {
      const twin = isUniqueViolation(e) && (await this.invites.findOne({ where: { codeHash: invite.codeHash } }));
      if (!twin) throw e;
      return twin;
    }
  }

  /** The code of an invite made with this Idempotency-Key (8 symbols from a keyed hash of caller and key). */
  private codeFor(userId: string, idempotencyKey: string): string {
    if (!IDEMPOTENCY_KEY.test(idempotencyKey)) throw invalid({ 'Idempotency-Key': '应为 8 到 128 个字母、数字或 _ . : -' });
    const bytes = createHmac('sha256', this.config.jwtSecret)
      .update(`invite-idempotency:${userId}:${sha256(idempotencyKey)}`)
      .digest();
    return Array.from(
      { length: INVITE_CODE_LENGTH },
      (_, i) => INVITE_CODE_ALPHABET[bytes.readUInt32BE(i * 4) % INVITE_CODE_ALPHABET.length],
    ).join('');
  }

  private async grantViews(where: StaffScope['where']): Promise<StaffGrant[]> {
    const grants = await this.grants.find({ where });
    const users = grants.length ? await this.users.find({ where: { id: In(grants.map((g) => g.userId)) } }) : [];
    const byId = new Map(users.map((u) => [u.id, u]));
    return grants.map((g) => ({
      id: g.id,
      role: g.role,
      orgId: g.orgId,
      user: { id: g.userId, username: byId.get(g.userId)?.username ?? null, displayName: byId.get(g.userId)?.displayName ?? null },
    }));
  }
}
