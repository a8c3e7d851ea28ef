"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.APP_CONFIG = exports.ConfigError = void 0;
exports.loadConfig = loadConfig;
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
class ConfigError extends Error {
    variable;
    constructor(variable, reason) {
        super(`配置错误 ${variable}: ${reason}`);
        this.variable = variable;
    }
}
exports.ConfigError = ConfigError;
const MYSQL_URL = /^mysql:\/\/[^/]+\/\w+/;
function bool(env, name, fallback) {
    const v = env[name];
    if (v === undefined || v === '')
        return fallback;
    if (v === 'true' || v === '1')
        return true;
    if (v === 'false' || v === '0')
        return false;
    throw new ConfigError(name, `must be true or false, got "${v}"`);
}
function int(env, name, fallback, min, max) {
    const v = env[name];
    if (v === undefined || v === '')
        return fallback;
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
        throw new ConfigError(name, `must be an integer from ${min} to ${max}, got "${v}"`);
    }
    return Number(v);
}
function secret(env, name, production, dataDir) {
    const v = env[name];
    if (v) {
        if (v.length < 32)
            throw new ConfigError(name, 'must be at least 32 characters');
        return v;
    }
    if (production)
        throw new ConfigError(name, 'is required in production');
    // Outside production a secret is generated on first run and kept beside the data, so tokens and
    // rater keys stay valid across restarts.
    const file = (0, node_path_1.join)(dataDir, 'secrets.json');
    const stored = (0, node_fs_1.existsSync)(file) ? JSON.parse((0, node_fs_1.readFileSync)(file, 'utf8')) : {};
    if (!stored[name]) {
        stored[name] = (0, node_crypto_1.randomBytes)(32).toString('base64url');
        (0, node_fs_1.mkdirSync)(dataDir, { recursive: true });
        (0, node_fs_1.writeFileSync)(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
    }
    return stored[name];
}
function wxaEnvVersion(env) {
    const v = env.WECHAT_ENV_VERSION || 'release';
    if (v !== 'release' && v !== 'trial' && v !== 'develop')
        throw new ConfigError('WECHAT_ENV_VERSION', `must be release, trial or develop, got "${v}"`);
    return v;
}
function loadConfig(env = process.env) {
    const nodeEnv = env.NODE_ENV ?? 'development';
    if (!['development', 'production', 'test'].includes(nodeEnv)) {
        throw new ConfigError('NODE_ENV', `must be development, production or test, got "${nodeEnv}"`);
    }
    const production = nodeEnv === 'production';
    const port = int(env, 'PORT', 3000, 0, 65535);
    const host = env.HOST || '0.0.0.0';
    const dataDir = (0, node_path_1.resolve)(env.DATA_DIR || 'data');
    let database;
    const url = env.DATABASE_URL;
    if (!url) {
        database = { kind: 'sqlite', file: (0, node_path_1.join)(dataDir, 'pingjia.sqlite') };
    }
    else if (MYSQL_URL.test(url)) {
        database = { kind: 'mysql', url, replicaUrls: [] };
    }
    else if (url.startsWith('sqlite:')) {
        database = { kind: 'sqlite', file: (0, node_path_1.resolve)(url.slice('sqlite:'.length)) };
    }
    else {
        throw new ConfigError('DATABASE_URL', 'must be mysql://user:pass@host:port/dbname or sqlite:<file>');
    }
    const replicas = (env.DATABASE_REPLICA_URLS ?? '').split(',').map((u) => u.trim()).filter(Boolean);
    if (replicas.length) {
        if (database.kind !== 'mysql')
            throw new ConfigError('DATABASE_REPLICA_URLS', 'needs DATABASE_URL=mysql://… (SQLite has no replicas)');
        const bad = replicas.find((u) => !MYSQL_URL.test(u));
        if (bad !== undefined)
            throw new ConfigError('DATABASE_REPLICA_URLS', `must be comma-separated mysql://user:pass@host:port/dbname URLs, got "${bad.replace(/\/\/[^@/]*@/, '//…@')}"`);
        database.replicaUrls = replicas;
    }
    const redisUrl = env.REDIS_URL || null;
    if (redisUrl !== null && !/^rediss?:\/\/[^/\s]+(\/\d{1,2})?$/.test(redisUrl)) {
        throw new ConfigError('REDIS_URL', 'must be redis://[user:password@]host:port[/db] or rediss://…');
    }
    const devLogin = bool(env, 'AUTH_DEV_LOGIN', false);
    if (devLogin && production)
        throw new ConfigError('AUTH_DEV_LOGIN', 'must not be enabled in production');
    const testClock = bool(env, 'TEST_CLOCK', false);
    if (testClock && production)
        throw new ConfigError('TEST_CLOCK', 'must not be enabled in production');
    const testDisableLocks = bool(env, 'TEST_DISABLE_LOCKS', false);
    if (testDisableLocks && production)
        throw new ConfigError('TEST_DISABLE_LOCKS', 'must not be enabled in production');
    const grievanceTemplate = env.WECHAT_GRIEVANCE_TEMPLATE_ID || null;
    if (grievanceTemplate !== null && !/^[A-Za-z0-9_-]{1,128}$/.test(grievanceTemplate)) {
        throw new ConfigError('WECHAT_GRIEVANCE_TEMPLATE_ID', 'must be a WeChat template id (letters, digits, - and _)');
    }
    const logLevel = env.LOG_LEVEL || 'info';
    if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
        throw new ConfigError('LOG_LEVEL', `unknown level "${logLevel}"`);
    }
    let wechat = null;
    if (env.WECHAT_APPID || env.WECHAT_SECRET) {
        if (!env.WECHAT_APPID || !env.WECHAT_SECRET) {
            throw new ConfigError(env.WECHAT_APPID ? 'WECHAT_SECRET' : 'WECHAT_APPID', 'WECHAT_APPID and WECHAT_SECRET go together');
        }
        const apiBase = env.WECHAT_API_BASE || 'https://api.weixin.qq.com';
        if (!/^https?:\/\//.test(apiBase))
            throw new ConfigError('WECHAT_API_BASE', 'must be an http(s) URL');
        wechat = { appId: env.WECHAT_APPID, secret: env.WECHAT_SECRET, apiBase: apiBase.replace(/\/$/, '') };
    }
    const h5 = env.H5_DIR === undefined ? (0, node_path_1.resolve)(__dirname, '../../../miniapp/dist/h5') : env.H5_DIR;
    const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, '');
    if (!/^https?:\/\//.test(publicUrl))
        throw new ConfigError('PUBLIC_URL', 'must be an http(s) URL');
    return {
        production,
        host,
        port,
        publicUrl,
        dataDir,
        database,
        redisUrl,
        logLevel,
        jwtSecret: secret(env, 'JWT_SECRET', production, dataDir),
        raterKeySecret: secret(env, 'RATER_KEY_SECRET', production, dataDir),
        tokenTtlSeconds: int(env, 'TOKEN_TTL_SECONDS', 7200, 60, 86400),
        devLogin,
        seedDemo: bool(env, 'SEED_DEMO', false),
        demoAdmin: { username: env.DEMO_ADMIN_USERNAME || 'admin', password: env.DEMO_ADMIN_PASSWORD || null },
        h5Dir: h5 === '' ? null : h5,
        bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 64 * 1024, 1024, 10 * 1024 * 1024),
        shutdownDelayMs: int(env, 'SHUTDOWN_DELAY_MS', production ? 5000 : 0, 0, 60_000),
        // Dashboards are read far more often than their figures change (open cycles move in steps anyway):
        // production reuses an answer for 15 s; tests and development see every change at once.
        dashboardCacheMs: int(env, 'DASHBOARD_CACHE_SECONDS', production ? 15 : 0, 0, 3600) * 1000,
        rateLimits: {
            writesPerUser: int(env, 'RATE_LIMIT_WRITES_PER_USER', 30, 1, 1_000_000),
            // Many members of one factory share one NAT address (a whole workshop scans the poster at a meeting):
            // the per-address limits are generous.
            writesPerIp: int(env, 'RATE_LIMIT_WRITES_PER_IP', 600, 1, 1_000_000),
            loginsPerIp: int(env, 'RATE_LIMIT_LOGINS_PER_IP', 600, 1, 1_000_000),
            membershipFailures: int(env, 'RATE_LIMIT_MEMBERSHIP_FAILURES', 5, 1, 1000),
        },
        wechat,
        testClock,
        testDisableLocks,
        oversight: {
            inviteTtlHours: int(env, 'INVITE_TTL_HOURS', 7 * 24, 1, 90 * 24),
            wxaEnvVersion: wxaEnvVersion(env),
            posterFont: env.POSTER_FONT || null,
            publicUrlSet: !!env.PUBLIC_URL,
        },
        grievances: {
            templateId: grievanceTemplate,
            sweepIntervalMs: int(env, 'GRIEVANCE_SWEEP_INTERVAL_MS', 5 * 60_000, 0, 24 * 3600_000),
            trackPerIp: int(env, 'RATE_LIMIT_TRACK_PER_IP', 30, 1, 1_000_000),
        },
    };
}
exports.APP_CONFIG = Symbol('APP_CONFIG');
//# sourceMappingURL=app-config.js.map