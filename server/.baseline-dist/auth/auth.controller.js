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
exports.DevAuthController = exports.AuthController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../common/auth.decorators");
const rate_limit_guard_1 = require("../common/rate-limit.guard");
const auth_service_1 = require("./auth.service");
const dto_1 = require("./dto");
let AuthController = class AuthController {
    auth;
    constructor(auth) {
        this.auth = auth;
    }
    password(dto) {
        return this.auth.loginWithPassword(dto.username, dto.password);
    }
    wechat(dto) {
        return this.auth.loginWithWechat(dto.code);
    }
    me(user) {
        return this.auth.me(user.id);
    }
};
exports.AuthController = AuthController;
__decorate([
    (0, auth_decorators_1.Public)(),
    (0, rate_limit_guard_1.LoginRateLimit)(),
    (0, common_1.Post)('auth/password'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [dto_1.PasswordLoginDto]),
    __metadata("design:returntype", Promise)
], AuthController.prototype, "password", null);
__decorate([
    (0, auth_decorators_1.Public)(),
    (0, rate_limit_guard_1.LoginRateLimit)(),
    (0, common_1.Post)('auth/wechat'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [dto_1.WechatLoginDto]),
    __metadata("design:returntype", Promise)
], AuthController.prototype, "wechat", null);
__decorate([
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.Get)('me'),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], AuthController.prototype, "me", null);
exports.AuthController = AuthController = __decorate([
    (0, swagger_1.ApiTags)('auth'),
    (0, common_1.Controller)(),
    __metadata("design:paramtypes", [auth_service_1.AuthService])
], AuthController);
// Registered only when AUTH_DEV_LOGIN=true (never in production): without it the path is a 404.
let DevAuthController = class DevAuthController {
    auth;
    constructor(auth) {
        this.auth = auth;
    }
    dev(dto) {
        return this.auth.loginWithOpenid(`dev_${dto.openid}`);
    }
};
exports.DevAuthController = DevAuthController;
__decorate([
    (0, auth_decorators_1.Public)(),
    (0, rate_limit_guard_1.LoginRateLimit)(),
    (0, common_1.Post)('auth/dev'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [dto_1.DevLoginDto]),
    __metadata("design:returntype", Promise)
], DevAuthController.prototype, "dev", null);
exports.DevAuthController = DevAuthController = __decorate([
    (0, swagger_1.ApiTags)('auth'),
    (0, common_1.Controller)(),
    __metadata("design:paramtypes", [auth_service_1.AuthService])
], DevAuthController);
//# sourceMappingURL=auth.controller.js.map