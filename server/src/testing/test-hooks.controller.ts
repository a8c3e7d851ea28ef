import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { invalid } from '../common/domain-error';
import { ClockDto } from './dto';
import { GrievanceSweeper, SweepResult } from '../grievances/grievance-sweeper';
import { MovableClock } from './movable-clock';
import { SweepRecorder } from './sweep-recorder';
import { CampaignScheduler, SchedulePass } from '../campaigns/campaign-scheduler';
import { TransitionRecorder } from './transition-recorder';
import { WalCheckpointer } from '../database/wal-checkpointer';
import { DashboardService } from '../dashboard/dashboard.service';
import { HomeAccess, homeAnswer } from '../dashboard/home-answer';
import { AccessPolicy } from '../orgs/access-policy';
import { HomeReaders } from '../dashboard/home-readers';
import { notFound } from '../common/domain-error';
import { findHome } from '../orgs/find-home';

// Exists only with NODE_ENV=test and TEST_CLOCK=true (the config refuses TEST_CLOCK under any other
// NODE_ENV): tests move the server's clock (or stop it at a moment), run the periodic job on demand, and
// read the durability settings and compare a home reader's dashboard with the request thread's.
@ApiExcludeController()
@Public()
@Controller('__test')
export class TestHooksController {
  constructor(
    // MovableClock under TEST_CLOCK, which this controller needs to exist (testing.module.ts)
    @Inject(Clock) private readonly clock: MovableClock,
    private readonly sweeper: GrievanceSweeper,
    private readonly recorder: SweepRecorder,
    private readonly scheduler: CampaignScheduler,
    private readonly transitions: TransitionRecorder,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly checkpointer: WalCheckpointer,
    private readonly readers: HomeReaders,
    private readonly dashboard: DashboardService,
    private readonly access: AccessPolicy,
  ) {}

  @Get('clock')
  now(): { now: string } {
    return { now: this.clock.now().toISOString() };
  }

  @Post('clock')
  @HttpCode(200)
  move(@Body() dto: ClockDto): { now: string } {
    if ((dto.advanceMs === undefined) === (dto.to === undefined)) throw invalid({ advanceMs: '给出 advanceMs 或 to 其中之一' });
    const target = dto.to === undefined ? null : Date.parse(dto.to);
    if (target !== null && Number.isNaN(target)) throw invalid({ to: '不是有效的时间' });
    if (dto.stopped && target === null) throw invalid({ stopped: '停住时钟需给出 to' });
    if (dto.stopped) this.clock.stopAt(new Date(target!));
    else this.clock.advance(target === null ? dto.advanceMs! : target - this.clock.now().getTime());
    return this.now();
  }

  /**
   * A home's dashboard computed both ways for one job: by a home reader (its worker thread and connection;
   * null while none is ready, and on MySQL) and on the request thread, as the text of their bytes.
   */
  @Get('home-answer/:id')
  async homeAnswer(
    @Param('id') id: string,
    @Query('campaignId') campaignId?: string,
    @Query('upperLevel') upperLevel?: string,
  ): Promise<{ reader: string | null; thread: string }> {
    const home = await findHome(this.dataSource, id);
    if (!home) throw notFound();
    const job = { home, upperLevel: upperLevel === 'true', cid: campaignId || undefined };
    const reader = (await this.readers.fromReader({ answer: job, now: this.clock.now().toISOString() })) as Buffer | null;
    return { reader: reader?.toString() ?? null, thread: (await homeAnswer(this.dashboard, job)).toString() };
  }

  /**
   * A user's access to a home decided both ways: by a home reader (null when none is ready, on MySQL, and
   * when it refuses) and on the request thread (null when it refuses), as the home's id and the caller's level.
   */
  @Get('home-access/:id')
  async homeAccess(@Param('id') id: string, @Query('userId') userId: string) {
    const seen = (a: HomeAccess | null) => a && { homeId: a.home.id, upperLevel: a.upperLevel };
    const reader = (await this.readers.fromReader({ access: { userId, homeId: id } })) as HomeAccess | null;
    const thread = await this.access.homeWithLevel(userId, id).catch(() => null);
    return { reader: seen(reader), thread: seen(thread) };
  }

  /**
   * The durability settings as this server's own database connection sees them (tests fail on weaker
   * ones): SQLite's journal mode and synchronous level, and who checkpoints the WAL (the app's connection's
   * wal_autocheckpoint, the frames the checkpointer's worker copied); MariaDB's redo-log flush and binary-log sync.
   */
  @Get('durability')
  async durability(): Promise<Record<string, string | number>> {
    if (this.dataSource.options.type === 'better-sqlite3') {
      const [{ journal_mode }] = await this.dataSource.query('PRAGMA journal_mode');
      const [{ synchronous }] = await this.dataSource.query('PRAGMA synchronous');
      const [{ wal_autocheckpoint }] = await this.dataSource.query('PRAGMA wal_autocheckpoint');
      return {
        driver: 'sqlite',
        journal_mode: String(journal_mode),
        synchronous: Number(synchronous),
        wal_autocheckpoint: Number(wal_autocheckpoint),
        checkpointer_checkpoints: this.checkpointer.copied.checkpoints,
        checkpointer_frames: this.checkpointer.copied.frames,
      };
    }
    const [row] = await this.dataSource.query(
      'SELECT @@GLOBAL.innodb_flush_log_at_trx_commit AS flush, @@GLOBAL.sync_binlog AS sync_binlog, @@GLOBAL.log_bin AS log_bin, @@GLOBAL.innodb_doublewrite AS doublewrite',
    );
    return {
      driver: 'mysql',
      innodb_flush_log_at_trx_commit: Number(row.flush),
      sync_binlog: Number(row.sync_binlog),
      log_bin: Number(row.log_bin),
      innodb_doublewrite: Number(row.doublewrite),
      // MySQL checkpoints its own redo log: the checkpointer does nothing here (its count stays 0).
      checkpointer_checkpoints: this.checkpointer.copied.checkpoints,
    };
  }

  /** the passes this instance's timer ran, by tick (several instances: each tick on one of them) */
  @Get('grievances/sweeps')
  sweeps(): { passes: SweepRecorder['passes'] } {
    return { passes: this.recorder.passes };
  }

  @Post('grievances/sweep')
  @HttpCode(200)
  sweep(): Promise<SweepResult> {
    return this.sweeper.sweep();
  }

  /** the cycles this instance opened and closed (several instances: each move on one of them) */
  @Get('campaigns/transitions')
  campaignTransitions(): { moves: TransitionRecorder['moves'] } {
    return { moves: this.transitions.moves };
  }

  /** one pass of the campaign schedule now (the timer runs them too) */
  @Post('campaigns/schedule')
  @HttpCode(200)
  schedulePass(): Promise<SchedulePass> {
    return this.scheduler.pass();
  }
}
