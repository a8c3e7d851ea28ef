// The H5 build in Debian's Chromium, driven by playwright-core, against the real server.
const { suiteConfig } = require('../support/jest-suite');

module.exports = suiteConfig(__dirname, 'web', {
  displayName: 'web',
  globalSetup: '<rootDir>/global-setup.ts',
  globalTeardown: '<rootDir>/global-teardown.ts',
  testTimeout: 90_000,
  maxWorkers: 1,
});
