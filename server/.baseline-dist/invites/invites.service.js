"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.InvitesService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const shared_1 = require("@pingjia/shared");
const node_crypto_1 = require("node:crypto");
const typeorm_2 = require("typeorm");
const access_service_1 = require("../auth/access.service");
const auth_service_1 = require("../auth/auth.service");
const passwords_1 = require("../auth/passwords");
const role_grant_entity_1 = require("../auth/role-grant.entity");
const token_verifier_1 = require("../auth/token-verifier");
const user_entity_1 = require("../auth/user.entity");
const audit_service_1 = require("../audit/audit.service");
const clock_1 = require("../common/clock");
const domain_error_1 = require("../common/domain-error");
const ids_1 = require("../common/ids");
const transactions_1 = require("../common/transactions");
const app_config_1 = require("../config/app-config");
const org_entity_1 = require("../orgs/org.entity");
const invite_entity_1 = require("./invite.entity");
const hashCode = (code) => (0, node_crypto_1.createHash)('sha256').update(code, 'utf8').digest('hex');
const CODE = /^[A-Za-z0-9_-]{43}$/;
let InvitesService = class InvitesService {
    invites;
    grants;
    users;
    orgs;
    access;
    auth;
    tokens;
    audit;
    tx;
    clock;
    config;
    constructor(invites, grants, users, orgs, access, auth, tokens, audit, tx, clock, config) {
        this.invites = invites;
        this.grants = grants;
        this.users = users;
        this.orgs = orgs;
        this.access = access;
        this.auth = auth;
        this.tokens = tokens;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.config = config;
    }
    /** A federation admin above the home invites its chair. */
    async inviteChair(userId, homeId) {
        const home = await this.homeForAdmin(userId, homeId);
        return this.create(userId, 'chair', home.id, home.orgPath, home.id);
    }
    /** A federation admin invites an admin for an org strictly below their own. */
    async inviteAdmin(userId, orgId) {
        const org = await this.orgBelow(userId, orgId);
        return this.create(userId, 'federation_admin', org.id, org.path);
    }
    /**
     * Accepting binds the role to the caller's account when a valid bearer token comes along (a WeChat
     * member becoming chair); otherwise it creates an H5 account from username and password.
     * Unknown code: 404. Used or expired: 409.
     */
    async accept(code, authorization, dto) {
        if (!CODE.test(code))
            throw (0, domain_error_1.notFound)();
        const callerId = authorization ? await this.tokens.verify(authorization) : null;
        if (!callerId && (!dto.username || !dto.password)) {
            throw (0, domain_error_1.invalid)({ ...(dto.username ? {} : { username: '必填' }), ...(dto.password ? {} : { password: '必填' }) }, '请设置用户名和密码，或在小程序中登录后接受邀请');
        }
        if (!!dto.username !== !!dto.password)
            throw (0, domain_error_1.invalid)({ [dto.username ? 'password' : 'username']: '用户名和密码需同时填写' });
        const invite = await this.invites.findOne({ where: { codeHash: hashCode(code) } });
        if (!invite)
            throw (0, domain_error_1.notFound)();
        const now = this.clock.now().toISOString();
        if (invite.usedAt || invite.expiresAt <= now)
            throw new domain_error_1.DomainError('STATE_CONFLICT', '邀请码已使用或已过期');
        const passwordHash = dto.password ? await (0, passwords_1.hashPassword)(dto.password) : null;
        try {
            const userId = await this.tx.run(async (m) => {
                let id = callerId;
                if (id && dto.username) {
                    const me = await m.findOneOrFail(user_entity_1.User, { where: { id } });
                    if (me.username && me.username !== dto.username)
                        throw new domain_error_1.DomainError('STATE_CONFLICT', '该账号已设置过用户名');
                    await m.update(user_entity_1.User, { id }, { username: dto.username, passwordHash });
                }
                else if (!id) {
                    id = (0, ids_1.newId)();
                    await m.insert(user_entity_1.User, { id, openid: null, unionid: null, username: dto.username, passwordHash, displayName: null, createdOn: (0, shared_1.chinaDay)(this.clock.now()), tokenVersion: 0 });
                }
                // Single use even under races: only the request that flips used_at from NULL goes on.
                const taken = await m
                    .createQueryBuilder()
                    .update(invite_entity_1.Invite)
                    .set({ usedAt: now, usedBy: id })
                    .where('id = :inviteId AND used_at IS NULL AND expires_at > :now', { inviteId: invite.id, now })
                    .execute();
                if (!taken.affected)
                    throw new domain_error_1.DomainError('STATE_CONFLICT', '邀请码已使用或已过期');
                const has = await m.count(role_grant_entity_1.RoleGrant, { where: { userId: id, role: invite.role, orgId: invite.orgId } });
                if (!has)
                    await m.insert(role_grant_entity_1.RoleGrant, { id: (0, ids_1.newId)(), userId: id, role: invite.role, orgId: invite.orgId });
                await this.audit.record({ actorUserId: id, actorRole: invite.role, scopePath: invite.scopePath, action: 'invite.accept', targetType: 'invite', targetId: invite.id, detail: { role: invite.role, newAccount: !callerId } }, m);
                return id;
            }, 1);
            return this.auth.issue(await this.users.findOneOrFail({ where: { id: userId } }));
        }
        catch (e) {
            if ((0, transactions_1.isUniqueViolation)(e))
                throw new domain_error_1.DomainError('DUPLICATE', '该用户名已被使用');
            throw e;
        }
    }
    async homeGrants(userId, homeId) {
        const home = await this.homeForAdmin(userId, homeId);
        return { items: await this.grantViews({ orgId: home.id, role: 'chair' }) };
    }
    async orgGrants(userId, orgId) {
        const org = await this.access.orgForAdmin(userId, orgId);
        return { items: await this.grantViews({ orgId: org.id, role: 'federation_admin' }) };
    }
    /** Takes a chair's role away; their tokens stop working at once. */
    async removeHomeGrant(userId, homeId, grantId) {
        const home = await this.homeForAdmin(userId, homeId);
        await this.remove(userId, grantId, { orgId: home.id, role: 'chair' }, home.orgPath, home.id);
    }
    async removeOrgGrant(userId, orgId, grantId) {
        const org = await this.orgBelow(userId, orgId);
        await this.remove(userId, grantId, { orgId: org.id, role: 'federation_admin' }, org.path);
    }
    async remove(userId, grantId, where, scopePath, homeId) {
        await this.tx.run(async (m) => {
            const grant = await m.findOne(role_grant_entity_1.RoleGrant, { where: { id: grantId, ...where } });
            if (!grant)
                throw (0, domain_error_1.notFound)();
            await m.delete(role_grant_entity_1.RoleGrant, { id: grant.id });
            await m.increment(user_entity_1.User, { id: grant.userId }, 'tokenVersion', 1);
            await this.audit.record({ actorUserId: userId, scopePath, action: 'grant.remove', targetType: 'grant', targetId: grant.id, homeId, detail: { role: grant.role } }, m);
        });
    }
    async create(userId, role, orgId, scopePath, homeId) {
        const code = (0, node_crypto_1.randomBytes)(32).toString('base64url');
        const now = this.clock.now();
        const expiresAt = new Date(now.getTime() + this.config.oversight.inviteTtlHours * 3600_000).toISOString();
        const invite = { id: (0, ids_1.newId)(), codeHash: hashCode(code), role, orgId, scopePath, createdBy: userId, createdAt: now.toISOString(), expiresAt, usedAt: null, usedBy: null };
        await this.tx.run(async (m) => {
            await m.insert(invite_entity_1.Invite, invite);
            await this.audit.record({ actorUserId: userId, scopePath, action: 'invite.create', targetType: 'invite', targetId: invite.id, homeId, detail: { role } }, m);
        });
        return { code, expiresAt };
    }
    async grantViews(where) {
        const grants = await this.grants.find({ where });
        const users = grants.length ? await this.users.find({ where: { id: (0, typeorm_2.In)(grants.map((g) => g.userId)) } }) : [];
        const byId = new Map(users.map((u) => [u.id, u]));
        return grants.map((g) => ({
            id: g.id,
            role: g.role,
            orgId: g.orgId,
            user: { id: g.userId, username: byId.get(g.userId)?.username ?? null, displayName: byId.get(g.userId)?.displayName ?? null },
        }));
    }
    /** Homes are managed by federation admins above them, not by their chairs. */
    async homeForAdmin(userId, homeId) {
        const home = await this.access.homeForStaff(userId, homeId);
        const paths = await this.access.adminPaths(userId);
        if (!paths.some((p) => home.orgPath.startsWith(p)))
            throw new domain_error_1.DomainError('FORBIDDEN');
        return home;
    }
    async orgBelow(userId, orgId) {
        const org = await this.access.orgForAdmin(userId, orgId);
        const paths = await this.access.adminPaths(userId);
        // The level above appoints: an admin may not invite or remove peers of their own org.
        if (!paths.some((p) => org.path.startsWith(p) && org.path !== p))
            throw new domain_error_1.DomainError('FORBIDDEN');
        return org;
    }
};
exports.InvitesService = InvitesService;
exports.InvitesService = InvitesService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(invite_entity_1.Invite)),
    __param(1, (0, typeorm_1.InjectRepository)(role_grant_entity_1.RoleGrant)),
    __param(2, (0, typeorm_1.InjectRepository)(user_entity_1.User)),
    __param(3, (0, typeorm_1.InjectRepository)(org_entity_1.Org)),
    __param(10, (0, common_1.Inject)(app_config_1.APP_CONFIG)),
    __metadata("design:paramtypes", [typeorm_2.Repository,
        typeorm_2.Repository,
        typeorm_2.Repository,
        typeorm_2.Repository,
        access_service_1.AccessService,
        auth_service_1.AuthService,
        token_verifier_1.TokenVerifier,
        audit_service_1.AuditService,
        transactions_1.Transactions,
        clock_1.Clock, Object])
], InvitesService);
//# sourceMappingURL=invites.service.js.map