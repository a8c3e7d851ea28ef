// The production tier: the BUILT server started as production starts it (NODE_ENV=production, real
// secrets, PUBLIC_URL, no dev login, no test hooks), attacked over real HTTP — every suite once on
// SQLite and once on MariaDB (PROD_MARIADB_URL; each suite makes a database of its own there).
const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testRegex: '\\.prod\\.ts$',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/../tsconfig.json' }] },
  moduleNameMapper: { '^@pingjia/shared$': '<rootDir>/../../shared/src/index.ts' },
};
/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 90_000,
  // Each suite boots its own servers; two at a time is what a 2-core machine takes.
  maxWorkers: 2,
  projects: [
    { ...base, displayName: 'production:sqlite', setupFiles: ['<rootDir>/on-sqlite.js'] },
    { ...base, displayName: 'production:mariadb', setupFiles: ['<rootDir>/on-mariadb.js'] },
  ],
};
