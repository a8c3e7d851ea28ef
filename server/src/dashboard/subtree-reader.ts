import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LEAGUE_SORT_KEYS } from '@pingjia/shared';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { PAGE_CACHE_KB } from '../database/database-options';
import { RatingTotalsStore } from '../ratings/rating-totals.store';
import { GrievanceFigures } from './grievance-figures';
import { HomeRows, PackedRows } from './packed-rows';
import { GrievanceJob, readGrievances, readSubtree, SubtreeGrievances, SubtreeJob, SubtreeRead, SubtreeSql } from './subtree-read';

/** A part of the tree as the org dashboards keep it: its rows made into objects only when shown. */
export type SubtreeData = Omit<SubtreeRead, 'rows'> & { rows: HomeRows };

/** Every league order: in the worker all are made with the figures, so none is sorted on the request thread. */
const ALL_ORDERS = LEAGUE_SORT_KEYS.flatMap((sort) => [`${sort}:asc`, `${sort}:desc`]);

/**
 * The worker's heap, bounded (an option of the Worker, not a process flag): left to V8, a province's scan
 * (50,000 homes read, made into rows, packed) grows the worker's heap by ~45 MB of garbage per scan before it
 * collects, to ~300 MB; bounded it collects sooner, at the same scan time (docs/performance.md, "Sixth pass:
 * the server's memory"). The province's scan (50,000 homes) lives on 48-64 MB at its peak (its published cycle,
 * with the cycle before joined, ran out of memory in an old generation of 48 MB and ran in 64), so 256 leaves
 * a province 4x its room (128 measured the same peak RSS and time, but 2x). A worker that runs out anyway
 * exits: its jobs fail, the next read starts another (as after any failure).
 */
export const SUBTREE_WORKER_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 256 } as const;

/** What the worker posts back for a job: a part's figures (`ok`), its grievance sums, or the job's error. */
export type WorkerAnswer =
  | { id: number; ok: Omit<SubtreeRead, 'rows' | 'orders'> & { rows: PackedRows; orders: [string, Int32Array][] }; error?: undefined }
  | { id: number; grievances: SubtreeGrievances; ok?: undefined; error?: undefined }
  | { id: number; error: string; ok?: undefined };

type Answered = Exclude<WorkerAnswer, { error: string }>;

// Reads parts of the tree for the org dashboards, and their grievance sums. On SQLite in a worker thread
// with its own read-only connection (subtree.worker.ts): better-sqlite3 runs a query on the calling thread,
// and a province's scan (50,000 homes, their totals, the flags: 1.0-1.4 s at full size) would hold every
// other request that long. On MySQL the driver already waits off the thread: read here.
@Injectable()
export class SubtreeReader implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(SubtreeReader.name);
  private worker: Worker | null = null;
  private next = 1;
  /** jobs sent to the running worker, by id */
  private pending = new Map<number, { resolve: (a: Answered) => void; reject: (e: Error) => void }>();
  private readonly file: string | null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: RatingTotalsStore,
    private readonly grievanceFigures: GrievanceFigures,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.file = config.database.kind === 'sqlite' ? config.database.file : null;
  }

  /** A part of the tree's figures in one cycle. */
  async read(job: SubtreeJob): Promise<SubtreeData> {
    if (this.file === null) {
      const read = await readSubtree(this.sql(), job);
      return { ...read, rows: HomeRows.of(read.rows) };
    }
    const answer = await this.ask({ job: { ...job, orderKeys: ALL_ORDERS } });
    if (!answer.ok) throw new Error('subtree worker: no figures in the answer');
    return { ...answer.ok, rows: new HomeRows(answer.ok.rows), orders: new Map(answer.ok.orders) };
  }

  /** A part of the tree's grievance sums now. */
  async grievances(job: GrievanceJob): Promise<SubtreeGrievances> {
    if (this.file === null) return readGrievances(this.sql(), job);
    const answer = await this.ask({ grievances: job });
    if (!('grievances' in answer)) throw new Error('subtree worker: no grievance sums in the answer');
    return answer.grievances;
  }

  /** MySQL: the app's connection. */
  private sql(): SubtreeSql {
    return {
      dataSource: this.dataSource,
      store: this.store,
      grievances: (path: string, now: Date) => this.grievanceFigures.subtree(path, now),
    };
  }

  private ask(message: { job: SubtreeJob } | { grievances: GrievanceJob }): Promise<Answered> {
    const worker = this.started(this.file!);
    const pending = this.pending;
    return new Promise((resolve, reject) => {
      const id = this.next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...message });
    });
  }

  /** Started with the app, so the first dashboard does not wait for the worker's own start (~1 s of loading). */
  onApplicationBootstrap(): void {
    if (this.file !== null) this.started(this.file);
  }

  async onApplicationShutdown(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  /** The worker's script (a spec's stand-in reads the options it is started with). */
  protected readonly workerFile: string = join(__dirname, 'subtree.worker.js');

  private started(file: string): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerFile, {
      workerData: { file, cacheKb: PAGE_CACHE_KB.subtree },
      resourceLimits: SUBTREE_WORKER_LIMITS,
    });
    const pending = (this.pending = new Map());
    // Never what keeps the process alive (shutdown terminates it; a drained server exits without it).
    worker.unref();
    worker.on('message', (answer: WorkerAnswer) => {
      const waiting = pending.get(answer.id);
      pending.delete(answer.id);
      if (!waiting) return;
      if (answer.error !== undefined) waiting.reject(new Error(answer.error));
      else waiting.resolve(answer);
    });
    // A worker that failed or exited answers nothing more: its jobs fail (a kept part of the tree stays
    // served, the next request tries again) and the next read starts another.
    const lost = (e: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const w of pending.values()) w.reject(e);
      pending.clear();
    };
    worker.on('error', (e) => {
      this.log.error(`subtree worker failed: ${e.message}`);
      lost(e);
    });
    worker.on('exit', (code) => lost(new Error(`subtree worker exited (${code})`)));
    this.worker = worker;
    return worker;
  }
}
