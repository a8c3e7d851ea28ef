// The weapp build itself in WeChat's official simulator (miniprogram-simulate + exparser + wcc),
// against the real built server and the stand-in WeChat server.
const { suiteConfig } = require('../support/jest-suite');

// Only the tests are TypeScript; the built mini-program's .js runs as it was built.
module.exports = suiteConfig(__dirname, 'weapp', {
  displayName: 'weapp',
  testEnvironment: 'jsdom',
  globalSetup: '<rootDir>/global-setup.ts',
  globalTeardown: '<rootDir>/global-teardown.ts',
  testTimeout: 60_000,
});
