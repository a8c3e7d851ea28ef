const fs = require('fs');
const path = require('path');

/** What bench/run.sh gives its server on top of startServer's production environment, for a data folder of bench/diag. */
exports.diagEnv = (dataDir, logLevel) => ({
  ...JSON.parse(fs.readFileSync(path.join(dataDir, 'manifest.json'), 'utf8')).secrets,
  DATABASE_URL: `sqlite:${path.resolve(dataDir, 'run.sqlite')}`,
  DATA_DIR: path.resolve(dataDir),
  LOG_LEVEL: logLevel,
  RATE_LIMIT_WRITES_PER_USER: '1000000',
  RATE_LIMIT_WRITES_PER_IP: '1000000',
  ...(process.env.EXTRA ? JSON.parse(process.env.EXTRA) : {}),
});
