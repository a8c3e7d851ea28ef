import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import type Redis from 'ioredis';
import { AuthGuard } from './auth/auth.guard';
import { RateLimitGuard } from './common/rate-limit.guard';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppInfoController } from './app-info/app-info.controller';
import { AuthModule } from './auth/auth.module';
import { Campaign } from './campaigns/campaign.entity';
import { CampaignsController } from './campaigns/campaigns.controller';
import { CampaignsService } from './campaigns/campaigns.service';
import { Clock } from './common/clock';
import { ErrorFilter } from './common/error.filter';
import { H5Fallback } from './common/h5-fallback';
import { Transactions } from './common/transactions';
import { createRedis, Locks, REDIS, RedisCloser } from './common/shared-state';
import { ReadReplicas } from './database/read-replicas';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { OversightModule } from './audit/oversight.module';
import { GrievancesModule } from './grievances/grievances.module';
import { databaseOptions } from './database/database-options';
import { DemoSeed } from './database/seed/demo-seed';
import { HealthController } from './health/health.controller';
import { Home } from './orgs/home.entity';
import { Org } from './orgs/org.entity';
import { OrgsController } from './orgs/orgs.controller';
import { OrgsService } from './orgs/orgs.service';
import { Rating } from './ratings/rating.entity';
import { RosterEntry } from './membership/roster-entry.entity';
import { User } from './auth/user.entity';
import { MembershipController } from './membership/membership.controller';
import { MembershipService } from './membership/membership.service';
import { ModerationService } from './wechat/moderation.service';
import { RatingsController } from './ratings/ratings.controller';
import { RatingsService } from './ratings/ratings.service';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => databaseOptions(config.database),
          // Reads go to the primary unless a read path asks for a replica (ReadReplicas); migrations run
          // under a database lock, so instances starting together run them once.
          dataSourceFactory: (options) => ReadReplicas.initialize(options!),
        }),
        TypeOrmModule.forFeature([Org, Home, Campaign, Rating, RosterEntry, User]),
        AuthModule.register(config),
        GrievancesModule.register(config),
        OversightModule,
      ],
      controllers: [AppInfoController, HealthController, OrgsController, CampaignsController, RatingsController, MembershipController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: ErrorFilter },
        // Order matters: who the caller is first, then how often they may write.
        { provide: APP_GUARD, useClass: AuthGuard },
        RateLimitGuard,
        { provide: APP_GUARD, useExisting: RateLimitGuard },
        // Rate-limit counters: in Redis when instances share one, so a limit counts hits on every instance.
        { provide: REDIS, useFactory: () => (config.redisUrl ? createRedis(config.redisUrl) : null) },
        RedisCloser,
        Locks,
        ReadReplicas,
        {
          provide: ThrottlerStorage,
          inject: [REDIS],
          useFactory: (redis: Redis | null) => (redis ? new ThrottlerStorageRedisService(redis) : new ThrottlerStorageService()),
        },
        Clock,
        Transactions,
        H5Fallback,
        OrgsService,
        CampaignsService,
        RatingsService,
        MembershipService,
        ModerationService,
        DemoSeed,
      ],
      exports: [APP_CONFIG, Clock, Transactions, ThrottlerStorage, REDIS, Locks, ReadReplicas],
    };
  }
}
