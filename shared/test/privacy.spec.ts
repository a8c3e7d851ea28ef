import { areCommentsVisible, commentsWithheldText, countsTowardAggregate, DEFAULT_THRESHOLDS, isGroupSliceVisible, isSliceVisible, openFiguresNote, openFiguresStep, withheldUnless } from '../src';

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
  it('moves open figures in steps of the smallest slice, and says so', () => {
    expect(openFiguresStep()).toBe(5);
    expect(openFiguresStep({ ...DEFAULT_THRESHOLDS, minSlice: 8 })).toBe(8);
    expect(openFiguresNote()).toContain('每新增 5 人');
  });
  it('tells why comments are not shown', () => {
    expect(commentsWithheldText('campaign_open')).toBe('评议结束后显示会员留言');
    expect(commentsWithheldText('too_few_ratings')).toBe('参评不足 10 人，不显示留言');
    expect(commentsWithheldText('too_few_ratings', { ...DEFAULT_THRESHOLDS, minComments: 20 })).toBe('参评不足 20 人，不显示留言');
  });
});
