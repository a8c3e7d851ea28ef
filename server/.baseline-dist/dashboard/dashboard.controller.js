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
exports.DashboardController = void 0;
exports.campaignParam = campaignParam;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const shared_1 = require("@pingjia/shared");
const access_service_1 = require("../auth/access.service");
const auth_decorators_1 = require("../common/auth.decorators");
const response_cache_1 = require("../common/response-cache");
const app_config_1 = require("../config/app-config");
const read_replicas_1 = require("../database/read-replicas");
const domain_error_1 = require("../common/domain-error");
const paging_1 = require("../common/paging");
const params_1 = require("../common/params");
const comment_moderation_service_1 = require("./comment-moderation.service");
const dashboard_service_1 = require("./dashboard.service");
const org_dashboard_service_1 = require("./org-dashboard.service");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A malformed campaign id names nothing: 404 like one the caller may not see. */
function campaignParam(campaignId) {
    if (campaignId !== undefined && !UUID.test(campaignId))
        throw (0, domain_error_1.notFound)();
    return campaignId;
}
function leagueQuery(sort = 'satisfaction', order, level = 'homes', page, pageSize) {
    const fields = {};
    // Only allow-listed keys reach the SQL: anything else is a 400, never an ORDER BY of user text.
    if (!shared_1.LEAGUE_SORT_KEYS.includes(sort))
        fields.sort = `可选：${shared_1.LEAGUE_SORT_KEYS.join('、')}`;
    if (order !== undefined && order !== 'asc' && order !== 'desc')
        fields.order = '可选：asc、desc';
    if (!shared_1.LEAGUE_LEVELS.includes(level))
        fields.level = `可选：${shared_1.LEAGUE_LEVELS.join('、')}`;
    if (Object.keys(fields).length)
        throw (0, domain_error_1.invalid)(fields);
    const key = sort;
    return { sort: key, order: order ?? (key === 'name' ? 'asc' : 'desc'), level: level, paging: (0, paging_1.paging)(page, pageSize, 20, 100) };
}
let DashboardController = class DashboardController {
    dashboard;
    orgDashboard;
    moderation;
    access;
    replicas;
    // Reused answers (DASHBOARD_CACHE_SECONDS): the caller's access is checked on every request; only the
    // figures, the same for everyone allowed to see them, are shared. A home's answer differs by whether
    // the caller is above it (grievances about the union itself), so that is part of its key.
    // Access is checked on the primary; the figures are read from a read replica when there are any.
    homes;
    orgs;
    constructor(dashboard, orgDashboard, moderation, access, replicas, config) {
        this.dashboard = dashboard;
        this.orgDashboard = orgDashboard;
        this.moderation = moderation;
        this.access = access;
        this.replicas = replicas;
        this.homes = new response_cache_1.ResponseCache(config.dashboardCacheMs);
        this.orgs = new response_cache_1.ResponseCache(config.dashboardCacheMs);
    }
    async home(user, id, campaignId) {
        const cid = campaignParam(campaignId);
        const { home, upperLevel } = await this.access.homeWithLevel(user.id, id);
        return this.homes.get(`${id}:${cid ?? ''}:${upperLevel}`, () => this.replicas.read(() => this.dashboard.forHome(home, upperLevel, cid)));
    }
    async org(user, id, campaignId, sort, order, level, page, pageSize) {
        const cid = campaignParam(campaignId);
        const q = leagueQuery(sort, order, level, page, pageSize);
        await this.access.orgForAdmin(user.id, id);
        const key = [id, cid ?? '', q.sort, q.order, q.level, q.paging.page, q.paging.pageSize].join(':');
        return this.orgs.get(key, () => this.replicas.read(() => this.orgDashboard.dashboard(user.id, id, cid, q)));
    }
    /** Comments held by moderation in the org's subtree, for the upper-level union to decide. */
    held(user, id, page, pageSize) {
        return this.moderation.held(user.id, id, (0, paging_1.paging)(page, pageSize, 20, 100));
    }
    async approve(user, id) {
        await this.moderation.decide(user.id, id, true);
    }
    async reject(user, id) {
        await this.moderation.decide(user.id, id, false);
    }
};
exports.DashboardController = DashboardController;
__decorate([
    (0, common_1.Get)('homes/:id/dashboard'),
    (0, swagger_1.ApiQuery)({ name: 'campaignId', required: false }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', params_1.uuidParam)),
    __param(2, (0, common_1.Query)('campaignId')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, String]),
    __metadata("design:returntype", Promise)
], DashboardController.prototype, "home", null);
__decorate([
    (0, common_1.Get)('orgs/:id/dashboard'),
    (0, swagger_1.ApiQuery)({ name: 'campaignId', required: false }),
    (0, swagger_1.ApiQuery)({ name: 'sort', required: false, enum: shared_1.LEAGUE_SORT_KEYS }),
    (0, swagger_1.ApiQuery)({ name: 'order', required: false, enum: ['asc', 'desc'] }),
    (0, swagger_1.ApiQuery)({ name: 'level', required: false, enum: shared_1.LEAGUE_LEVELS }),
    (0, swagger_1.ApiQuery)({ name: 'page', required: false }),
    (0, swagger_1.ApiQuery)({ name: 'pageSize', required: false }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', params_1.uuidParam)),
    __param(2, (0, common_1.Query)('campaignId')),
    __param(3, (0, common_1.Query)('sort')),
    __param(4, (0, common_1.Query)('order')),
    __param(5, (0, common_1.Query)('level')),
    __param(6, (0, common_1.Query)('page')),
    __param(7, (0, common_1.Query)('pageSize')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, String, String, String, String, String, String]),
    __metadata("design:returntype", Promise)
], DashboardController.prototype, "org", null);
__decorate([
    (0, common_1.Get)('orgs/:id/held-comments'),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', params_1.uuidParam)),
    __param(2, (0, common_1.Query)('page')),
    __param(3, (0, common_1.Query)('pageSize')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, String, String]),
    __metadata("design:returntype", Promise)
], DashboardController.prototype, "held", null);
__decorate([
    (0, common_1.Post)('comments/:id/approve'),
    (0, common_1.HttpCode)(204),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', params_1.uuidParam)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], DashboardController.prototype, "approve", null);
__decorate([
    (0, common_1.Post)('comments/:id/reject'),
    (0, common_1.HttpCode)(204),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', params_1.uuidParam)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], DashboardController.prototype, "reject", null);
exports.DashboardController = DashboardController = __decorate([
    (0, swagger_1.ApiTags)('dashboard'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.Controller)(),
    __param(5, (0, common_1.Inject)(app_config_1.APP_CONFIG)),
    __metadata("design:paramtypes", [dashboard_service_1.DashboardService,
        org_dashboard_service_1.OrgDashboardService,
        comment_moderation_service_1.CommentModerationService,
        access_service_1.AccessService,
        read_replicas_1.ReadReplicas, Object])
], DashboardController);
//# sourceMappingURL=dashboard.controller.js.map