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
exports.AppInfoController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const app_config_1 = require("../config/app-config");
const auth_decorators_1 = require("../common/auth.decorators");
// What the mini-program needs to know before it logs in.
let AppInfoController = class AppInfoController {
    config;
    constructor(config) {
        this.config = config;
    }
    get() {
        const wechatLogin = this.config.wechat !== null;
        // Only offered where a message can be delivered (the same condition as GrievanceNotifier.enabled).
        return { devLogin: this.config.devLogin, wechatLogin, grievanceTemplateId: wechatLogin ? this.config.grievances.templateId : null };
    }
};
exports.AppInfoController = AppInfoController;
__decorate([
    (0, auth_decorators_1.Public)(),
    (0, common_1.Get)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Object)
], AppInfoController.prototype, "get", null);
exports.AppInfoController = AppInfoController = __decorate([
    (0, swagger_1.ApiTags)('operations'),
    (0, common_1.Controller)('config'),
    __param(0, (0, common_1.Inject)(app_config_1.APP_CONFIG)),
    __metadata("design:paramtypes", [Object])
], AppInfoController);
//# sourceMappingURL=app-info.controller.js.map