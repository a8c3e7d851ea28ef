import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { DataSource, EntityManager } from 'typeorm';
import { REDIS } from '../common/shared-state';

/** How long Redis keeps a version it was not told to change (bounds a crash between a commit and its publish). */
const REDIS_TTL_MS = 60_000;
/** Versions kept in this process (one instance, no Redis); the oldest go first. */
const LOCAL_MAX = 200_000;
// Keeps the larger of the stored and the given version: versions only grow, so a reader that read the
// database just before a bump committed can never put the older version back over the newer one.
const MAX_SET = `local c = redis.call('GET', KEYS[1])
if (not c) or tonumber(c) < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) end
return 1`;

// Each user's token version, which every authenticated request compares with its token's, without a
// database round trip per request. Every bump goes through `increment` (inside the bump's transaction)
// and `changed` (after it committed), so the versions known here are never older than the database's
// once a bump is acknowledged:
// - one instance (no REDIS_URL): a map in this process;
// - several (REDIS_URL): the versions live in Redis, shared, and `changed` writes the new one there
//   before the bump is answered, so every instance refuses the old tokens from then on.
// Between `increment` and `changed` this process reads the database for that user.
@Injectable()
export class TokenVersions {
  private readonly logger = new Logger('TokenVersions');
  private readonly local = new Map<string, number>();
  private readonly pending = new Map<string, number>();
  /** bumps Redis did not take (unreachable): written as soon as it is back */
  private readonly unsent = new Set<string>();
  private redisDown = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis | null,
  ) {
    redis?.on('ready', () => void this.resend());
  }

  /** The user's current token version; null when there is no such user. */
  async current(userId: string): Promise<number | null> {
    if (this.pending.has(userId)) return this.read(userId);
    if (this.redis) {
      const cached = await this.fromRedis(userId);
      if (cached !== undefined) return cached;
      const v = await this.read(userId);
      if (v !== null && !this.pending.has(userId) && this.redis.status === 'ready')
        await this.redis.eval(MAX_SET, 1, `tokver:${userId}`, String(v), String(REDIS_TTL_MS)).catch(() => undefined);
      return v;
    }
    const cached = this.local.get(userId);
    if (cached !== undefined) return cached;
    const v = await this.read(userId);
    if (v !== null && !this.pending.has(userId)) this.remember(userId, v);
    return v;
  }

  /**
   * The user's current version when this process knows it without waiting (one instance, no bump in
   * flight: the map `current` answers from); undefined otherwise (ask `current`).
   */
  knownNow(userId: string): number | undefined {
    return this.redis || this.pending.has(userId) ? undefined : this.local.get(userId);
  }

  /** Moves the user's token version on, inside the caller's transaction (`m`); call `changed` once it committed. */
  async increment(m: EntityManager, userId: string): Promise<void> {
    this.pending.set(userId, (this.pending.get(userId) ?? 0) + 1);
    await m.query('UPDATE users SET token_version = token_version + 1 WHERE id = ?', [userId]);
  }

  /** After the bump committed (or failed): the committed version becomes the one every instance checks. */
  async changed(userId: string): Promise<void> {
    try {
      const v = await this.read(userId);
      if (v === null) this.local.delete(userId);
      else if (this.redis) await this.toRedis(userId, v);
      else this.remember(userId, v);
    } finally {
      const n = (this.pending.get(userId) ?? 1) - 1;
      if (n > 0) this.pending.set(userId, n);
      else this.pending.delete(userId);
    }
  }

  private async read(userId: string): Promise<number | null> {
    const rows: { token_version: number | string }[] = await this.dataSource.query('SELECT token_version FROM users WHERE id = ?', [
      userId,
    ]);
    return rows.length ? Number(rows[0].token_version) : null;
  }

  private remember(userId: string, v: number): void {
    const had = this.local.get(userId);
    if (had !== undefined && had >= v) return;
    this.local.delete(userId);
    this.local.set(userId, v);
    if (this.local.size > LOCAL_MAX) this.local.delete(this.local.keys().next().value as string);
  }

  /** undefined: not known there (or Redis unreachable: the database answers instead, without waiting for it). */
  private async fromRedis(userId: string): Promise<number | undefined> {
    if (this.redis!.status !== 'ready') return undefined;
    try {
      const v = await this.redis!.get(`tokver:${userId}`);
      this.redisDown = false;
      return v === null ? undefined : Number(v);
    } catch (e) {
      if (!this.redisDown) this.logger.warn(`token versions read from the database: Redis unreachable (${(e as Error).message})`);
      this.redisDown = true;
      return undefined;
    }
  }

  private async toRedis(userId: string, v: number): Promise<void> {
    try {
      if (this.redis!.status !== 'ready') throw new Error(`connection ${this.redis!.status}`);
      await this.redis!.eval(MAX_SET, 1, `tokver:${userId}`, String(v), String(REDIS_TTL_MS));
    } catch (e) {
      // While Redis is unreachable every instance reads the database; it may still hold the older
      // version when it comes back, so the new one is written then.
      this.unsent.add(userId);
      this.logger.error(`token version of a user not written to Redis (written when it is back): ${(e as Error).message}`);
    }
  }

  private async resend(): Promise<void> {
    for (const userId of [...this.unsent]) {
      this.unsent.delete(userId);
      const v = await this.read(userId).catch(() => null);
      if (v !== null) await this.toRedis(userId, v);
    }
  }
}
