import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PAGE_CACHE_KB } from '../database/database-options';
import type { HomeAccess, HomeJob } from './home-answer';

/** What the request thread asks a reader: a caller's access to a home, or a home's answer (access decided). */
export type ReaderJob = { access: { userId: string; homeId: string } } | { answer: HomeJob; now: string };
/** What a home reader posts: that it is ready, or a job's result (an answer's bytes, an access decision, or that it failed). */
export type ReaderAnswer =
  { ready: true } | { id: number; bytes: Uint8Array } | { id: number; access: HomeAccess } | { id: number; failed: true };
type Result = Buffer | HomeAccess;

/**
 * Worker threads: one. At full size, alternating one and two on the idle two-core machine (three pairs,
 * docs/performance.md "Fifth pass at full size"), one served the mixed load 31% faster, the random home 8%
 * slower with a lower p99, and peak RSS 40-70 MB lower: a second reader adds a thread to share the two
 * cores with, and its own V8 heap, TypeORM and page cache. More cores than two would say otherwise.
 */
const READERS = 1;
/**
 * Each reader's heap (MB): a job's garbage is small and short-lived (a small young generation), and a job
 * keeps little (a home's figures are summed in SQL): after a collection a reader holds ~20 MB (TypeORM's
 * metadata, code), while V8 left to itself let it reach ~95 MB of garbage at 50,000 homes before collecting.
 * A reader that runs out exits; its jobs are computed on the request thread (below).
 */
export const READER_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 64 } as const;
/** A job unanswered this long (a stuck reader) is computed on the request thread instead. */
const SLOW_MS = 2_000;
/** After a reader fails, its place stays empty this long (no start per request while starts fail). */
const RESTART_MS = 5_000;

interface Reader {
  thread: Worker;
  ready: boolean;
  /** jobs sent to it, by id: each takes its result, or null (compute on the request thread) */
  waiting: Map<number, (result: Result | null) => void>;
}

// Home dashboards missing from the caches, computed off the request thread on SQLite (issue 20): better-
// sqlite3 runs a statement on the calling thread, and at full size a miss's statements read cold pages of
// the 8 GB file for up to ~700 ms, with every other request waiting (docs/performance.md). A pool of
// worker threads (READERS), each with its own read-only connection, computes them with the same code (homeAnswer).
// A caller's access to a home not in DashboardAnswers' cache is decided by a reader too, first and apart,
// with the same code (AccessPolicy.homeWithLevel), before any figure is asked for; a refusal there is decided
// again on the request thread, which refuses as always. The readers start with the first miss,
// not with the app (a thread loading TypeORM beside the boot slows the start to ready, docs/performance.md), and
// take ~1 s to load. A job goes to a ready reader with the fewest jobs waiting; while none is ready
// (starting, restarting after a failure), and for a job a reader failed on or
// left unanswered for SLOW_MS, the request thread computes it as before — a request never fails
// because of a reader. MySQL (file null): always on the request thread (the driver waits off it).
export class HomeReaders implements OnApplicationShutdown {
  private readonly log = new Logger(HomeReaders.name);
  private readonly readers: (Reader | null)[];
  /** per place: no new reader before this time (Date.now()) */
  private readonly restartAt: number[];
  private next = 1;
  private stopped = false;

  constructor(
    /** the same computations on the request thread */
    private readonly inThread: {
      answer: (job: HomeJob) => Promise<Buffer>;
      access: (userId: string, homeId: string) => Promise<HomeAccess>;
    },
    /** the SQLite file, or null on MySQL */
    private readonly file: string | null,
    /** the server's clock: each job is computed at the moment it was asked */
    private readonly now: () => Date,
    private readonly workerFile = join(__dirname, 'home-reader.worker.js'),
    size = READERS,
  ) {
    this.readers = new Array<Reader | null>(file === null ? 0 : size).fill(null);
    this.restartAt = this.readers.map(() => 0);
  }

  /** The home dashboard's bytes, from a reader or computed here; rejects only as the computation here would. */
  async read(job: HomeJob): Promise<Buffer> {
    return ((await this.fromReader({ answer: job, now: this.now().toISOString() })) as Buffer | null) ?? this.inThread.answer(job);
  }

  /** The caller's access to the home (AccessPolicy.homeWithLevel), from a reader or decided here; refuses only as it does here. */
  async access(userId: string, homeId: string): Promise<HomeAccess> {
    return ((await this.fromReader({ access: { userId, homeId } })) as HomeAccess | null) ?? this.inThread.access(userId, homeId);
  }

  /** A reader's result; null when no reader is ready (MySQL, starting, failed) or it failed on the job or took SLOW_MS. */
  fromReader(job: ReaderJob): Promise<Result | null> {
    const reader = this.pick();
    if (!reader) return Promise.resolve(null);
    const id = this.next++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => answered(null), SLOW_MS);
      const answered = (result: Result | null) => {
        clearTimeout(timer);
        reader.waiting.delete(id);
        resolve(result);
      };
      reader.waiting.set(id, answered);
      reader.thread.postMessage({ id, ...job });
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    const readers = this.readers.splice(0);
    await Promise.all(readers.map((r) => r?.thread.terminate()));
  }

  /** A ready reader with the fewest jobs waiting (starting one in an empty place whose pause is over). */
  private pick(): Reader | undefined {
    let best: Reader | undefined;
    for (let i = 0; i < this.readers.length; i++) {
      const r = this.readers[i] ?? this.start(i);
      if (r?.ready && (!best || r.waiting.size < best.waiting.size)) best = r;
    }
    return best;
  }

  private start(i: number): Reader | null {
    if (this.stopped || Date.now() < this.restartAt[i]) return null;
    const thread = new Worker(this.workerFile, {
      // Its share of the page cache budget (the OS's page cache holds the rest).
      workerData: { file: this.file, cacheKb: PAGE_CACHE_KB.reader },
      resourceLimits: READER_LIMITS,
    });
    // Never what keeps the process alive (shutdown terminates it).
    thread.unref();
    const reader: Reader = { thread, ready: false, waiting: new Map() };
    thread.on('message', (a: ReaderAnswer) => {
      if ('ready' in a) reader.ready = true;
      else
        reader.waiting.get(a.id)?.(
          'bytes' in a ? Buffer.from(a.bytes.buffer, a.bytes.byteOffset, a.bytes.byteLength) : 'access' in a ? a.access : null,
        );
    });
    // A reader that failed or exited answers nothing more: its jobs are computed here, its place stays
    // empty for RESTART_MS.
    const lost = (why: string) => {
      if (this.readers[i] !== reader) return; // replaced, or shutting down
      this.readers[i] = null;
      this.restartAt[i] = Date.now() + RESTART_MS;
      this.log.error(`home reader ${why}; its dashboards are computed on the request thread`);
      for (const answered of [...reader.waiting.values()]) answered(null);
    };
    thread.on('error', (e) => lost(`failed: ${e.message}`));
    thread.on('exit', (code) => lost(`exited (${code})`));
    this.readers[i] = reader;
    return reader;
  }
}
