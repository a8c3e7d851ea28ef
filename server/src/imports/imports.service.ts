import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ImportCounts, ImportJob, ImportOutcome, ImportRowReport, Page } from '@pingjia/shared';
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
import { TreeChanges } from '../orgs/tree-changes';
import { ImportLine, parseImportCsv, parseImportXlsx } from './import-file';
import { planImport } from './import-plan';
import { REPORT_ORDER } from './import-workbooks';
import { ImportJobRecord } from './import-job.entity';
import { ImportJobStore } from './import-job.store';
import { ImportStore } from './import-store';

// Import jobs: the upload is read in the request (a bad or oversized file is answered at once), then
// the dry run and, on request, the apply run as jobs the app polls for progress. A job lives in the
// database (import-job.store.ts: status, progress, counts, the file's rows until applied, the per-row
// report), so any instance answers the polls and may run the apply. The instance running a job moves
// its heartbeat on; a running job whose heartbeat stopped for IMPORT_JOB_STALE_MS (its server died or
// restarted) is failed with a message saying so, and nothing of it was written (the apply is one
// transaction that also marks the job applied). Finished jobs are kept an hour.

const KEEP_MS = 60 * 60 * 1000;
/** finished jobs kept per user, and jobs running at once over all users (each holds a file in memory) */
const KEEP_PER_USER = 10;
const MAX_RUNNING = 4;
const yieldNow = () => new Promise<void>((r) => setImmediate(r));
const STOPPED = {
  code: 'SERVICE_UNAVAILABLE' as const,
  // the app adds that nothing was written
  message: '处理被中断（服务器重启或故障），请重新上传文件',
};

@Injectable()
export class ImportsService {
  private readonly log = new Logger('imports');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly store: ImportStore,
    private readonly jobs: ImportJobStore,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    private readonly tree: TreeChanges,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Reads the file and starts its dry run; answers with the job at once. */
  async check(userId: string, orgId: string, contentType: string | undefined, body: unknown): Promise<ImportJob> {
    const org = await this.access.orgForAdmin(userId, orgId);
    if (org.deactivatedAt) throw new DomainError('STATE_CONFLICT', `「${org.name}」已停用，不能向其导入`);
    await this.makeRoom(userId);
    let lines: ImportLine[];
    if (contentType?.startsWith('text/csv') && typeof body === 'string') lines = parseImportCsv(body);
    else if (contentType?.startsWith(XLSX_TYPE) && Buffer.isBuffer(body)) lines = await parseImportXlsx(body, this.config.xlsx);
    else throw new DomainError('UNSUPPORTED_MEDIA_TYPE', '请上传 Excel（.xlsx）或 CSV 文件');
    const job = await this.jobs.create({ id: newId(), userId, orgId: org.id }, lines);
    void this.runCheck(job.id, userId, lines, org);
    return this.view(job);
  }

  async get(userId: string, id: string): Promise<ImportJob> {
    return this.view(await this.job(userId, id));
  }

  async rows(userId: string, id: string, outcome: ImportOutcome | undefined, p: Paging): Promise<Page<ImportRowReport>> {
    await this.withReport(userId, id);
    const { items, total } = await this.jobs.reportPage(id, outcome, p.skip, p.pageSize);
    return { items, total, page: p.page, pageSize: p.pageSize };
  }

  /**
   * Every row of a checked (or applied) file for the Excel report, a stored chunk at a time: refused rows
   * first, then what would change (REPORT_ORDER), each in file order. Refused here before any is read.
   */
  async report(userId: string, id: string): Promise<AsyncIterable<ImportRowReport[]>> {
    await this.withReport(userId, id);
    return this.jobs.reportByOutcome(id, REPORT_ORDER);
  }

  /**
   * Applies a checked file with no refused row, all or nothing: planned again inside one transaction
   * (the data may have changed since the dry run) and refused whole if the plan is no longer the one shown.
   */
  async apply(userId: string, id: string): Promise<ImportJob> {
    const job = await this.job(userId, id);
    if (job.status !== 'checked') throw new DomainError('STATE_CONFLICT', job.status === 'applied' ? '该文件已导入' : '当前状态下不能导入');
    const counts = JSON.parse(job.counts) as ImportCounts;
    if (counts.refused > 0)
      throw new DomainError('STATE_CONFLICT', `有 ${counts.refused} 行被拒绝：请按报告修改文件后重新上传，全部通过后才能导入`);
    const org = await this.access.orgForAdmin(userId, job.orgId);
    if ((await this.jobs.running(userId)) > 0) throw new DomainError('STATE_CONFLICT', '您已有一个导入正在进行，请等它完成');
    // One apply per job, whichever instance or click asks first.
    if (!(await this.jobs.startApply(id, userId, counts.create + counts.update)))
      throw new DomainError('STATE_CONFLICT', '当前状态下不能导入');
    void this.runApply(id, userId, counts, org);
    return this.view((await this.jobs.find(id))!);
  }

  private async runCheck(id: string, userId: string, lines: ImportLine[], org: Org): Promise<void> {
    let done = 0;
    const beat = this.heartbeat(id, () => done);
    try {
      await yieldNow();
      const ctx = await this.store.context(this.dataSource.manager, org);
      const plan = await planImport(lines, ctx, async (n) => {
        done = n;
        await yieldNow();
      });
      await this.tx.run(async (m) => {
        if (!(await this.jobs.checked(m, id, plan.counts, plan.rows))) throw new DomainError(STOPPED.code, STOPPED.message);
        await this.audit.record(
          {
            actorUserId: userId,
            actorRole: 'federation_admin',
            scopePath: org.path,
            action: 'import.check',
            targetType: 'org',
            targetId: org.id,
            detail: { rows: plan.rows.length, ...plan.counts },
          },
          m,
        );
      }, 1);
    } catch (e) {
      await this.fail(id, e);
    } finally {
      clearInterval(beat);
    }
  }

  private async runApply(id: string, userId: string, shown: ImportCounts, org: Org): Promise<void> {
    let done = 0;
    const beat = this.heartbeat(id, () => done);
    try {
      await yieldNow();
      const lines = await this.jobs.input(id);
      await this.tx.run(async (m) => {
        const plan = await planImport(lines, await this.store.context(m, org));
        if ((Object.keys(shown) as ImportOutcome[]).some((k) => plan.counts[k] !== shown[k]))
          throw new DomainError('STATE_CONFLICT', '检查之后系统中的数据有了变化（可能有人同时导入或修改），未写入任何数据；请重新上传检查');
        // Progress only: on SQLite nothing else runs until the transaction ends (no await yields the
        // single connection to other requests mid-transaction), on MySQL the polls see it move.
        const counts = await this.store.write(m, org, plan, async (n) => void (done = n));
        await this.audit.record(
          {
            actorUserId: userId,
            actorRole: 'federation_admin',
            scopePath: org.path,
            action: 'import.apply',
            targetType: 'org',
            targetId: org.id,
            detail: { ...counts, unchanged: plan.counts.unchanged },
          },
          m,
        );
        // Failed meanwhile as stopped (no heartbeat for too long): then nothing is written.
        if (!(await this.jobs.applied(m, id, counts, shown.create + shown.update))) throw new DomainError(STOPPED.code, STOPPED.message);
      });
      // New homes, and names and counts changed: the org dashboards' kept parts of the tree are dropped.
      this.tree.changed();
    } catch (e) {
      await this.fail(id, e);
    } finally {
      clearInterval(beat);
    }
  }

  /** Moves the job's heartbeat and progress on while it runs here. */
  private heartbeat(id: string, done: () => number): NodeJS.Timeout {
    const every = Math.max(200, Math.min(5000, Math.floor(this.config.imports.staleMs / 4)));
    const timer = setInterval(() => {
      this.jobs.heartbeat(id, done()).catch((e: unknown) => this.log.warn(`import ${id} heartbeat: ${(e as Error)?.message ?? e}`));
    }, every);
    timer.unref();
    return timer;
  }

  private async fail(id: string, e: unknown): Promise<void> {
    let error = { code: 'INTERNAL', message: '导入失败，未写入任何数据，请稍后重试' };
    if (e instanceof DomainError) error = { code: e.code, message: e.message };
    else this.log.error(`import ${id} failed: ${(e as Error)?.stack ?? e}`);
    try {
      await this.jobs.fail(error, { id });
    } catch (err) {
      // The heartbeat stops with this run, so the job is failed as stopped on a later look.
      this.log.error(`import ${id} could not be marked failed: ${(err as Error)?.message ?? err}`);
    }
  }

  /** The caller's job, with jobs whose server stopped failed first. */
  private async job(userId: string, id: string): Promise<ImportJobRecord> {
    await this.failStopped();
    const job = await this.jobs.find(id);
    // Another user's job is not theirs to see, whatever their rank.
    if (!job || job.userId !== userId) throw notFound();
    return job;
  }

  private async withReport(userId: string, id: string): Promise<void> {
    await this.job(userId, id);
    if (!(await this.jobs.hasReport(id))) throw new DomainError('STATE_CONFLICT', '检查尚未完成');
  }

  private failStopped(): Promise<void> {
    return this.jobs.fail(STOPPED, { staleBefore: new Date(Date.now() - this.config.imports.staleMs).toISOString() });
  }

  /** One running job per user and MAX_RUNNING over all; old finished jobs are dropped. */
  private async makeRoom(userId: string): Promise<void> {
    await this.failStopped();
    if ((await this.jobs.running(userId)) > 0) throw new DomainError('STATE_CONFLICT', '您已有一个导入正在进行，请等它完成');
    if ((await this.jobs.running()) >= MAX_RUNNING) throw new DomainError('RATE_LIMITED', '导入任务较多，请稍后再试');
    await this.jobs.purge(userId, new Date(Date.now() - KEEP_MS).toISOString(), KEEP_PER_USER);
  }

  private view(job: ImportJobRecord): ImportJob {
    return {
      id: job.id,
      orgId: job.orgId,
      status: job.status,
      progress: { done: job.done, total: job.total },
      counts: JSON.parse(job.counts) as ImportCounts,
      applied: job.applied ? (JSON.parse(job.applied) as ImportJob['applied']) : null,
      error: job.errorCode ? { code: job.errorCode, message: job.errorMessage ?? '' } : null,
    };
  }
}
