import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';

// The clock under TEST_CLOCK: POST /api/__test/clock moves it forward (time limits, campaign windows).
@Injectable()
export class MovableClock extends Clock {
  private offsetMs = 0;

  override now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
