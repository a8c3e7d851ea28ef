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
exports.GrievancesController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../common/auth.decorators");
const params_1 = require("../common/params");
const rate_limit_guard_1 = require("../common/rate-limit.guard");
const app_config_1 = require("../config/app-config");
const dto_1 = require("./dto");
const grievance_handling_service_1 = require("./grievance-handling.service");
const grievance_reports_service_1 = require("./grievance-reports.service");
const grievance_stats_service_1 = require("./grievance-stats.service");
let GrievancesController = class GrievancesController {
    reports;
    handling;
    stats;
    limits;
    config;
    constructor(reports, handling, stats, limits, config) {
        this.reports = reports;
        this.handling = handling;
        this.stats = stats;
        this.limits = limits;
        this.config = config;
    }
    create(user, dto, key) {
        return this.reports.create(user.id, dto, key);
    }
    mine(user) {
        return this.handling.mine(user.id);
    }
    async track(code, ip) {
        await this.limits.hit(`track:ip:${ip}`, this.config.grievances.trackPerIp, 60_000);
        return this.reports.track(code);
    }
    list(user, query) {
        return this.handling.list(user.id, query);
    }
    get(user, id) {
        return this.handling.get(user.id, id);
    }
    act(user, id, dto) {
        return this.handling.act(user.id, id, dto);
    }
    feedback(user, id, dto) {
        return this.handling.feedback(user.id, id, dto);
    }
    /** The reporter allowed one more progress message (wx.requestSubscribeMessage said yes). */
    subscribe(user, id) {
        return this.handling.subscribe(user.id, id);
    }
    homeStats(user, id) {
        return this.stats.forStaff(user.id, id);
    }
};
exports.GrievancesController = GrievancesController;
__decorate([
    (0, common_1.Post)('grievances'),
    (0, swagger_1.ApiHeader)({ name: 'Idempotency-Key', required: false, description: '重试时带同一个值，只会生成一条诉求' }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Body)()),
    __param(2, (0, common_1.Headers)('idempotency-key')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, dto_1.CreateGrievanceDto, String]),
    __metadata("design:returntype", Promise)
], GrievancesController.prototype, "create", null);
__decorate([
    (0, common_1.Get)('grievances/mine'),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], GrievancesController.prototype, "mine", null);
__decorate([
    (0, auth_decorators_1.Public)(),
    (0, common_1.Get)('grievances/track/:trackingCode'),
    __param(0, (0, common_1.Param)('trackingCode')),
    __param(1, (0, common_1.Ip)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], GrievancesController.prototype, "track", null);
__decorate([
    (0, common_1.Get)('grievances'),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, dto_1.GrievanceListQuery]),
    __metadata("design:returntype", Promise)
], GrievancesController.prototype, "list", null);
__decorate([
    (0, common_1.Get)('grievances/:id'),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', params_1.uuidParam)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], GrievancesController.prototype, "get", null);
__decorate([
    (0, common_1.Post)('grievances/:id/actions'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', params_1.uuidParam)),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, dto_1.GrievanceActionDto]),
    __metadata("design:returntype", Promise)
], GrievancesController.prototype, "act", null);
__decorate([
    (0, common_1.Post)('grievances/:id/feedback'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', params_1.uuidParam)),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, dto_1.GrievanceFeedbackDto]),
    __metadata("design:returntype", Promise)
], GrievancesController.prototype, "feedback", null);
__decorate([
    (0, common_1.Post)('grievances/:id/subscriptions'),
    (0, common_1.HttpCode)(204),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', params_1.uuidParam)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], GrievancesController.prototype, "subscribe", null);
__decorate([
    (0, common_1.Get)('homes/:id/grievance-stats'),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', params_1.uuidParam)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], GrievancesController.prototype, "homeStats", null);
exports.GrievancesController = GrievancesController = __decorate([
    (0, swagger_1.ApiTags)('grievances'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.Controller)(),
    __param(4, (0, common_1.Inject)(app_config_1.APP_CONFIG)),
    __metadata("design:paramtypes", [grievance_reports_service_1.GrievanceReportsService,
        grievance_handling_service_1.GrievanceHandlingService,
        grievance_stats_service_1.GrievanceStatsService,
        rate_limit_guard_1.RateLimitGuard, Object])
], GrievancesController);
//# sourceMappingURL=grievances.controller.js.map