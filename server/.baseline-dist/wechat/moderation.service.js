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
exports.ModerationService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const user_entity_1 = require("../auth/user.entity");
const domain_error_1 = require("../common/domain-error");
const wechat_client_1 = require("./wechat.client");
// User-written text goes through WeChat's msg_sec_check before anyone else sees it:
// pass → published; review, WeChat unavailable or not configured → held until staff approve;
// risky → refused (422) with a neutral message.
let ModerationService = class ModerationService {
    wechat;
    users;
    logger = new common_1.Logger('Moderation');
    constructor(wechat, users) {
        this.wechat = wechat;
        this.users = users;
    }
    async check(userId, text) {
        if (!this.wechat.enabled)
            return 'held';
        const user = await this.users.findOne({ where: { id: userId }, select: { id: true, openid: true } });
        if (!user?.openid)
            return 'held';
        try {
            const verdict = await this.wechat.moderateText(user.openid, text);
            if (verdict === 'risky')
                throw new domain_error_1.DomainError('CONTENT_REFUSED');
            return verdict === 'pass' ? 'approved' : 'held';
        }
        catch (e) {
            if (e instanceof domain_error_1.DomainError)
                throw e;
            this.logger.warn(`moderation unavailable, text held: ${e.message}`);
            return 'held';
        }
    }
};
exports.ModerationService = ModerationService;
exports.ModerationService = ModerationService = __decorate([
    (0, common_1.Injectable)(),
    __param(1, (0, typeorm_1.InjectRepository)(user_entity_1.User)),
    __metadata("design:paramtypes", [wechat_client_1.WechatClient,
        typeorm_2.Repository])
], ModerationService);
//# sourceMappingURL=moderation.service.js.map