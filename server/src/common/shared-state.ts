import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { ioredis } from './on-demand';

// State that several server instances must share (REDIS_URL): rate-limit counters, the WeChat access
// token, and locks for the periodic jobs. Without REDIS_URL there is one instance and all of it stays
// in this process. Everything durable (ratings, grievances, idempotency keys, the outbox) lives in the
// database, where unique indexes and conditional writes decide between instances.

/** The ioredis client, or null when REDIS_URL is unset. */
export const REDIS = Symbol('REDIS');
/** Every key this server writes starts with this. */
const REDIS_PREFIX = 'pingjia:';

export function createRedis(url: string): Redis {
  const logger = new Logger('Redis');
  const redis = new (ioredis().default)(url, {
    keyPrefix: REDIS_PREFIX,
    // A request waits at most this long on Redis before it fails (503), instead of hanging.
    commandTimeout: 2000,
    maxRetriesPerRequest: 2,
    connectTimeout: 5000,
  });
  let down = false;
  redis.on('error', (e) => {
    if (!down) logger.error(`Redis unreachable: ${e.message}`);
    down = true;
  });
  redis.on('ready', () => {
    if (down) logger.log('Redis reachable again');
    down = false;
  });
  return redis;
}

/** Closes the Redis connection after everything else has shut down. */
@Injectable()
export class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }
}

export interface Lease {
  /** gives the lock back, if it is still ours */
  release(): Promise<void>;
}

// Compare-and-delete: only the holder's token releases the lock (it may have expired and been taken).
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

// Locks with an expiry, one holder at a time: in Redis (SET NX PX with a random token, released by
// compare-and-delete) when instances share one, else in this process. An expiry bounds how long a
// crashed holder blocks the others; a holder must finish its work well within it.
@Injectable()
export class Locks {
  private readonly local = new Map<string, { token: string; until: number }>();

  constructor(@Inject(REDIS) private readonly redis: Redis | null) {}

  /** Whether instances share their locks (REDIS_URL). */
  get shared(): boolean {
    return this.redis !== null;
  }

  /** The lock if nobody holds it, else null. */
  async tryAcquire(name: string, ttlMs: number): Promise<Lease | null> {
    const key = `lock:${name}`;
    const token = randomBytes(16).toString('hex');
    if (this.redis) {
      const ok = await this.redis.set(key, token, 'PX', ttlMs, 'NX');
      if (ok !== 'OK') return null;
      return { release: async () => void (await this.redis!.eval(RELEASE, 1, key, token)) };
    }
    const held = this.local.get(key);
    if (held && held.until > Date.now()) return null;
    this.local.set(key, { token, until: Date.now() + ttlMs });
    return {
      release: async () => {
        if (this.local.get(key)?.token === token) this.local.delete(key);
      },
    };
  }

  /**
   * Claims a one-time slot (a periodic job's tick): true for exactly one caller across instances, for
   * as long as the key lives.
   */
  async claim(name: string, ttlMs: number): Promise<boolean> {
    return (await this.tryAcquire(`claim:${name}`, ttlMs)) !== null;
  }
}
