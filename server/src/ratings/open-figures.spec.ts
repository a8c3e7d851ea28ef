import { DEFAULT_THRESHOLDS } from '@pingjia/shared';
import { snapshotDue } from './open-figures';

describe('snapshotDue', () => {
  it('is due once the window holds minSlice (5) new ratings, with the new window starting there', () => {
    expect(DEFAULT_THRESHOLDS.minSlice).toBe(5);
    // writes 0..3 → 4 after this one: not yet; 4 → 5: due, the next window starts at 5
    expect(snapshotDue({ writes: 3, windowStart: 0 })).toBeNull();
    expect(snapshotDue({ writes: 4, windowStart: 0 })).toBe(5);
    expect(snapshotDue({ writes: 8, windowStart: 5 })).toBeNull();
    expect(snapshotDue({ writes: 9, windowStart: 5 })).toBe(10);
  });

  it('follows a larger smallest slice', () => {
    const t = { ...DEFAULT_THRESHOLDS, minSlice: 8 };
    expect(snapshotDue({ writes: 6, windowStart: 0 }, t)).toBeNull();
    expect(snapshotDue({ writes: 7, windowStart: 0 }, t)).toBe(8);
    // raised while a window was open: that window still waits for 8
    expect(snapshotDue({ writes: 11, windowStart: 5 }, t)).toBeNull();
  });
});
