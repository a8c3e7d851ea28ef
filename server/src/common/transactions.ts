import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';

const RETRYABLE = new Set([
  'ER_LOCK_DEADLOCK',
  'ER_LOCK_WAIT_TIMEOUT',
  'SQLITE_BUSY',
  'ER_DUP_ENTRY',
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
]);

function errorCode(e: unknown): string | undefined {
  const err = e as { code?: string; driverError?: { code?: string } };
  return err?.driverError?.code ?? err?.code;
}

/** A lost lock race (deadlock, lock wait, busy, duplicate insert): worth running the work again. */
export function isRetryable(e: unknown): boolean {
  return RETRYABLE.has(errorCode(e) ?? '');
}

export function isUniqueViolation(e: unknown): boolean {
  const code = errorCode(e);
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

type Work<T> = (manager: EntityManager) => Promise<T>;

/** A statement that must commit with the first write transaction of a piece of work (Transactions.markFirstCommit). */
interface CommitMark {
  sql: string;
  params: unknown[];
  done: boolean;
}
const commitMarks = new AsyncLocalStorage<CommitMark>();

interface Waiting {
  work: Work<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** At most this many queued SQLite transactions share one commit. */
const GROUP_MAX = 64;

// One way to run a write transaction on either driver. SQLite has one connection and one writer:
// transactions are queued here so two requests never interleave statements inside one BEGIN.
// Group commit: the transactions that queued up while one was running are run together in one BEGIN,
// each in its own savepoint (a failing one is rolled back alone), and share one COMMIT — one fsync
// (synchronous=FULL) instead of one each. Each caller is answered only after that COMMIT, so every
// acknowledged write is still durable. MySQL runs them concurrently; deadlocks and lost insert races
// are retried from the start.
@Injectable()
export class Transactions {
  private readonly waiting: Waiting[] = [];
  private draining = false;
  private readonly sqlite: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.sqlite = dataSource.options.type === 'better-sqlite3';
  }

  /**
   * Runs `fn`; the first write transaction it commits (through `run`) also runs `sql` and commits it in
   * the same COMMIT, so a record of "something was written" can never be lost between the two (the
   * Idempotency-Key's crash window: common/idempotency.ts).
   */
  static async markFirstCommit<T>(sql: string, params: unknown[], fn: () => Promise<T>): Promise<T> {
    const mark: CommitMark = { sql, params, done: false };
    try {
      return await commitMarks.run(mark, fn);
    } finally {
      // Only `fn`'s own transactions: what its caller writes after it (the stored answer) is not marked.
      mark.done = true;
    }
  }

  async run<T>(work: Work<T>, attempts = 6): Promise<T> {
    // The mark is read here, in the caller's context: SQLite's queue runs the work in another one.
    const mark = commitMarks.getStore();
    const marked: Work<T> =
      mark && !mark.done
        ? async (m) => {
            const value = await work(m);
            await m.query(mark.sql, mark.params);
            return value;
          }
        : work;
    for (let attempt = 1; ; attempt++) {
      try {
        const value = await this.once(marked);
        if (mark) mark.done = true;
        return value;
      } catch (e) {
        if (attempt >= attempts || !isRetryable(e)) throw e;
        await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
      }
    }
  }

  private once<T>(work: Work<T>): Promise<T> {
    if (!this.sqlite) return this.dataSource.transaction(work);
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      // better-sqlite3 is synchronous: while a group runs (its COMMIT's fsync included) no request is
      // read, so without a turn of the event loop the queue never holds more than one transaction and
      // every write pays its own fsync (measured: one COMMIT per PUT, 2.5 ms each, ~400 writes/s). One
      // setImmediate before each group lets the requests already waiting on their sockets queue up.
      for (;;) {
        await new Promise((r) => setImmediate(r));
        if (!this.waiting.length) break;
        await this.commitGroup(this.waiting.splice(0, GROUP_MAX));
      }
    } finally {
      this.draining = false;
    }
  }

  private async commitGroup(group: Waiting[]): Promise<void> {
    if (group.length === 1) {
      const [only] = group;
      await this.dataSource.transaction(only.work).then(only.resolve, only.reject);
      return;
    }
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      await this.dataSource.transaction(async (m) => {
        for (const w of group) {
          // A nested transaction is a savepoint: released on success, rolled back to on failure.
          await m.transaction(w.work).then(
            (value) => outcomes.push({ ok: true, value }),
            (error) => outcomes.push({ ok: false, value: error }),
          );
        }
      });
    } catch (e) {
      // The shared COMMIT failed: nothing of the group was written.
      for (const w of group) w.reject(e);
      return;
    }
    group.forEach((w, i) => (outcomes[i].ok ? w.resolve(outcomes[i].value) : w.reject(outcomes[i].value)));
  }
}
