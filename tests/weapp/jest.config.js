// The weapp build itself in WeChat's official simulator (miniprogram-simulate + exparser + wcc),
// against the real built server and the stand-in WeChat server.
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'weapp',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testRegex: '\\.weapp\\.ts$',
  globalSetup: '<rootDir>/global-setup.ts',
  globalTeardown: '<rootDir>/global-teardown.ts',
  // Only the tests are TypeScript; the built mini-program's .js runs as it was built.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/../tsconfig.json' }] },
  moduleNameMapper: { '^@pingjia/shared$': '<rootDir>/../../shared/src/index.ts' },
  testTimeout: 60_000,
};
