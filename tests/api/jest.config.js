// The API suites: real HTTP against the built server, on SQLite or (TEST_DATABASE_URL) MariaDB.
const { suiteConfig } = require('../support/jest-suite');

module.exports = suiteConfig(__dirname, 'api', {
  displayName: `api:${process.env.TEST_DATABASE_URL ? 'mariadb' : 'sqlite'}`,
  globalSetup: '<rootDir>/global-setup.ts',
  globalTeardown: '<rootDir>/global-teardown.ts',
  testTimeout: 60_000,
});
