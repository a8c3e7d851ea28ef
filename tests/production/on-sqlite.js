// This suite file runs on SQLite (a worker may have run a MariaDB file before).
delete process.env.TEST_DATABASE_URL;
