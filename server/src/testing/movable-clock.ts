import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';

// The clock under TEST_CLOCK: POST /api/__test/clock moves it forward (time limits, campaign windows),
// or stops it at a moment so a rule's edge can be hit to the millisecond.
@Injectable()
export class MovableClock extends Clock {
  private offsetMs = 0;
  private stoppedAt: number | null = null;

  override now(): Date {
    return new Date(this.stoppedAt ?? Date.now() + this.offsetMs);
  }

  /** shifts the clock forward; a stopped clock runs again from the new moment */
  advance(ms: number): void {
    this.offsetMs = this.now().getTime() + ms - Date.now();
    this.stoppedAt = null;
  }

  stopAt(at: Date): void {
    this.stoppedAt = at.getTime();
  }
}
