// The scale-out suite: two built servers on one MariaDB primary with a replica, sharing Redis
// (tests/scale/instances.scale.ts). Starts everything it needs; SCALE_LONG=true for more load.
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'scale',
  rootDir: __dirname,
  testEnvironment: 'node',
  testRegex: '\\.scale\\.ts$',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/../tsconfig.json' }] },
  moduleNameMapper: { '^@pingjia/shared$': '<rootDir>/../../shared/src/index.ts' },
  testTimeout: 120_000,
};
