// Every acknowledged write must survive a crash or power loss (docs/security.md). These are the
// settings that promise it, read from the running server's own database connection (the test-only
// route of server/src/testing, present with TEST_CLOCK), not from the configuration that should set them.
import { api, cityWithCampaign } from './fixtures';

const mariadb = !!process.env.TEST_DATABASE_URL;

describe(`durability settings of the running server (${mariadb ? 'mariadb' : 'sqlite'})`, () => {
  it(
    mariadb
      ? 'flushes the redo log at every commit, and syncs the binary log when there is one'
      : 'journals in WAL mode with synchronous=FULL or stronger',
    async () => {
      const res = await api().get('/api/__test/durability');
      expect(res.status).toBe(200);
      if (mariadb) {
        expect(res.body.driver).toBe('mysql');
        // 0 and 2 lose up to a second of acknowledged commits when the machine fails.
        expect(res.body.innodb_flush_log_at_trx_commit).toBe(1);
        expect(res.body.innodb_doublewrite).toBe(1);
        // Without a binary log there is nothing to sync; with one, every commit syncs it.
        if (res.body.log_bin === 1) expect(res.body.sync_binlog).toBe(1);
      } else {
        expect(res.body.driver).toBe('sqlite');
        expect(res.body.journal_mode).toBe('wal');
        // In WAL mode NORMAL (1) may lose the last commits on power loss; FULL is 2, EXTRA 3.
        expect(res.body.synchronous).toBeGreaterThanOrEqual(2);
      }
    },
  );
});

// The WAL is copied into the database file by the checkpointer's worker thread (server/src/database/
// wal-checkpointer.ts), never inside a COMMIT on the request thread: the app's connection checkpoints nothing.
describe(`WAL checkpoints (${mariadb ? 'mariadb' : 'sqlite'})`, () => {
  const durability = async () => {
    const res = await api().get('/api/__test/durability');
    expect(res.status).toBe(200);
    return res.body;
  };

  // Waits for a state; gives up after 40 s (within the test's timeout) rather than polling on after a failure.
  const until = async (check: (d: any) => boolean) => {
    for (const deadline = Date.now() + 40_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      const d = await durability();
      if (check(d)) return d;
    }
    throw new Error('state not reached in 40 s');
  };

  it(
    mariadb
      ? "are not the checkpointer's on MySQL: after writes it has made none"
      : "are the worker's: the app's connection has wal_autocheckpoint 0, and the worker copies what is written",
    async () => {
      if (mariadb) {
        await cityWithCampaign(); // a few dozen commits
        const d = await durability();
        expect(d.driver).toBe('mysql');
        expect(d.checkpointer_checkpoints).toBe(0);
        return;
      }
      // The app hands the checkpoints over after the worker's first one (a second after the start).
      const before = await until((d) => d.wal_autocheckpoint === 0);
      await cityWithCampaign(); // a few dozen commits
      // The worker checkpoints every second: wait for it to have copied frames written after `before`.
      const after = await until((d) => d.checkpointer_frames > before.checkpointer_frames);
      expect(after.wal_autocheckpoint).toBe(0);
    },
  );
});
