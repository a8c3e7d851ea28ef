// This suite file runs on the MariaDB the test command started (PROD_MARIADB_URL). Without one the
// suite fails rather than quietly running on SQLite twice.
if (!process.env.PROD_MARIADB_URL)
  throw new Error('PROD_MARIADB_URL is not set: the production tier needs a MariaDB (scripts/mariadb.sh start DIR)');
process.env.TEST_DATABASE_URL = process.env.PROD_MARIADB_URL;
