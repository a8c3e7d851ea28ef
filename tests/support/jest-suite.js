// What every cross-package suite's Jest config shares: the tests are TypeScript (ts-jest with the tests'
// tsconfig), found by their ending (`*.api.ts`, `*.web.ts`, …) in the suite's folder, with @pingjia/shared
// read from its source. Each jest.config.js adds its own environment, set-up and limits.
/** @returns {import('jest').Config} */
function suiteConfig(dir, ending, own = {}) {
  return {
    rootDir: dir,
    testEnvironment: 'node',
    testRegex: `\\.${ending}\\.ts$`,
    transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/../tsconfig.json' }] },
    moduleNameMapper: { '^@pingjia/shared$': '<rootDir>/../../shared/src/index.ts' },
    ...own,
  };
}

module.exports = { suiteConfig };
