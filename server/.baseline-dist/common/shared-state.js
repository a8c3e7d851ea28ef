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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.Locks = exports.RedisCloser = exports.REDIS_PREFIX = exports.REDIS = void 0;
exports.createRedis = createRedis;
const common_1 = require("@nestjs/common");
const ioredis_1 = __importDefault(require("ioredis"));
const node_crypto_1 = require("node:crypto");
const app_config_1 = require("../config/app-config");
// State that several server instances must share (REDIS_URL): rate-limit counters, the WeChat access
// token, and locks for the periodic jobs. Without REDIS_URL there is one instance and all of it stays
// in this process. Everything durable (ratings, grievances, idempotency keys, the outbox) lives in the
// database, where unique indexes and conditional writes decide between instances.
/** The ioredis client, or null when REDIS_URL is unset. */
exports.REDIS = Symbol('REDIS');
/** Every key this server writes starts with this. */
exports.REDIS_PREFIX = 'pingjia:';
function createRedis(url) {
    const logger = new common_1.Logger('Redis');
    const redis = new ioredis_1.default(url, {
        keyPrefix: exports.REDIS_PREFIX,
        // A request waits at most this long on Redis before it fails (503), instead of hanging.
        commandTimeout: 2000,
        maxRetriesPerRequest: 2,
        connectTimeout: 5000,
    });
    let down = false;
    redis.on('error', (e) => {
        if (!down)
            logger.error(`Redis unreachable: ${e.message}`);
        down = true;
    });
    redis.on('ready', () => {
        if (down)
            logger.log('Redis reachable again');
        down = false;
    });
    return redis;
}
/** Closes the Redis connection after everything else has shut down. */
let RedisCloser = class RedisCloser {
    redis;
    constructor(redis) {
        this.redis = redis;
    }
    async onApplicationShutdown() {
        await this.redis?.quit().catch(() => this.redis?.disconnect());
    }
};
exports.RedisCloser = RedisCloser;
exports.RedisCloser = RedisCloser = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(exports.REDIS)),
    __metadata("design:paramtypes", [Object])
], RedisCloser);
// Compare-and-delete: only the holder's token releases the lock (it may have expired and been taken).
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;
// Locks with an expiry, one holder at a time: in Redis (SET NX PX with a random token, released by
// compare-and-delete) when instances share one, else in this process. An expiry bounds how long a
// crashed holder blocks the others; a holder must finish its work well within it.
let Locks = class Locks {
    redis;
    config;
    local = new Map();
    constructor(redis, config) {
        this.redis = redis;
        this.config = config;
    }
    /** Whether instances share their locks (REDIS_URL). */
    get shared() {
        return this.redis !== null;
    }
    /** The lock if nobody holds it, else null. */
    async tryAcquire(name, ttlMs) {
        if (this.config.testDisableLocks)
            return { release: async () => undefined };
        const key = `lock:${name}`;
        const token = (0, node_crypto_1.randomBytes)(16).toString('hex');
        if (this.redis) {
            const ok = await this.redis.set(key, token, 'PX', ttlMs, 'NX');
            if (ok !== 'OK')
                return null;
            return { release: async () => void (await this.redis.eval(RELEASE, 1, key, token)) };
        }
        const held = this.local.get(key);
        if (held && held.until > Date.now())
            return null;
        this.local.set(key, { token, until: Date.now() + ttlMs });
        return {
            release: async () => {
                if (this.local.get(key)?.token === token)
                    this.local.delete(key);
            },
        };
    }
    /**
     * Claims a one-time slot (a periodic job's tick): true for exactly one caller across instances, for
     * as long as the key lives.
     */
    async claim(name, ttlMs) {
        return (await this.tryAcquire(`claim:${name}`, ttlMs)) !== null;
    }
};
exports.Locks = Locks;
exports.Locks = Locks = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(exports.REDIS)),
    __param(1, (0, common_1.Inject)(app_config_1.APP_CONFIG)),
    __metadata("design:paramtypes", [Object, Object])
], Locks);
//# sourceMappingURL=shared-state.js.map