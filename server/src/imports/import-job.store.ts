import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IMPORT_OUTCOMES, type ImportCounts, type ImportOutcome, type ImportRowReport, type ImportStatus } from '@pingjia/shared';
import { gunzipSync, gzipSync } from 'node:zlib';
import { EntityManager, In, LessThan, Not, IsNull, Repository } from 'typeorm';
import { Transactions } from '../common/transactions';
import type { ImportLine } from './import-file';
import { ImportJobPart, ImportJobRecord } from './import-job.entity';
import type { ImportWriteCounts } from './import-store';

/** rows per stored chunk, and the JSON size at which a chunk is cut earlier (rows of long text) */
const CHUNK_ROWS = 1000;
const CHUNK_CHARS = 2_000_000;
const RUNNING: ImportStatus[] = ['checking', 'applying'];
const now = () => new Date().toISOString();

const zeroCounts = (): ImportCounts => ({ create: 0, update: 0, unchanged: 0, refused: 0 });

/** Items in chunks of at most CHUNK_ROWS (fewer when their JSON passes CHUNK_CHARS), each gzipped JSON. */
function chunks<T>(items: T[]): Array<{ items: T[]; data: Buffer }> {
  const out: Array<{ items: T[]; data: Buffer }> = [];
  let json: string[] = [];
  let chars = 0;
  let from = 0;
  items.forEach((item, i) => {
    const text = JSON.stringify(item);
    json.push(text);
    chars += text.length;
    if (json.length >= CHUNK_ROWS || chars >= CHUNK_CHARS || i === items.length - 1) {
      out.push({ items: items.slice(from, i + 1), data: gzipSync(`[${json.join(',')}]`, { level: 1 }) });
      json = [];
      chars = 0;
      from = i + 1;
    }
  });
  return out;
}

const unpack = <T>(p: ImportJobPart): T[] => JSON.parse(gunzipSync(p.data).toString('utf8')) as T[];

// The one owner of import_jobs and import_job_parts. Times here are the machine's, not the test clock:
// they only say whether the instance running a job is still alive.
@Injectable()
export class ImportJobStore {
  constructor(
    @InjectRepository(ImportJobRecord) private readonly jobs: Repository<ImportJobRecord>,
    @InjectRepository(ImportJobPart) private readonly parts: Repository<ImportJobPart>,
    private readonly tx: Transactions,
  ) {}

  /** A new dry run, with the file's rows (kept for the apply, which plans again). */
  async create(job: { id: string; userId: string; orgId: string }, lines: ImportLine[]): Promise<ImportJobRecord> {
    const at = now();
    const record: ImportJobRecord = {
      ...job,
      status: 'checking',
      done: 0,
      total: lines.length,
      counts: JSON.stringify(zeroCounts()),
      applied: null,
      errorCode: null,
      errorMessage: null,
      createdAt: at,
      heartbeatAt: at,
      finishedAt: null,
    };
    const packed = chunks(lines);
    await this.tx.run(async (m) => {
      await m.insert(ImportJobRecord, record);
      for (const [seq, { data }] of packed.entries())
        await m.insert(ImportJobPart, { jobId: job.id, kind: 'input', seq, counts: null, data });
    });
    return record;
  }

  find(id: string): Promise<ImportJobRecord | null> {
    return this.jobs.findOne({ where: { id } });
  }

  /** Jobs running now (of one user, or of everyone). */
  running(userId?: string): Promise<number> {
    return this.jobs.count({ where: { status: In(RUNNING), ...(userId ? { userId } : {}) } });
  }

  /** The running instance is alive: progress and heartbeat (a no-op once the job has ended). */
  async heartbeat(id: string, done: number): Promise<void> {
    await this.tx.run((m) => m.update(ImportJobRecord, { id, status: In(RUNNING) }, { done, heartbeatAt: now() }));
  }

  /** The dry run's report, stored with the job turning `checked`; false when the job is no longer checking. */
  async checked(m: EntityManager, id: string, counts: ImportCounts, rows: ImportRowReport[]): Promise<boolean> {
    const done = await m.update(
      ImportJobRecord,
      { id, status: 'checking' },
      { status: 'checked', counts: JSON.stringify(counts), done: rows.length, heartbeatAt: now(), finishedAt: now() },
    );
    if (!done.affected) return false;
    for (const [seq, part] of chunks(rows).entries()) {
      const partCounts = zeroCounts();
      for (const r of part.items) partCounts[r.outcome]++;
      await m.insert(ImportJobPart, { jobId: id, kind: 'report', seq, counts: JSON.stringify(partCounts), data: part.data });
    }
    return true;
  }

  /** checked → applying, for one caller only once (a second click or instance gets false). */
  async startApply(id: string, userId: string, total: number): Promise<boolean> {
    const at = now();
    const r = await this.tx.run((m) =>
      m.update(
        ImportJobRecord,
        { id, userId, status: 'checked' },
        { status: 'applying', done: 0, total, heartbeatAt: at, finishedAt: null },
      ),
    );
    return !!r.affected;
  }

  /** applying → applied, inside the apply's own transaction (so a crash leaves neither); its input goes. */
  async applied(m: EntityManager, id: string, applied: ImportWriteCounts, total: number): Promise<boolean> {
    const r = await m.update(
      ImportJobRecord,
      { id, status: 'applying' },
      { status: 'applied', applied: JSON.stringify(applied), done: total, heartbeatAt: now(), finishedAt: now() },
    );
    if (!r.affected) return false;
    await m.delete(ImportJobPart, { jobId: id, kind: 'input' });
    return true;
  }

  /**
   * Ends running jobs as failed: this one (`id`), or every one whose heartbeat stopped before
   * `staleBefore` (its server died or restarted). Nothing was written by them: the apply is one transaction.
   */
  async fail(error: { code: string; message: string }, target: { id: string } | { staleBefore: string }): Promise<void> {
    const where =
      'id' in target ? { id: target.id, status: In(RUNNING) } : { status: In(RUNNING), heartbeatAt: LessThan(target.staleBefore) };
    // Read first: a poll finds nothing to fail almost always, and should not cost a write transaction.
    const ids = (await this.jobs.find({ where, select: { id: true } })).map((j) => j.id);
    if (!ids.length) return;
    await this.tx.run(async (m) => {
      const r = await m.update(
        ImportJobRecord,
        { ...where, id: In(ids) },
        { status: 'failed', errorCode: error.code, errorMessage: error.message, finishedAt: now() },
      );
      if (!r.affected) return;
      // Only the jobs failed now lose their input (a heartbeat may have come in meanwhile).
      const failed = await m.find(ImportJobRecord, { where: { id: In(ids), status: 'failed' }, select: { id: true } });
      if (failed.length) await m.delete(ImportJobPart, { jobId: In(failed.map((j) => j.id)), kind: 'input' });
    });
  }

  /** Drops jobs finished before `before`, and a user's finished jobs beyond the newest `keep`. */
  async purge(userId: string, before: string, keep: number): Promise<void> {
    const old = await this.jobs.find({ where: { finishedAt: LessThan(before) }, select: { id: true } });
    const mine = await this.jobs.find({ where: { userId, finishedAt: Not(IsNull()) }, order: { createdAt: 'DESC' }, select: { id: true } });
    const ids = [...old, ...mine.slice(keep)].map((j) => j.id);
    if (!ids.length) return;
    await this.tx.run(async (m) => {
      await m.delete(ImportJobPart, { jobId: In(ids) });
      await m.delete(ImportJobRecord, { id: In(ids) });
    });
  }

  async input(id: string): Promise<ImportLine[]> {
    const parts = await this.parts.find({ where: { jobId: id, kind: 'input' }, order: { seq: 'ASC' } });
    return parts.flatMap((p) => unpack<ImportLine>(p));
  }

  hasReport(id: string): Promise<boolean> {
    return this.parts.exists({ where: { jobId: id, kind: 'report' } });
  }

  /**
   * The report's rows of each outcome in turn (in the order given), each in file order, a stored chunk at a
   * time (the Excel report): a chunk is read by its key, and only for the outcomes its counts say it holds.
   */
  async *reportByOutcome(id: string, outcomes: readonly ImportOutcome[]): AsyncGenerator<ImportRowReport[]> {
    const index = await this.parts.find({
      where: { jobId: id, kind: 'report' },
      order: { seq: 'ASC' },
      select: { seq: true, counts: true },
    });
    for (const outcome of outcomes)
      for (const { seq, counts } of index) {
        if (counts !== null && !(JSON.parse(counts) as ImportCounts)[outcome]) continue;
        const part = await this.parts.findOneOrFail({ where: { jobId: id, kind: 'report', seq } });
        yield unpack<ImportRowReport>(part).filter((r) => r.outcome === outcome);
      }
  }

  /** A page of the report, of one outcome or all: only the chunks holding that page are unpacked. */
  async reportPage(
    id: string,
    outcome: ImportOutcome | undefined,
    skip: number,
    take: number,
  ): Promise<{ items: ImportRowReport[]; total: number }> {
    const index = await this.parts.find({
      where: { jobId: id, kind: 'report' },
      order: { seq: 'ASC' },
      select: { seq: true, counts: true },
    });
    const sizes = index.map((p) => {
      const c = JSON.parse(p.counts ?? '{}') as ImportCounts;
      return outcome ? c[outcome] : IMPORT_OUTCOMES.reduce((n, o) => n + c[o], 0);
    });
    const total = sizes.reduce((a, b) => a + b, 0);
    const items: ImportRowReport[] = [];
    let before = 0;
    for (const [i, size] of sizes.entries()) {
      if (items.length >= take) break;
      if (size > 0 && before + size > skip) {
        const part = await this.parts.findOneOrFail({ where: { jobId: id, kind: 'report', seq: index[i].seq } });
        const rows = unpack<ImportRowReport>(part).filter((r) => !outcome || r.outcome === outcome);
        items.push(...rows.slice(Math.max(0, skip - before), Math.max(0, skip - before) + take - items.length));
      }
      before += size;
    }
    return { items, total };
  }
}
