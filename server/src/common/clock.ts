import { Injectable } from '@nestjs/common';

// The one source of "now". Tests that move time get testing/movable-clock.ts in its place.
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
