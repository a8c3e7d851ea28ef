// The scale-out suite: two built servers on one MariaDB primary with a replica, sharing Redis
// (tests/scale/instances.scale.ts). Starts everything it needs; SCALE_LONG=true for more load.
const { suiteConfig } = require('../support/jest-suite');

module.exports = suiteConfig(__dirname, 'scale', { displayName: 'scale', testTimeout: 120_000 });
