"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var AppModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.AppModule = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const throttler_storage_redis_1 = require("@nest-lab/throttler-storage-redis");
const throttler_1 = require("@nestjs/throttler");
const auth_guard_1 = require("./auth/auth.guard");
const rate_limit_guard_1 = require("./common/rate-limit.guard");
const typeorm_1 = require("@nestjs/typeorm");
const app_info_controller_1 = require("./app-info/app-info.controller");
const auth_module_1 = require("./auth/auth.module");
const campaign_entity_1 = require("./campaigns/campaign.entity");
const campaigns_controller_1 = require("./campaigns/campaigns.controller");
const campaigns_service_1 = require("./campaigns/campaigns.service");
const clock_1 = require("./common/clock");
const error_filter_1 = require("./common/error.filter");
const h5_fallback_1 = require("./common/h5-fallback");
const transactions_1 = require("./common/transactions");
const shared_state_1 = require("./common/shared-state");
const read_replicas_1 = require("./database/read-replicas");
const app_config_1 = require("./config/app-config");
const oversight_module_1 = require("./audit/oversight.module");
const grievances_module_1 = require("./grievances/grievances.module");
const database_options_1 = require("./database/database-options");
const demo_seed_1 = require("./database/seed/demo-seed");
const health_controller_1 = require("./health/health.controller");
const home_entity_1 = require("./orgs/home.entity");
const org_entity_1 = require("./orgs/org.entity");
const orgs_controller_1 = require("./orgs/orgs.controller");
const orgs_service_1 = require("./orgs/orgs.service");
const rating_entity_1 = require("./ratings/rating.entity");
const roster_entry_entity_1 = require("./membership/roster-entry.entity");
const user_entity_1 = require("./auth/user.entity");
const membership_controller_1 = require("./membership/membership.controller");
const membership_service_1 = require("./membership/membership.service");
const moderation_service_1 = require("./wechat/moderation.service");
const ratings_controller_1 = require("./ratings/ratings.controller");
const ratings_service_1 = require("./ratings/ratings.service");
let AppModule = AppModule_1 = class AppModule {
    static forRoot(config) {
        return {
            module: AppModule_1,
            global: true,
            imports: [
                typeorm_1.TypeOrmModule.forRootAsync({
                    useFactory: () => (0, database_options_1.databaseOptions)(config.database),
                    // Reads go to the primary unless a read path asks for a replica (ReadReplicas); migrations run
                    // under a database lock, so instances starting together run them once.
                    dataSourceFactory: (options) => read_replicas_1.ReadReplicas.initialize(options),
                }),
                typeorm_1.TypeOrmModule.forFeature([org_entity_1.Org, home_entity_1.Home, campaign_entity_1.Campaign, rating_entity_1.Rating, roster_entry_entity_1.RosterEntry, user_entity_1.User]),
                auth_module_1.AuthModule.register(config),
                grievances_module_1.GrievancesModule.register(config),
                oversight_module_1.OversightModule,
            ],
            controllers: [app_info_controller_1.AppInfoController, health_controller_1.HealthController, orgs_controller_1.OrgsController, campaigns_controller_1.CampaignsController, ratings_controller_1.RatingsController, membership_controller_1.MembershipController],
            providers: [
                { provide: app_config_1.APP_CONFIG, useValue: config },
                { provide: core_1.APP_FILTER, useClass: error_filter_1.ErrorFilter },
                // Order matters: who the caller is first, then how often they may write.
                { provide: core_1.APP_GUARD, useClass: auth_guard_1.AuthGuard },
                rate_limit_guard_1.RateLimitGuard,
                { provide: core_1.APP_GUARD, useExisting: rate_limit_guard_1.RateLimitGuard },
                // Rate-limit counters: in Redis when instances share one, so a limit counts hits on every instance.
                { provide: shared_state_1.REDIS, useFactory: () => (config.redisUrl ? (0, shared_state_1.createRedis)(config.redisUrl) : null) },
                shared_state_1.RedisCloser,
                shared_state_1.Locks,
                read_replicas_1.ReadReplicas,
                {
                    provide: throttler_1.ThrottlerStorage,
                    inject: [shared_state_1.REDIS],
                    useFactory: (redis) => (redis ? new throttler_storage_redis_1.ThrottlerStorageRedisService(redis) : new throttler_1.ThrottlerStorageService()),
                },
                clock_1.Clock,
                transactions_1.Transactions,
                h5_fallback_1.H5Fallback,
                orgs_service_1.OrgsService,
                campaigns_service_1.CampaignsService,
                ratings_service_1.RatingsService,
                membership_service_1.MembershipService,
                moderation_service_1.ModerationService,
                demo_seed_1.DemoSeed,
            ],
            exports: [app_config_1.APP_CONFIG, clock_1.Clock, transactions_1.Transactions, throttler_1.ThrottlerStorage, shared_state_1.REDIS, shared_state_1.Locks, read_replicas_1.ReadReplicas],
        };
    }
};
exports.AppModule = AppModule;
exports.AppModule = AppModule = AppModule_1 = __decorate([
    (0, common_1.Module)({})
], AppModule);
//# sourceMappingURL=app.module.js.map