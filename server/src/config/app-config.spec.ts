import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

const dir = () => mkdtempSync(join(tmpdir(), 'pingjia-config-'));

describe(loadConfig.name, () => {
  it('defaults to a SQLite file under the data folder', () => {
    const dataDir = dir();
    const sut = loadConfig({ DATA_DIR: dataDir });
    expect(sut.database).toEqual({ kind: 'sqlite', file: join(dataDir, 'pingjia.sqlite') });
    expect(sut.port).toBe(3000);
    expect(sut.devLogin).toBe(false);
  });

  describe('test variables (issue 15.3: test hooks only in tests)', () => {
    it.each([
      ['TEST_CLOCK', undefined],
      ['TEST_CLOCK', 'development'],
      ['TEST_CLOCK', 'production'],
      ['TEST_DISABLE_LOCKS', undefined],
      ['TEST_DISABLE_LOCKS', 'development'],
      ['TEST_DISABLE_LOCKS', 'production'],
    ])('%s stops the boot with NODE_ENV=%s, naming it', (variable, nodeEnv) => {
      const env = {
        DATA_DIR: dir(),
        ...(nodeEnv ? { NODE_ENV: nodeEnv } : {}),
        [variable]: 'true',
        JWT_SECRET: 'j'.repeat(32),
        RATER_KEY_SECRET: 'r'.repeat(32),
        PUBLIC_URL: 'https://pingjia.example.cn',
      };
      expect(() => loadConfig(env)).toThrow(
        expect.objectContaining({ variable, message: expect.stringContaining('needs NODE_ENV=test') }) as ConfigError,
      );
    });

    it('are taken with NODE_ENV=test', () => {
      const sut = loadConfig({ DATA_DIR: dir(), NODE_ENV: 'test', TEST_CLOCK: 'true', TEST_DISABLE_LOCKS: 'true' });
      expect([sut.test, sut.testClock, sut.testDisableLocks]).toEqual([true, true, true]);
    });

    it('leave the hooks off by default, in tests too', () => {
      expect(loadConfig({ DATA_DIR: dir(), NODE_ENV: 'test' })).toMatchObject({ test: true, testClock: false, testDisableLocks: false });
      expect(loadConfig({ DATA_DIR: dir() })).toMatchObject({ test: false, testClock: false, testDisableLocks: false });
    });
  });

  it('uses MySQL for a mysql:// DATABASE_URL', () => {
    const sut = loadConfig({ DATA_DIR: dir(), DATABASE_URL: 'mysql://u:p@127.0.0.1:3306/pingjia' });
    expect(sut.database).toEqual({ kind: 'mysql', url: 'mysql://u:p@127.0.0.1:3306/pingjia', replicaUrls: [] });
    expect(sut.redisUrl).toBeNull();
  });

  it('takes read replicas and Redis for several instances', () => {
    const sut = loadConfig({
      DATA_DIR: dir(),
      DATABASE_URL: 'mysql://u:p@10.0.0.1:3306/pingjia',
      DATABASE_REPLICA_URLS: 'mysql://r:p@10.0.0.2:3306/pingjia, mysql://r:p@10.0.0.3:3306/pingjia',
      REDIS_URL: 'redis://:pw@10.0.0.9:6379/2',
    });
    expect(sut.database).toEqual({
      kind: 'mysql',
      url: 'mysql://u:p@10.0.0.1:3306/pingjia',
      replicaUrls: ['mysql://r:p@10.0.0.2:3306/pingjia', 'mysql://r:p@10.0.0.3:3306/pingjia'],
    });
    expect(sut.redisUrl).toBe('redis://:pw@10.0.0.9:6379/2');
  });

  it('refuses read replicas on SQLite, naming the variable', () => {
    expect(() => loadConfig({ DATA_DIR: dir(), DATABASE_REPLICA_URLS: 'mysql://r:p@10.0.0.2:3306/pingjia' })).toThrow(
      /DATABASE_REPLICA_URLS: needs DATABASE_URL=mysql/,
    );
  });

  it.each([
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'postgres://x/y' }],
    ['AUTH_DEV_LOGIN', { AUTH_DEV_LOGIN: 'yes' }],
    ['TEST_CLOCK', { NODE_ENV: 'production', TEST_CLOCK: 'true' }],
    [
      'TEST_DISABLE_LOCKS',
      { NODE_ENV: 'production', TEST_DISABLE_LOCKS: 'true', JWT_SECRET: 'j'.repeat(32), RATER_KEY_SECRET: 'r'.repeat(32) },
    ],
    ['REDIS_URL', { REDIS_URL: 'localhost:6379' }],
    ['DATABASE_REPLICA_URLS', { DATABASE_URL: 'mysql://u:p@h:3306/db', DATABASE_REPLICA_URLS: 'mysql://u:p@h:3306/db,postgres://x/y' }],
    ['WECHAT_GRIEVANCE_TEMPLATE_ID', { WECHAT_GRIEVANCE_TEMPLATE_ID: 'not a template!' }],
    ['GRIEVANCE_SWEEP_INTERVAL_MS', { GRIEVANCE_SWEEP_INTERVAL_MS: '-5' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['WECHAT_SECRET', { WECHAT_APPID: 'wx123' }],
    ['JWT_SECRET', { NODE_ENV: 'production', PUBLIC_URL: 'https://pingjia.example.cn' }],
    ['PUBLIC_URL', { NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(32), RATER_KEY_SECRET: 'r'.repeat(32) }],
    ['TRUST_PROXY', { TRUST_PROXY: 'true' }],
    ['TRUST_PROXY', { TRUST_PROXY: '10.0.0.0/33' }],
    ['TRUST_PROXY', { TRUST_PROXY: 'proxy.example.cn' }],
    ['TRUST_PROXY', { TRUST_PROXY: '11' }],
    ['LOGIN_LOCKOUT_AFTER', { LOGIN_BACKOFF_AFTER: '5', LOGIN_LOCKOUT_AFTER: '5' }],
    ['JWT_SECRET', { JWT_SECRET: 'short' }],
  ])('names %s when its value is bad', (variable, env) => {
    expect(() => loadConfig({ DATA_DIR: dir(), ...env })).toThrow(expect.objectContaining({ variable }) as ConfigError);
  });

  it('trusts no proxy unless TRUST_PROXY names a hop count or addresses', () => {
    expect(loadConfig({ DATA_DIR: dir() }).trustProxy).toBe(false);
    expect(loadConfig({ DATA_DIR: dir(), TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ DATA_DIR: dir(), TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1, loopback' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
      'loopback',
    ]);
  });

  it('generates secrets once outside production and keeps them', () => {
    const dataDir = dir();
    const first = loadConfig({ DATA_DIR: dataDir });
    const second = loadConfig({ DATA_DIR: dataDir });
    expect(first.jwtSecret).toHaveLength(43);
    expect(second.jwtSecret).toBe(first.jwtSecret);
    expect(first.raterKeySecret).not.toBe(first.jwtSecret);
    expect(JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')).JWT_SECRET).toBe(first.jwtSecret);
  });
});
