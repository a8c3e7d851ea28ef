import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DataSource } from 'typeorm';

/** What the worker posts after each checkpoint: PRAGMA wal_checkpoint(PASSIVE)'s row, or its error. */
export type CheckpointReport =
  { busy: boolean; walFrames: number; copiedFrames: number; ms: number; error?: undefined } | { error: string; ms: number };

/** SQLite's own default: the app's connection checkpoints itself when a COMMIT leaves this many WAL pages. */
const SQLITE_AUTOCHECKPOINT = 1000;
/** How often the worker checkpoints: ~150 pages a second at full size, copied in one go each time. */
const EVERY_MS = 1000;
/** A worker silent this long (stuck) is treated as gone until it reports again. */
const SILENT_MS = 30_000;

// SQLite copies the WAL back into the database file in a checkpoint. Left to SQLite (wal_autocheckpoint),
// it runs inside the COMMIT that takes the WAL past 1000 pages, on the app's one connection — and with
// better-sqlite3 on the request thread: every few seconds one write group's COMMIT writes ~1000 pages into
// the database file and syncs it, and no request is served meanwhile (docs/performance.md, issue 20's
// fourth pass). Here a worker thread with a connection of its own checkpoints (PASSIVE) every second, and
// the app's connection checkpoints nothing (wal_autocheckpoint=0) while that worker is alive and reporting.
// If the worker fails, exits or falls silent, the app's connection checkpoints itself again, so the WAL
// cannot grow without bound. Commits stay synchronous=FULL: where the checkpoint runs does not change when a
// commit is durable (its WAL frames are synced before the COMMIT returns).
// Provided by DatabaseModule; on MySQL (file null) it does nothing.
export class WalCheckpointer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(WalCheckpointer.name);
  private worker: Worker | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private lastReport = 0;
  private appCheckpoints = true;
  /** checkpoints that copied frames, and how many, since the start (GET /api/__test/durability) */
  readonly copied = { checkpoints: 0, frames: 0 };

  constructor(
    private readonly dataSource: Pick<DataSource, 'query'>,
    /** the SQLite file, or null on MySQL */
    private readonly file: string | null,
    private readonly workerFile = join(__dirname, 'wal-checkpoint.worker.js'),
  ) {}

  onApplicationBootstrap(): void {
    if (this.file === null) return;
    const worker = new Worker(this.workerFile, { workerData: { file: this.file, everyMs: EVERY_MS } });
    // Never what keeps the process alive (shutdown terminates it).
    worker.unref();
    this.worker = worker;
    worker.on('message', (report: CheckpointReport) => this.reported(report));
    worker.on('error', (e) => this.gone(`failed: ${e.message}`));
    worker.on('exit', (code) => this.gone(`exited (${code})`));
    this.watchdog = setInterval(() => {
      if (!this.appCheckpoints && Date.now() - this.lastReport > SILENT_MS) this.appCheckpointing(true, `silent for ${SILENT_MS} ms`);
    }, SILENT_MS / 3);
    this.watchdog.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (this.watchdog) clearInterval(this.watchdog);
    await worker?.terminate();
  }

  private reported(report: CheckpointReport): void {
    if (!this.worker) return;
    this.lastReport = Date.now();
    if (report.error !== undefined) {
      this.log.error(`WAL checkpoint failed: ${report.error}`);
      return;
    }
    if (report.copiedFrames > 0) {
      this.copied.checkpoints++;
      this.copied.frames += report.copiedFrames;
    }
    // The first checkpoint that worked (or one after a silence) hands the checkpoints to the worker.
    if (this.appCheckpoints) this.appCheckpointing(false);
  }

  private gone(why: string): void {
    if (!this.worker) return; // shutting down
    this.worker = null;
    if (this.watchdog) clearInterval(this.watchdog);
    this.appCheckpointing(true, `worker ${why}`);
  }

  private appCheckpointing(on: boolean, why?: string): void {
    this.appCheckpoints = on;
    if (on) this.log.error(`WAL checkpoints back on the app's connection (every ${SQLITE_AUTOCHECKPOINT} pages): checkpointer ${why}`);
    // One statement on the app's connection; better-sqlite3 runs it at once, between two requests' work.
    void this.dataSource.query(`PRAGMA wal_autocheckpoint = ${on ? SQLITE_AUTOCHECKPOINT : 0}`).catch((e: Error) => {
      this.log.error(`PRAGMA wal_autocheckpoint failed: ${e.message}`);
    });
  }
}
