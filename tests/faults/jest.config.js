// Fault suites: the built server (and MariaDB) killed with SIGKILL mid-load, then checked for lost writes.
// FAULT_DB=mariadb runs them on a private MariaDB of their own; FAULT_KILLS / FAULT_LONG make longer runs.
/** @type {import('jest').Config} */
module.exports = {
  displayName: `faults:${process.env.FAULT_DB === 'mariadb' ? 'mariadb' : 'sqlite'}`,
  rootDir: __dirname,
  testEnvironment: 'node',
  testRegex: '\\.fault\\.ts$',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/../tsconfig.json' }] },
  moduleNameMapper: { '^@pingjia/shared$': '<rootDir>/../../shared/src/index.ts' },
  testTimeout: 15 * 60_000,
};
