// The API suites: real HTTP against the built server, on SQLite or (TEST_DATABASE_URL) MariaDB.
/** @type {import('jest').Config} */
module.exports = {
  displayName: `api:${process.env.TEST_DATABASE_URL ? 'mariadb' : 'sqlite'}`,
  rootDir: __dirname,
  testEnvironment: 'node',
  testRegex: '\\.api\\.ts$',
  globalSetup: '<rootDir>/global-setup.ts',
  globalTeardown: '<rootDir>/global-teardown.ts',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/../tsconfig.json' }] },
  moduleNameMapper: { '^@pingjia/shared$': '<rootDir>/../../shared/src/index.ts' },
  testTimeout: 60_000,
};
