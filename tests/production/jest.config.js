// The production tier: the BUILT server started as production starts it (NODE_ENV=production, real
// secrets, PUBLIC_URL, no dev login, no test hooks), attacked over real HTTP — every suite once on
// SQLite and once on MariaDB (PROD_MARIADB_URL; each suite makes a database of its own there).
const { suiteConfig } = require('../support/jest-suite');

const base = suiteConfig(__dirname, 'prod');
/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 90_000,
  // One suite at a time: the bomb suite times each refusal (under a second), which a suite building the
  // H5 app beside it would make meaningless on a 2-core machine.
  maxWorkers: 1,
  projects: [
    { ...base, displayName: 'production:sqlite', setupFiles: ['<rootDir>/on-sqlite.js'] },
    { ...base, displayName: 'production:mariadb', setupFiles: ['<rootDir>/on-mariadb.js'] },
  ],
};
