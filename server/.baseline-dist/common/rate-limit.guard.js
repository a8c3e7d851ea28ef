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
exports.RateLimitGuard = exports.LoginRateLimit = exports.RATE_LIMIT_KIND = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const throttler_1 = require("@nestjs/throttler");
const app_config_1 = require("../config/app-config");
const domain_error_1 = require("./domain-error");
const MINUTE = 60_000;
exports.RATE_LIMIT_KIND = 'rateLimitKind';
/** Marks a login route: limited per address, with its own budget. */
const LoginRateLimit = () => (0, common_1.SetMetadata)(exports.RATE_LIMIT_KIND, 'login');
exports.LoginRateLimit = LoginRateLimit;
// Limits writes per user and per address, and logins per address (429 with Retry-After). Reads are
// not limited here. Counters live in the throttler storage: in this process for one instance, in Redis
// (REDIS_URL) for several, so a limit counts the hits on every instance.
let RateLimitGuard = class RateLimitGuard {
    reflector;
    storage;
    config;
    logger = new common_1.Logger('RateLimit');
    constructor(reflector, storage, config) {
        this.reflector = reflector;
        this.storage = storage;
        this.config = config;
    }
    async canActivate(context) {
        const req = context.switchToHttp().getRequest();
        if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS')
            return true;
        const limits = this.config.rateLimits;
        const kind = this.reflector.getAllAndOverride(exports.RATE_LIMIT_KIND, [context.getHandler(), context.getClass()]);
        if (kind === 'login') {
            await this.hit(`login:ip:${req.ip}`, limits.loginsPerIp, MINUTE);
            return true;
        }
        await this.hit(`write:ip:${req.ip}`, limits.writesPerIp, MINUTE);
        if (req.user)
            await this.hit(`write:user:${req.user.id}`, limits.writesPerUser, MINUTE);
        return true;
    }
    /** Counts one hit; throws RATE_LIMITED once over the limit. */
    async hit(key, limit, ttlMs) {
        let r;
        try {
            r = await this.storage.increment(key, ttlMs, limit, ttlMs, 'default');
        }
        catch (e) {
            // Redis unreachable: refuse the write for now rather than let it through uncounted.
            this.logger.error(`rate-limit counters unavailable: ${e.message}`);
            throw new domain_error_1.DomainError('SERVICE_UNAVAILABLE', undefined, undefined, { 'retry-after': '5' });
        }
        if (r.isBlocked) {
            throw new domain_error_1.DomainError('RATE_LIMITED', undefined, undefined, { 'retry-after': String(Math.max(1, Math.ceil(r.timeToBlockExpire))) });
        }
    }
};
exports.RateLimitGuard = RateLimitGuard;
exports.RateLimitGuard = RateLimitGuard = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(core_1.Reflector)),
    __param(1, (0, common_1.Inject)(throttler_1.ThrottlerStorage)),
    __param(2, (0, common_1.Inject)(app_config_1.APP_CONFIG)),
    __metadata("design:paramtypes", [core_1.Reflector, Object, Object])
], RateLimitGuard);
//# sourceMappingURL=rate-limit.guard.js.map