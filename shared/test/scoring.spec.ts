import { DEFAULT_THRESHOLDS, isParticipationValid, satisfactionRate, tierFor, tierProgress, criterionMean } from '../src';

const counts = (satisfied: number, basicallySatisfied: number, dissatisfied: number) => ({ satisfied, basicallySatisfied, dissatisfied });

describe('satisfactionRate', () => {
  it('counts 满意 and 基本满意 over all valid ratings', () => {
    // (4 + 1) / 6 = 0.8333…
    expect(satisfactionRate(counts(4, 1, 1))).toBe(0.8333);
  });
  it('is null with no ratings rather than 0', () => {
    expect(satisfactionRate(counts(0, 0, 0))).toBeNull();
  });
});

describe('tierFor at the threshold edges', () => {
  it('gives nothing at 69.9% (699 of 1000)', () => {
    expect(tierFor({ counts: counts(699, 0, 301) })).toBe('none');
  });
  it('gives 合格 at exactly 70% (7 of 10)', () => {
    expect(tierFor({ counts: counts(3, 4, 3) })).toBe('qualified');
  });
  it('gives 先进 at exactly 80% (4 of 5)', () => {
    expect(tierFor({ counts: counts(4, 0, 1) })).toBe('advanced');
  });
  it('gives 合格 at 79.99% (7999 of 10000)', () => {
    expect(tierFor({ counts: counts(7999, 0, 2001) })).toBe('qualified');
  });
  it('gives 模范 at exactly 85% (17 of 20)', () => {
    expect(tierFor({ counts: counts(17, 0, 3) })).toBe('model');
  });
  it('gives 全国模范 only with 90% satisfaction and 90% membership', () => {
    expect(tierFor({ counts: counts(9, 0, 1), membership: { members: 90, workers: 100 } })).toBe('national_model');
    expect(tierFor({ counts: counts(9, 0, 1), membership: { members: 89, workers: 100 } })).toBe('model');
    expect(tierFor({ counts: counts(9, 0, 1) })).toBe('model');
    // 89.9% satisfaction misses it even with full membership
    expect(tierFor({ counts: counts(899, 0, 101), membership: { members: 100, workers: 100 } })).toBe('model');
  });
  it('honours configured thresholds', () => {
    const strict = { ...DEFAULT_THRESHOLDS, qualifiedBp: 7500 };
    expect(tierFor({ counts: counts(7, 0, 3) }, strict)).toBe('none');
  });
});

describe('tierProgress', () => {
  it('names the next tier and the gap to it', () => {
    // 5/6 = 0.8333 → 先进; 模范 needs 0.85 → gap 0.0167
    expect(tierProgress({ counts: counts(4, 1, 1) })).toEqual({ current: 'advanced', next: 'model', gap: 0.0167 });
  });
  it('has no next tier at the top', () => {
    expect(tierProgress({ counts: counts(10, 0, 0), membership: { members: 10, workers: 10 } })).toEqual({
      current: 'national_model',
      next: null,
      gap: null,
    });
  });
});

describe('isParticipationValid', () => {
  it('needs at least 30% of members', () => {
    expect(isParticipationValid(12, 40)).toBe(true); // 30% exactly
    expect(isParticipationValid(11, 40)).toBe(false); // 27.5%
    expect(isParticipationValid(0, 0)).toBe(false);
  });
});

describe('criterionMean', () => {
  it('rounds to two places', () => {
    // (5 + 4 + 4) / 3 = 4.333…
    expect(criterionMean(13, 3)).toBe(4.33);
    expect(criterionMean(0, 0)).toBeNull();
  });
});
