import { Injectable } from '@nestjs/common';
import { Lease, Locks } from '../common/shared-state';

// The locks under TEST_DISABLE_LOCKS: every lock is granted to everyone, the negative control that shows
// what the locks prevent (tests/scale: two token fetches, a tick swept twice).
@Injectable()
export class OpenLocks extends Locks {
  override async tryAcquire(): Promise<Lease> {
    return { release: async () => undefined };
  }
}
