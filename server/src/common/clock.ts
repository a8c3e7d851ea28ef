import { Injectable } from '@nestjs/common';

// The one source of "now", so tests can move time (time limits, campaign windows).
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** tests only: shift the clock forward */
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
