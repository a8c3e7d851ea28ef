import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, join, resolve } from 'node:path';

// Every setting the server reads, validated once at boot. A bad value stops the server with a
// message naming the variable, rather than failing later in some request.
export interface AppConfig {
  production: boolean;
  host: string;
  port: number;
  /**
   * TRUST_PROXY: which peers' X-Forwarded-For/-Proto/-Host count. false (the default): none, the peer
   * address is the client. A number: that many proxy hops in front. A list: proxies at these
   * addresses or CIDRs (or loopback, linklocal, uniquelocal).
   */
  trustProxy: false | number | string[];
  publicUrl: string;
  dataDir: string;
  /** MySQL may name read replicas (DATABASE_REPLICA_URLS): dashboards and league tables read from them */
  database: { kind: 'sqlite'; file: string } | { kind: 'mysql'; url: string; replicaUrls?: string[] };
  /**
   * REDIS_URL: state shared between instances (rate-limit counters, the WeChat access token, locks for
   * the periodic jobs). null: one instance, all of it in process.
   */
  redisUrl: string | null;
  logLevel: string;
  jwtSecret: string;
  raterKeySecret: string;
  tokenTtlSeconds: number;
  devLogin: boolean;
  seedDemo: boolean;
  demoAdmin: { username: string; password: string | null };
  h5Dir: string | null;
  bodyLimitBytes: number;
  /** JSON bodies: nesting depth (BODY_MAX_DEPTH) and keys plus array items (BODY_MAX_KEYS), checked before validation */
  bodyLimits: { maxDepth: number; maxKeys: number };
  /** roster uploads, CSV or .xlsx, as sent (UPLOAD_LIMIT_BYTES) */
  uploadLimitBytes: number;
  /** bulk-import uploads of unions and homes, CSV or .xlsx, as sent (IMPORT_LIMIT_BYTES): a province's 50,000 rows are ~3 MB as .xlsx, ~6.5 MB as CSV */
  importLimitBytes: number;
  /** an .xlsx's inflated parts (XLSX_MAX_PART_BYTES, each, whatever the zip declares) and worksheets (XLSX_MAX_SHEETS) */
  xlsx: { maxPartBytes: number; maxSheets: number };
  /** on SIGTERM, how long health answers 503 while requests are still served, before draining */
  shutdownDelayMs: number;
  /** how long a computed home or federation dashboard is reused (DASHBOARD_CACHE_SECONDS; 0: never) */
  dashboardCacheMs: number;
  /** requests per minute; a membership check also allows only so many failures per quarter hour */
  rateLimits: { writesPerUser: number; writesPerIp: number; loginsPerIp: number; membershipFailures: number };
  /**
   * Staff password logins per account: after backoffAfter failures each further try waits 2^(n-backoffAfter)
   * seconds; at lockoutAfter the account is locked for lockoutMinutes (0: until an admin above lifts it).
   */
  login: { backoffAfter: number; lockoutAfter: number; lockoutMinutes: number };
  wechat: { appId: string; secret: string; apiBase: string } | null;
  /**
   * WeChat web authorisation (snsapi_base) for the H5 app in WeChat's browser: the official account's
   * appid and secret (not the mini-program's), and where browsers are sent to authorise. Needs `wechat`.
   */
  wechatWeb: { appId: string; secret: string; authorizeBase: string } | null;
  /** NODE_ENV=test: the testing module (testing/) is loaded, and only then */
  test: boolean;
  /** tests only (TEST_CLOCK, needs NODE_ENV=test): a movable clock and the /api/__test hooks */
  testClock: boolean;
  /** tests only (TEST_DISABLE_LOCKS, needs NODE_ENV=test): every shared lock is granted to everyone, to show what the locks prevent */
  testDisableLocks: boolean;
  oversight: {
    /** how long an invite code stays valid (INVITE_TTL_HOURS, default 7 days) */
    inviteTtlHours: number;
    /** how long a password reset link made by the level above stays valid (PASSWORD_RESET_TTL_HOURS, default 24) */
    passwordResetTtlHours: number;
    /** which mini-program version a poster's code opens (WECHAT_ENV_VERSION) */
    wxaEnvVersion: 'release' | 'trial' | 'develop';
    /** a CJK font file for posters (POSTER_FONT); else the usual Debian font paths are tried */
    posterFont: string | null;
  };
  grievances: {
    /** subscribe-message template for status changes (WECHAT_GRIEVANCE_TEMPLATE_ID); null: no messages */
    templateId: string | null;
    /** template for staff who bound their WeChat: new, reminded and escalated grievances (WECHAT_STAFF_TEMPLATE_ID) */
    staffTemplateId: string | null;
    /**
     * WeChat's media check on attached images (WECHAT_MEDIA_CHECK=true; needs PUBLIC_URL reachable by WeChat
     * and WECHAT_PUSH_TOKEN, the message-push token whose signed callback carries the result); null: off
     */
    mediaCheck: { pushToken: string } | null;
    /** how often overdue grievances are checked and the notification outbox is sent; 0 turns the timer off */
    sweepIntervalMs: number;
    /** public tracking look-ups per address and minute */
    trackPerIp: number;
    /** public searches for where to file (federation tree, homes by name) per address and minute */
    placesPerIp: number;
  };
  campaigns: {
    /** how often scheduled cycles are opened and due ones closed (CAMPAIGN_SCHEDULE_INTERVAL_MS); 0 turns the timer off */
    scheduleIntervalMs: number;
    /** template of the members' "a cycle opened for your home" message (WECHAT_CYCLE_TEMPLATE_ID); null: no opt-in */
    openedTemplateId: string | null;
  };
  imports: {
    /** a running import job whose server gave no sign of life for this long is failed (IMPORT_JOB_STALE_MS, default 2 min) */
    staleMs: number;
  };
}

/**
 * The SQLite folder is made the owner's alone (database-options.ts): a folder others may write to (/tmp:
 * sticky, world-writable) is not ours to close, and closing it would break every other program there.
 */
function refuseSharedFolder(file: string, variable: string): void {
  const dir = dirname(file);
  if (existsSync(dir) && (statSync(dir).mode & 0o1002) !== 0) {
    throw new ConfigError(variable, `the SQLite database needs a folder of its own, not the shared folder ${dir}`);
  }
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`配置错误 ${variable}: ${reason}`);
  }
}

type Env = Record<string, string | undefined>;

const MYSQL_URL = /^mysql:\/\/[^/]+\/\w+/;

function bool(env: Env, name: string, fallback: boolean): boolean {
  const v = env[name];
  if (v === undefined || v === '') return fallback;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw new ConfigError(name, `must be true or false, got "${v}"`);
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const v = env[name];
  if (v === undefined || v === '') return fallback;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
    throw new ConfigError(name, `must be an integer from ${min} to ${max}, got "${v}"`);
  }
  return Number(v);
}

function secret(env: Env, name: string, production: boolean, dataDir: string): string {
  const v = env[name];
  if (v) {
    if (v.length < 32) throw new ConfigError(name, 'must be at least 32 characters');
    return v;
  }
  if (production) throw new ConfigError(name, 'is required in production');
  // Outside production a secret is generated on first run and kept beside the data, so tokens and
  // rater keys stay valid across restarts.
  const file = join(dataDir, 'secrets.json');
  const stored: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  if (!stored[name]) {
    stored[name] = randomBytes(32).toString('base64url');
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return stored[name];
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function trustProxy(env: Env): AppConfig['trustProxy'] {
  const v = (env.TRUST_PROXY ?? '').trim();
  if (v === '' || v === 'false' || v === '0') return false;
  if (/^\d+$/.test(v)) {
    if (Number(v) > 10) throw new ConfigError('TRUST_PROXY', `a hop count must be from 1 to 10, got "${v}"`);
    return Number(v);
  }
  if (v === 'true') {
    throw new ConfigError(
      'TRUST_PROXY',
      'true would let any client choose its address; give the number of proxies in front (1) or their addresses/CIDRs',
    );
  }
  const list = v
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  for (const a of list) {
    if (PROXY_NAMES.includes(a)) continue;
    const [ip, bits, extra] = a.split('/');
    const family = isIP(ip);
    const max = family === 4 ? 32 : 128;
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= max);
    if (!family || !bitsOk || extra !== undefined) {
      throw new ConfigError('TRUST_PROXY', `"${a}" is not an address, a CIDR (10.0.0.0/8) or one of ${PROXY_NAMES.join(', ')}`);
    }
  }
  return list;
}

function wxaEnvVersion(env: Env): 'release' | 'trial' | 'develop' {
  const v = env.WECHAT_ENV_VERSION || 'release';
  if (v !== 'release' && v !== 'trial' && v !== 'develop')
    throw new ConfigError('WECHAT_ENV_VERSION', `must be release, trial or develop, got "${v}"`);
  return v;
}

/** The variables that turn test hooks on: refused unless NODE_ENV=test. */
const TEST_VARIABLES = ['TEST_CLOCK', 'TEST_DISABLE_LOCKS'] as const;

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    throw new ConfigError('NODE_ENV', `must be development, production or test, got "${nodeEnv}"`);
  }
  const production = nodeEnv === 'production';
  const port = int(env, 'PORT', 3000, 0, 65535);
  // Outside production nothing is reachable from the network unless HOST says so: a demo or a developer's
  // server has the dev login and generated secrets.
  const host = env.HOST || (production ? '0.0.0.0' : '127.0.0.1');
  const dataDir = resolve(env.DATA_DIR || 'data');

  let database: AppConfig['database'];
  const url = env.DATABASE_URL;
  if (!url) {
    database = { kind: 'sqlite', file: join(dataDir, 'pingjia.sqlite') };
  } else if (MYSQL_URL.test(url)) {
    database = { kind: 'mysql', url, replicaUrls: [] };
  } else if (url.startsWith('sqlite:')) {
    database = { kind: 'sqlite', file: resolve(url.slice('sqlite:'.length)) };
  } else {
    throw new ConfigError('DATABASE_URL', 'must be mysql://user:pass@host:port/dbname or sqlite:<file>');
  }
  if (database.kind === 'sqlite') refuseSharedFolder(database.file, url ? 'DATABASE_URL' : 'DATA_DIR');

  const replicas = (env.DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  if (replicas.length) {
    if (database.kind !== 'mysql') throw new ConfigError('DATABASE_REPLICA_URLS', 'needs DATABASE_URL=mysql://… (SQLite has no replicas)');
    const bad = replicas.find((u) => !MYSQL_URL.test(u));
    if (bad !== undefined)
      throw new ConfigError(
        'DATABASE_REPLICA_URLS',
        `must be comma-separated mysql://user:pass@host:port/dbname URLs, got "${bad.replace(/\/\/[^@/]*@/, '//…@')}"`,
      );
    database.replicaUrls = replicas;
  }
  const redisUrl = env.REDIS_URL || null;
  if (redisUrl !== null && !/^rediss?:\/\/[^/\s]+(\/\d{1,2})?$/.test(redisUrl)) {
    throw new ConfigError('REDIS_URL', 'must be redis://[user:password@]host:port[/db] or rediss://…');
  }

  const devLogin = bool(env, 'AUTH_DEV_LOGIN', false);
  if (devLogin && production) throw new ConfigError('AUTH_DEV_LOGIN', 'must not be enabled in production');
  // The test hooks (testing/) exist only with NODE_ENV=test: one of their variables under any other
  // NODE_ENV (development is the default) is a mistake that would open them, so the server refuses to start.
  for (const name of TEST_VARIABLES) {
    if (env[name] !== undefined && env[name] !== '' && nodeEnv !== 'test')
      throw new ConfigError(name, `is for tests only: it needs NODE_ENV=test (NODE_ENV is ${nodeEnv})`);
  }
  const testClock = bool(env, 'TEST_CLOCK', false);
  const testDisableLocks = bool(env, 'TEST_DISABLE_LOCKS', false);
  const template = (name: string): string | null => {
    const id = env[name] || null;
    if (id !== null && !/^[A-Za-z0-9_-]{1,128}$/.test(id))
      throw new ConfigError(name, 'must be a WeChat template id (letters, digits, - and _)');
    return id;
  };
  const grievanceTemplate = template('WECHAT_GRIEVANCE_TEMPLATE_ID');
  const mediaCheck = bool(env, 'WECHAT_MEDIA_CHECK', false);
  if (mediaCheck && !env.WECHAT_PUSH_TOKEN)
    throw new ConfigError('WECHAT_PUSH_TOKEN', 'is required with WECHAT_MEDIA_CHECK (the message-push token set in WeChat)');

  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `unknown level "${logLevel}"`);
  }

  let wechat: AppConfig['wechat'] = null;
  if (env.WECHAT_APPID || env.WECHAT_SECRET) {
    if (!env.WECHAT_APPID || !env.WECHAT_SECRET) {
      throw new ConfigError(env.WECHAT_APPID ? 'WECHAT_SECRET' : 'WECHAT_APPID', 'WECHAT_APPID and WECHAT_SECRET go together');
    }
    const apiBase = env.WECHAT_API_BASE || 'https://api.weixin.qq.com';
    if (!/^https?:\/\//.test(apiBase)) throw new ConfigError('WECHAT_API_BASE', 'must be an http(s) URL');
    wechat = { appId: env.WECHAT_APPID, secret: env.WECHAT_SECRET, apiBase: apiBase.replace(/\/$/, '') };
  }
  let wechatWeb: AppConfig['wechatWeb'] = null;
  if (env.WECHAT_WEB_APPID || env.WECHAT_WEB_SECRET) {
    if (!env.WECHAT_WEB_APPID || !env.WECHAT_WEB_SECRET) {
      throw new ConfigError(
        env.WECHAT_WEB_APPID ? 'WECHAT_WEB_SECRET' : 'WECHAT_WEB_APPID',
        'WECHAT_WEB_APPID and WECHAT_WEB_SECRET go together',
      );
    }
    if (!wechat) throw new ConfigError('WECHAT_WEB_APPID', 'needs WECHAT_APPID and WECHAT_SECRET too');
    const authorizeBase = env.WECHAT_OPEN_BASE || 'https://open.weixin.qq.com';
    if (!/^https?:\/\//.test(authorizeBase)) throw new ConfigError('WECHAT_OPEN_BASE', 'must be an http(s) URL');
    wechatWeb = { appId: env.WECHAT_WEB_APPID, secret: env.WECHAT_WEB_SECRET, authorizeBase: authorizeBase.replace(/\/$/, '') };
  }

  const h5 = env.H5_DIR === undefined ? resolve(__dirname, '../../../miniapp/dist/h5') : env.H5_DIR;
  // Links people scan or follow (poster QR codes, the banner) are built from this, never from a request's
  // Host or forwarded headers; production must say where it is reached.
  if (production && !env.PUBLIC_URL)
    throw new ConfigError('PUBLIC_URL', 'is required in production (the https origin people reach the server at)');
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, '');
  if (!/^https?:\/\//.test(publicUrl)) throw new ConfigError('PUBLIC_URL', 'must be an http(s) URL');

  return {
    production,
    test: nodeEnv === 'test',
    host,
    port,
    trustProxy: trustProxy(env),
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
    bodyLimits: { maxDepth: int(env, 'BODY_MAX_DEPTH', 10, 2, 100), maxKeys: int(env, 'BODY_MAX_KEYS', 2000, 10, 100_000) },
    uploadLimitBytes: int(env, 'UPLOAD_LIMIT_BYTES', 5 * 1024 * 1024, 64 * 1024, 50 * 1024 * 1024),
    importLimitBytes: int(env, 'IMPORT_LIMIT_BYTES', 16 * 1024 * 1024, 64 * 1024, 100 * 1024 * 1024),
    xlsx: {
      maxPartBytes: int(env, 'XLSX_MAX_PART_BYTES', 32 * 1024 * 1024, 1024 * 1024, 512 * 1024 * 1024),
      maxSheets: int(env, 'XLSX_MAX_SHEETS', 20, 1, 1000),
    },
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
    login: loginLimits(env),
    wechat,
    wechatWeb,
    testClock,
    testDisableLocks,
    oversight: {
      inviteTtlHours: int(env, 'INVITE_TTL_HOURS', 7 * 24, 1, 90 * 24),
      passwordResetTtlHours: int(env, 'PASSWORD_RESET_TTL_HOURS', 24, 1, 7 * 24),
      wxaEnvVersion: wxaEnvVersion(env),
      posterFont: env.POSTER_FONT || null,
    },
    grievances: {
      templateId: grievanceTemplate,
      staffTemplateId: template('WECHAT_STAFF_TEMPLATE_ID'),
      mediaCheck: mediaCheck ? { pushToken: env.WECHAT_PUSH_TOKEN! } : null,
      sweepIntervalMs: int(env, 'GRIEVANCE_SWEEP_INTERVAL_MS', 5 * 60_000, 0, 24 * 3600_000),
      trackPerIp: int(env, 'RATE_LIMIT_TRACK_PER_IP', 30, 1, 1_000_000),
      placesPerIp: int(env, 'RATE_LIMIT_PLACES_PER_IP', 60, 1, 1_000_000),
    },
    campaigns: {
      scheduleIntervalMs: int(env, 'CAMPAIGN_SCHEDULE_INTERVAL_MS', 30_000, 0, 3600_000),
      openedTemplateId: template('WECHAT_CYCLE_TEMPLATE_ID'),
    },
    imports: {
      staleMs: int(env, 'IMPORT_JOB_STALE_MS', 120_000, 1000, 3600_000),
    },
  };
}

function loginLimits(env: Env): AppConfig['login'] {
  const backoffAfter = int(env, 'LOGIN_BACKOFF_AFTER', 5, 1, 100);
  const lockoutAfter = int(env, 'LOGIN_LOCKOUT_AFTER', 10, 2, 1000);
  if (lockoutAfter <= backoffAfter)
    throw new ConfigError('LOGIN_LOCKOUT_AFTER', `must be greater than LOGIN_BACKOFF_AFTER (${backoffAfter})`);
  return { backoffAfter, lockoutAfter, lockoutMinutes: int(env, 'LOGIN_LOCKOUT_MINUTES', 60, 0, 365 * 24 * 60) };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
