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
exports.AuthService = void 0;
const common_1 = require("@nestjs/common");
const jwt_1 = require("@nestjs/jwt");
const typeorm_1 = require("@nestjs/typeorm");
const shared_1 = require("@pingjia/shared");
const typeorm_2 = require("typeorm");
const app_config_1 = require("../config/app-config");
const clock_1 = require("../common/clock");
const domain_error_1 = require("../common/domain-error");
const ids_1 = require("../common/ids");
const transactions_1 = require("../common/transactions");
const wechat_client_1 = require("../wechat/wechat.client");
const wechat_errors_1 = require("../wechat/wechat.errors");
const passwords_1 = require("./passwords");
const role_grant_entity_1 = require("./role-grant.entity");
const user_entity_1 = require("./user.entity");
let AuthService = class AuthService {
    users;
    grants;
    jwt;
    clock;
    wechat;
    config;
    constructor(users, grants, jwt, clock, wechat, config) {
        this.users = users;
        this.grants = grants;
        this.jwt = jwt;
        this.clock = clock;
        this.wechat = wechat;
        this.config = config;
    }
    async loginWithPassword(username, password) {
        const user = await this.users.findOne({ where: { username } });
        const ok = await (0, passwords_1.verifyPassword)(password, user?.passwordHash ?? null);
        if (!user || !ok)
            throw new domain_error_1.DomainError('BAD_CREDENTIALS');
        return this.issue(user);
    }
    /** wx.login code → jscode2session → our own short-lived token. The session_key stays here. */
    async loginWithWechat(code) {
        if (!this.wechat.enabled)
            throw new domain_error_1.DomainError('NOT_FOUND');
        let session;
        try {
            session = await this.wechat.codeToSession(code);
        }
        catch (e) {
            if (!(e instanceof wechat_errors_1.WechatError))
                throw e;
            if (e.errcode === wechat_errors_1.WECHAT_ERR.INVALID_CODE || e.errcode === wechat_errors_1.WECHAT_ERR.CODE_USED)
                throw new domain_error_1.DomainError('WECHAT_CODE_INVALID');
            if (e.errcode === wechat_errors_1.WECHAT_ERR.HIGH_RISK_USER)
                throw new domain_error_1.DomainError('WECHAT_USER_RISKY');
            throw new domain_error_1.DomainError('WECHAT_UNAVAILABLE', undefined, undefined, { 'retry-after': '5' });
        }
        return this.loginWithOpenid(session.openid, session.unionid);
    }
    /** Find or create the member behind a WeChat (or dev) openid. */
    async loginWithOpenid(openid, unionid = null) {
        let user = await this.users.findOne({ where: { openid } });
        if (!user) {
            try {
                user = await this.users.save(this.users.create({ id: (0, ids_1.newId)(), openid, unionid, username: null, passwordHash: null, displayName: null, createdOn: (0, shared_1.chinaDay)(this.clock.now()) }));
            }
            catch (e) {
                // Two first logins at once: the other one created the user.
                if (!(0, transactions_1.isUniqueViolation)(e))
                    throw e;
                user = await this.users.findOneOrFail({ where: { openid } });
            }
        }
        return this.issue(user);
    }
    async me(userId) {
        const user = await this.users.findOne({ where: { id: userId } });
        if (!user)
            throw new domain_error_1.DomainError('TOKEN_INVALID');
        const grants = await this.grants.find({ where: { userId } });
        return { id: user.id, displayName: user.displayName, roles: grants.map((g) => ({ role: g.role, orgId: g.orgId })) };
    }
    async issue(user) {
        const token = await this.jwt.signAsync({ sub: user.id, ver: user.tokenVersion ?? 0 }, { algorithm: 'HS256', expiresIn: this.config.tokenTtlSeconds });
        return { token, expiresIn: this.config.tokenTtlSeconds, user: await this.me(user.id) };
    }
};
exports.AuthService = AuthService;
exports.AuthService = AuthService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(user_entity_1.User)),
    __param(1, (0, typeorm_1.InjectRepository)(role_grant_entity_1.RoleGrant)),
    __param(5, (0, common_1.Inject)(app_config_1.APP_CONFIG)),
    __metadata("design:paramtypes", [typeorm_2.Repository,
        typeorm_2.Repository,
        jwt_1.JwtService,
        clock_1.Clock,
        wechat_client_1.WechatClient, Object])
], AuthService);
//# sourceMappingURL=auth.service.js.map