import { Injectable } from '@nestjs/common';
import { SweepObserver, SweepResult } from '../grievances/grievance-sweeper';

// The passes this instance's sweep timer ran, for GET /api/__test/grievances/sweeps (several
// instances: each tick on one of them).
@Injectable()
export class SweepRecorder extends SweepObserver {
  readonly passes: Array<{ slot: number; at: string } & SweepResult> = [];

  passed(slot: number, result: SweepResult): void {
    this.passes.push({ slot, at: new Date().toISOString(), ...result });
    if (this.passes.length > 1000) this.passes.shift();
  }
}
