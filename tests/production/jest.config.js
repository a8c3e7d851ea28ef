// The production tier: the BUILT server started as production starts it (NODE_ENV=production, real
// secrets, PUBLIC_URL, no dev login, no test hooks), attacked over real HTTP. SQLite by default,
// MariaDB with TEST_DATABASE_URL (each suite makes a database of its own there).
/** @type {import('jest').Config} */
module.exports = {
  displayName: `production:${process.env.TEST_DATABASE_URL ? 'mariadb' : 'sqlite'}`,
  rootDir: __dirname,
  testEnvironment: 'node',
  testRegex: '\\.prod\\.ts$',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/../tsconfig.json' }] },
  moduleNameMapper: { '^@pingjia/shared$': '<rootDir>/../../shared/src/index.ts' },
  testTimeout: 90_000,
  // Each suite boots its own servers; two at a time is what a 2-core machine takes.
  maxWorkers: 2,
};
