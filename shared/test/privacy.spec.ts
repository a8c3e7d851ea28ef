import {
  areCommentsVisible,
  commentsWithheldText,
  countsTowardAggregate,
  DEFAULT_THRESHOLDS,
  isGroupSliceVisible,
  isSliceVisible,
  daysLeft,
  daysLeftText,
  openFiguresNote,
  openParticipation,
  ratingPrivacyNote,
  withheldUnless,
} from '../src';

describe('small slices', () => {
  it('withholds a score slice of 4 ratings and shows one of 5', () => {
    expect(isSliceVisible(4)).toBe(false);
    expect(isSliceVisible(5)).toBe(true);
  });
  it('withholds comments below 10 ratings', () => {
    expect(areCommentsVisible(9)).toBe(false);
    expect(areCommentsVisible(10)).toBe(true);
  });
  it('follows configured thresholds', () => {
    const t = { ...DEFAULT_THRESHOLDS, minSlice: 8, minComments: 20 };
    expect(isSliceVisible(7, t)).toBe(false);
    expect(isSliceVisible(8, t)).toBe(true);
    expect(areCommentsVisible(19, t)).toBe(false);
  });
  it('leaves withheld aggregates out of sums', () => {
    expect(countsTowardAggregate(4)).toBe(false);
    expect(countsTowardAggregate(5)).toBe(true);
  });
  it('yields null, never a value, for a withheld slice', () => {
    const compute = jest.fn(() => 0.8);
    expect(withheldUnless(false, compute)).toBeNull();
    expect(compute).not.toHaveBeenCalled();
    expect(withheldUnless(true, compute)).toBe(0.8);
  });
});

describe('the complement rule for groups', () => {
  it('withholds a group of 4 in 20', () => {
    expect(isGroupSliceVisible(4, 20)).toBe(false);
  });
  it('withholds a group of 16 in 20: the other 4 would be revealed by subtraction', () => {
    expect(isGroupSliceVisible(16, 20)).toBe(false);
  });
  it('withholds a group that is everyone', () => {
    expect(isGroupSliceVisible(12, 12)).toBe(false);
  });
  it('shows a group of 5 when 5 others remain', () => {
    expect(isGroupSliceVisible(5, 10)).toBe(true);
    expect(isGroupSliceVisible(5, 9)).toBe(false);
  });
});

describe('open cycles', () => {
  it('shows participation rounded down to a multiple of the smallest slice', () => {
    expect([0, 4, 5, 9, 10, 14].map((n) => openParticipation(n))).toEqual([0, 0, 5, 5, 10, 10]);
    expect(openParticipation(15, { ...DEFAULT_THRESHOLDS, minSlice: 8 })).toBe(8);
  });
  it('says when figures appear and why, on the dashboards and on the rating form', () => {
    expect(openFiguresNote()).toContain('按 5 人取整');
    expect(openFiguresNote()).toContain('评议结束后一次公布');
    expect(ratingPrivacyNote()).toContain('评议结束后一次公布');
  });
  it('counts the days left in China calendar days', () => {
    // 23:30 UTC is already the next day in China.
    expect(daysLeft('2026-12-10T15:59:59.999Z', new Date('2026-12-05T23:30:00Z'))).toBe(4);
    expect(daysLeft('2026-12-10T15:59:59.999Z', new Date('2026-12-10T10:00:00Z'))).toBe(0);
    expect(daysLeft('2026-12-10T15:59:59.999Z', new Date('2026-12-12T10:00:00Z'))).toBe(0);
    expect(daysLeftText(3)).toBe('距评议结束还有 3 天');
    expect(daysLeftText(0)).toBe('评议今天结束');
  });
  it('tells why comments are not shown', () => {
    expect(commentsWithheldText('campaign_open')).toBe('评议结束后显示会员留言');
    expect(commentsWithheldText('too_few_ratings')).toBe('参评不足 10 人，不显示留言');
    expect(commentsWithheldText('too_few_ratings', { ...DEFAULT_THRESHOLDS, minComments: 20 })).toBe('参评不足 20 人，不显示留言');
  });
});
