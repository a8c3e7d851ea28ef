"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var GrievancesModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.GrievancesModule = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const role_grant_entity_1 = require("../auth/role-grant.entity");
const user_entity_1 = require("../auth/user.entity");
const rate_limit_guard_1 = require("../common/rate-limit.guard");
const home_entity_1 = require("../orgs/home.entity");
const org_entity_1 = require("../orgs/org.entity");
const moderation_service_1 = require("../wechat/moderation.service");
const calendar_controller_1 = require("./calendar.controller");
const calendar_service_1 = require("./calendar.service");
const entities_1 = require("./entities");
const grievance_access_1 = require("./grievance-access");
const grievance_handling_service_1 = require("./grievance-handling.service");
const grievance_notifier_1 = require("./grievance-notifier");
const grievance_reports_service_1 = require("./grievance-reports.service");
const grievance_stats_service_1 = require("./grievance-stats.service");
const grievance_store_1 = require("./grievance-store");
const grievance_sweeper_1 = require("./grievance-sweeper");
const grievances_controller_1 = require("./grievances.controller");
const test_hooks_controller_1 = require("./test-hooks.controller");
// Grievances (维权诉求): reporting, routing, time limits on China's working-day calendar, handling,
// feedback, notifications and figures. GrievanceStatsService is for other modules (dashboards).
let GrievancesModule = GrievancesModule_1 = class GrievancesModule {
    static register(config) {
        return {
            module: GrievancesModule_1,
            imports: [typeorm_1.TypeOrmModule.forFeature([...entities_1.GRIEVANCE_ENTITIES, home_entity_1.Home, org_entity_1.Org, user_entity_1.User, role_grant_entity_1.RoleGrant])],
            controllers: [grievances_controller_1.GrievancesController, calendar_controller_1.CalendarController, ...(config.testClock ? [test_hooks_controller_1.TestHooksController] : [])],
            providers: [
                grievance_access_1.GrievanceAccess,
                grievance_store_1.GrievanceStore,
                calendar_service_1.CalendarService,
                grievance_reports_service_1.GrievanceReportsService,
                grievance_handling_service_1.GrievanceHandlingService,
                grievance_notifier_1.GrievanceNotifier,
                grievance_sweeper_1.GrievanceSweeper,
                grievance_stats_service_1.GrievanceStatsService,
                moderation_service_1.ModerationService,
                rate_limit_guard_1.RateLimitGuard,
            ],
            exports: [grievance_stats_service_1.GrievanceStatsService, calendar_service_1.CalendarService],
        };
    }
};
exports.GrievancesModule = GrievancesModule;
exports.GrievancesModule = GrievancesModule = GrievancesModule_1 = __decorate([
    (0, common_1.Module)({})
], GrievancesModule);
//# sourceMappingURL=grievances.module.js.map