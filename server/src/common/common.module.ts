import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import type Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Clock } from './clock';
import { H5Fallback } from './h5-fallback';
import { redisThrottlerStorage } from './on-demand';
import { RateLimitGuard } from './rate-limit.guard';
import { RateLimitCounters } from './rate-limit-store';
import { createRedis, Locks, REDIS, RedisCloser } from './shared-state';
import { Transactions } from './transactions';

// What every feature may use: the config, the clock, transactions, rate limits, and the state shared
// between instances (Redis when configured: rate-limit counters, locks).
@Global()
@Module({})
export class CommonModule {
  /** `overrides` take the place of providers of the same token (the testing module's, under NODE_ENV=test). */
  static forRoot(config: AppConfig, overrides: Provider[] = []): DynamicModule {
    const replaced = new Set(overrides.map((p) => ('provide' in p ? p.provide : p)));
    const own: Provider[] = [
      { provide: APP_CONFIG, useValue: config },
      { provide: REDIS, useFactory: () => (config.redisUrl ? createRedis(config.redisUrl) : null) },
      RedisCloser,
      Locks,
      // Rate-limit counters: in Redis when instances share one, so a limit counts hits on every instance.
      {
        provide: ThrottlerStorage,
        inject: [REDIS],
        useFactory: (redis: Redis | null) =>
          redis ? new (redisThrottlerStorage().ThrottlerStorageRedisService)(redis) : new RateLimitCounters(),
      },
      RateLimitGuard,
      Clock,
      Transactions,
      H5Fallback,
    ];
    return {
      module: CommonModule,
      providers: [...own.filter((p) => !replaced.has('provide' in p ? p.provide : p)), ...overrides],
      exports: [APP_CONFIG, REDIS, Locks, ThrottlerStorage, RateLimitGuard, Clock, Transactions, H5Fallback],
    };
  }
}
