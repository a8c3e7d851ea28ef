// Fault suites: the built server (and MariaDB) killed with SIGKILL mid-load, then checked for lost writes.
// FAULT_DB=mariadb runs them on a private MariaDB of their own; FAULT_KILLS / FAULT_LONG make longer runs.
const { suiteConfig } = require('../support/jest-suite');

module.exports = suiteConfig(__dirname, 'fault', {
  displayName: `faults:${process.env.FAULT_DB === 'mariadb' ? 'mariadb' : 'sqlite'}`,
  testTimeout: 15 * 60_000,
});
