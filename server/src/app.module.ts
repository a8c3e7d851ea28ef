import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AppInfoModule } from './app-info/app-info.module';
import { AuditModule } from './audit/audit.module';
import { AuthGuard } from './auth/auth.guard';
import { AuthModule } from './auth/auth.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { CommonModule } from './common/common.module';
import { ErrorFilter } from './common/error.filter';
import { RateLimitGuard } from './common/rate-limit.guard';
import type { AppConfig } from './config/app-config';
import { DashboardModule } from './dashboard/dashboard.module';
import { DatabaseModule } from './database/database.module';
import { ExportsModule } from './exports/exports.module';
import { NoticesModule } from './notices/notices.module';
import { GrievancesModule } from './grievances/grievances.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { InvitesModule } from './invites/invites.module';
import { MembershipModule } from './membership/membership.module';
import { OrgsModule } from './orgs/orgs.module';
import { PostersModule } from './posters/posters.module';
import { DossierModule } from './dossier/dossier.module';
import { RatingsModule } from './ratings/ratings.module';
import { RectificationModule } from './rectification/rectification.module';
import { SeedModule } from './seed/seed.module';
import { SettingsAdminModule } from './settings-admin/settings-admin.module';
import { SettingsModule } from './settings/settings.module';
import { StructureModule } from './structure/structure.module';
import { TestingModule } from './testing/testing.module';

// The table of contents: one module per folder of server/src. Each feature module registers its own
// entities and controllers; imports between folders run one way (checked by .dependency-cruiser.js).
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    // Test hooks only in tests: NODE_ENV=test, and the config refuses their variables otherwise.
    const testing = config.test;
    return {
      module: AppModule,
      imports: [
        // below every feature
        CommonModule.forRoot(config, testing ? TestingModule.commonOverrides(config) : []),
        DatabaseModule.forRoot(config),
        // who the caller is, and the org tree with who may act where in it
        AuthModule.register(config),
        OrgsModule,
        // rating
        SettingsModule,
        CampaignsModule,
        MembershipModule,
        RatingsModule,
        // grievances
        GrievancesModule,
        NoticesModule,
        // oversight
        AuditModule,
        SettingsAdminModule,
        StructureModule,
        InvitesModule,
        ImportsModule,
        DashboardModule,
        RectificationModule,
        PostersModule,
        DossierModule,
        ExportsModule,
        // operations
        HealthModule,
        AppInfoModule,
        SeedModule,
        ...(testing ? [TestingModule.forRoot(config)] : []),
      ],
      providers: [
        { provide: APP_FILTER, useClass: ErrorFilter },
        // Order matters: who the caller is first, then how often they may write.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useExisting: RateLimitGuard },
      ],
    };
  }
}
