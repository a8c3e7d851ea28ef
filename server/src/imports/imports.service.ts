import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ImportCounts, ImportJob, ImportOutcome, ImportRowReport, ImportStatus, Page } from '@pingjia/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError, notFound } from '../common/domain-error';
import { newId } from '../common/ids';
import type { Paging } from '../common/paging';
import { Transactions } from '../common/transactions';
import { XLSX_TYPE } from '../common/workbook';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AccessPolicy } from '../orgs/access-policy';
import type { Org } from '../orgs/org.entity';
import { ImportLine, parseImportCsv, parseImportXlsx } from './import-file';
import { ImportPlan, planImport } from './import-plan';
import { ImportStore, ImportWriteCounts } from './import-store';

// Import jobs: the upload is read in the request (a bad or oversized file is answered at once), then
// the dry run and, on request, the apply run as jobs the app polls for progress. Jobs live in this
// process's memory for an hour: the plan of a 50,000-row file is tens of MB, and the file is only the
// input of one dry run and its apply. A restarted server forgets them (the app then asks to upload again).

interface Job {
  id: string;
  userId: string;
  orgId: string;
  status: ImportStatus;
  progress: { done: number; total: number };
  counts: ImportCounts;
  error: { code: string; message: string } | null;
  /** the file's rows, kept for the apply (which plans again inside its transaction) */
  lines: ImportLine[] | null;
  plan: ImportPlan | null;
  applied: ImportWriteCounts | null;
  finishedAt: number | null;
}

const KEEP_MS = 60 * 60 * 1000;
/** jobs held at once (each may hold a large file's plan) */
const MAX_JOBS = 20;
const ZERO: ImportCounts = { create: 0, update: 0, unchanged: 0, refused: 0 };
const yieldNow = () => new Promise<void>((r) => setImmediate(r));

@Injectable()
export class ImportsService {
  private readonly log = new Logger('imports');
  private readonly jobs = new Map<string, Job>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly store: ImportStore,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Reads the file and starts its dry run; answers with the job at once. */
  async check(userId: string, orgId: string, contentType: string | undefined, body: unknown): Promise<ImportJob> {
    const org = await this.access.orgForAdmin(userId, orgId);
    if (org.deactivatedAt) throw new DomainError('STATE_CONFLICT', `「${org.name}」已停用，不能向其导入`);
    this.makeRoom(userId);
    let lines: ImportLine[];
    if (contentType?.startsWith('text/csv') && typeof body === 'string') lines = parseImportCsv(body);
    else if (contentType?.startsWith(XLSX_TYPE) && Buffer.isBuffer(body)) lines = await parseImportXlsx(body, this.config.xlsx);
    else throw new DomainError('UNSUPPORTED_MEDIA_TYPE', '请上传 Excel（.xlsx）或 CSV 文件');
    const job: Job = {
      id: newId(),
      userId,
      orgId: org.id,
      status: 'checking',
      progress: { done: 0, total: lines.length },
      counts: { ...ZERO },
      error: null,
      lines,
      plan: null,
      applied: null,
      finishedAt: null,
    };
    this.jobs.set(job.id, job);
    void this.runCheck(job, org);
    return this.view(job);
  }

  get(userId: string, id: string): ImportJob {
    return this.view(this.job(userId, id));
  }

  rows(userId: string, id: string, outcome: ImportOutcome | undefined, p: Paging): Page<ImportRowReport> {
    const rows = this.report(userId, id).filter((r) => !outcome || r.outcome === outcome);
    return { items: rows.slice(p.skip, p.skip + p.pageSize), total: rows.length, page: p.page, pageSize: p.pageSize };
  }

  /** Every row of a checked (or applied) file, for the Excel report. */
  report(userId: string, id: string): ImportRowReport[] {
    const job = this.job(userId, id);
    if (!job.plan) throw new DomainError('STATE_CONFLICT', '检查尚未完成');
    return job.plan.rows;
  }

  /**
   * Applies a checked file with no refused row, all or nothing: planned again inside one transaction
   * (the data may have changed since the dry run) and refused whole if the plan is no longer the one shown.
   */
  async apply(userId: string, id: string): Promise<ImportJob> {
    const job = this.job(userId, id);
    if (job.status !== 'checked') throw new DomainError('STATE_CONFLICT', job.status === 'applied' ? '该文件已导入' : '当前状态下不能导入');
    if (job.counts.refused > 0)
      throw new DomainError('STATE_CONFLICT', `有 ${job.counts.refused} 行被拒绝：请按报告修改文件后重新上传，全部通过后才能导入`);
    const org = await this.access.orgForAdmin(userId, job.orgId);
    if (this.running(userId) > 0) throw new DomainError('STATE_CONFLICT', '您已有一个导入正在进行，请等它完成');
    job.status = 'applying';
    job.progress = { done: 0, total: job.counts.create + job.counts.update };
    void this.runApply(job, org);
    return this.view(job);
  }

  private async runCheck(job: Job, org: Org): Promise<void> {
    try {
      await yieldNow();
      const ctx = await this.store.context(this.dataSource.manager, org);
      const plan = await planImport(job.lines!, ctx, async (done) => {
        job.progress.done = done;
        await yieldNow();
      });
      job.plan = plan;
      job.counts = plan.counts;
      job.status = 'checked';
      await this.audit.record({
        actorUserId: job.userId,
        actorRole: 'federation_admin',
        scopePath: org.path,
        action: 'import.check',
        targetType: 'org',
        targetId: org.id,
        detail: { rows: plan.rows.length, ...plan.counts },
      });
    } catch (e) {
      this.fail(job, e);
    } finally {
      job.finishedAt = Date.now();
    }
  }

  private async runApply(job: Job, org: Org): Promise<void> {
    try {
      await yieldNow();
      const shown = job.counts;
      const written = await this.tx.run(async (m) => {
        const plan = await planImport(job.lines!, await this.store.context(m, org));
        if ((Object.keys(shown) as ImportOutcome[]).some((k) => plan.counts[k] !== shown[k]))
          throw new DomainError('STATE_CONFLICT', '检查之后系统中的数据有了变化（可能有人同时导入或修改），未写入任何数据；请重新上传检查');
        // Progress only: on SQLite nothing else runs until the transaction ends (no await yields the
        // single connection to other requests mid-transaction), on MySQL the polls see it move.
        const counts = await this.store.write(m, org, plan, async (done) => void (job.progress.done = done));
        await this.audit.record(
          {
            actorUserId: job.userId,
            actorRole: 'federation_admin',
            scopePath: org.path,
            action: 'import.apply',
            targetType: 'org',
            targetId: org.id,
            detail: { ...counts, unchanged: plan.counts.unchanged },
          },
          m,
        );
        job.plan = plan;
        return counts;
      });
      job.applied = written;
      job.progress.done = job.progress.total;
      job.status = 'applied';
      job.lines = null;
    } catch (e) {
      this.fail(job, e);
    } finally {
      job.finishedAt = Date.now();
    }
  }

  private fail(job: Job, e: unknown): void {
    job.status = 'failed';
    if (e instanceof DomainError) job.error = { code: e.code, message: e.message };
    else {
      this.log.error(`import ${job.id} failed: ${(e as Error)?.stack ?? e}`);
      job.error = { code: 'INTERNAL', message: '导入失败，未写入任何数据，请稍后重试' };
    }
  }

  private job(userId: string, id: string): Job {
    const job = this.jobs.get(id);
    // Another user's job is not theirs to see, whatever their rank.
    if (!job || job.userId !== userId) throw notFound();
    return job;
  }

  private running(userId: string): number {
    return [...this.jobs.values()].filter((j) => j.userId === userId && (j.status === 'checking' || j.status === 'applying')).length;
  }

  /** Drops jobs finished over an hour ago, then the oldest finished ones while the table is full. */
  private makeRoom(userId: string): void {
    if (this.running(userId) > 0) throw new DomainError('STATE_CONFLICT', '您已有一个导入正在进行，请等它完成');
    const now = Date.now();
    for (const [id, j] of this.jobs) if (j.finishedAt !== null && now - j.finishedAt > KEEP_MS) this.jobs.delete(id);
    const finished = [...this.jobs.values()].filter((j) => j.finishedAt !== null).sort((a, b) => a.finishedAt! - b.finishedAt!);
    while (this.jobs.size >= MAX_JOBS && finished.length) this.jobs.delete(finished.shift()!.id);
    if (this.jobs.size >= MAX_JOBS) throw new DomainError('RATE_LIMITED', '导入任务较多，请稍后再试');
  }

  private view(job: Job): ImportJob {
    return {
      id: job.id,
      orgId: job.orgId,
      status: job.status,
      progress: { ...job.progress },
      counts: { ...job.counts },
      applied: job.applied ? { ...job.applied } : null,
      error: job.error,
    };
  }
}
