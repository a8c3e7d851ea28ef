import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { invalid } from '../common/domain-error';
import { ClockDto } from './dto';
import { GrievanceSweeper, SweepResult } from '../grievances/grievance-sweeper';
import { MovableClock } from './movable-clock';
import { SweepRecorder } from './sweep-recorder';

// Exists only with NODE_ENV=test and TEST_CLOCK=true (the config refuses TEST_CLOCK under any other
// NODE_ENV): tests move the server's clock and run the periodic job on demand.
@ApiExcludeController()
@Public()
@Controller('__test')
export class TestHooksController {
  constructor(
    // MovableClock under TEST_CLOCK, which this controller needs to exist (testing.module.ts)
    @Inject(Clock) private readonly clock: MovableClock,
    private readonly sweeper: GrievanceSweeper,
    private readonly recorder: SweepRecorder,
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
    this.clock.advance(target === null ? dto.advanceMs! : target - this.clock.now().getTime());
    return this.now();
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
}
