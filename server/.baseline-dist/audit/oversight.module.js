"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.OversightModule = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const typeorm_1 = require("@nestjs/typeorm");
const role_grant_entity_1 = require("../auth/role-grant.entity");
const user_entity_1 = require("../auth/user.entity");
const campaign_entity_1 = require("../campaigns/campaign.entity");
const campaign_scope_1 = require("../dashboard/campaign-scope");
const comment_moderation_service_1 = require("../dashboard/comment-moderation.service");
const dashboard_controller_1 = require("../dashboard/dashboard.controller");
const dashboard_service_1 = require("../dashboard/dashboard.service");
const grievance_figures_1 = require("../dashboard/grievance-figures");
const org_dashboard_service_1 = require("../dashboard/org-dashboard.service");
const exports_controller_1 = require("../exports/exports.controller");
const exports_service_1 = require("../exports/exports.service");
const invites_controller_1 = require("../invites/invites.controller");
const invites_service_1 = require("../invites/invites.service");
const home_entity_1 = require("../orgs/home.entity");
const org_entity_1 = require("../orgs/org.entity");
const posters_controller_1 = require("../posters/posters.controller");
const posters_service_1 = require("../posters/posters.service");
const rating_entity_1 = require("../ratings/rating.entity");
const rectification_controller_1 = require("../rectification/rectification.controller");
const rectification_service_1 = require("../rectification/rectification.service");
const audit_controller_1 = require("./audit.controller");
const audit_service_1 = require("./audit.service");
const audited_1 = require("./audited");
const oversight_entities_1 = require("./oversight-entities");
// Oversight (issue #5): accounts and invites, the audit log, dashboards, comment moderation,
// rectification, posters and Excel exports.
let OversightModule = class OversightModule {
};
exports.OversightModule = OversightModule;
exports.OversightModule = OversightModule = __decorate([
    (0, common_1.Module)({
        imports: [typeorm_1.TypeOrmModule.forFeature([org_entity_1.Org, home_entity_1.Home, campaign_entity_1.Campaign, rating_entity_1.Rating, user_entity_1.User, role_grant_entity_1.RoleGrant, ...oversight_entities_1.OVERSIGHT_ENTITIES])],
        controllers: [audit_controller_1.AuditController, invites_controller_1.InvitesController, dashboard_controller_1.DashboardController, rectification_controller_1.RectificationController, posters_controller_1.PostersController, exports_controller_1.ExportsController],
        providers: [
            audit_service_1.AuditService,
            { provide: core_1.APP_INTERCEPTOR, useClass: audited_1.AuditInterceptor },
            invites_service_1.InvitesService,
            campaign_scope_1.CampaignScope,
            grievance_figures_1.GrievanceFigures,
            dashboard_service_1.DashboardService,
            org_dashboard_service_1.OrgDashboardService,
            comment_moderation_service_1.CommentModerationService,
            rectification_service_1.RectificationService,
            posters_service_1.PostersService,
            exports_service_1.ExportsService,
        ],
        exports: [audit_service_1.AuditService],
    })
], OversightModule);
//# sourceMappingURL=oversight.module.js.map