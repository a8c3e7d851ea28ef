import { awardedTitle, lostTitle } from '../src';

const input = (positive: number, dissatisfied: number, members = positive + dissatisfied, workers: number | null = null) => ({
  ratings: positive + dissatisfied,
  members,
  counts: { satisfied: positive, basicallySatisfied: 0, dissatisfied },
  workers,
});

describe('awardedTitle at the threshold edges', () => {
  it('gives nothing at 69.9% (699 of 1000)', () => expect(awardedTitle(input(699, 301))).toBe('none'));
  it('gives 合格 at exactly 70% (700 of 1000)', () => expect(awardedTitle(input(700, 300))).toBe('qualified'));
  it('gives 先进 at exactly 80% (800 of 1000)', () => expect(awardedTitle(input(800, 200))).toBe('advanced'));
  it('gives 模范 at exactly 85% (850 of 1000)', () => expect(awardedTitle(input(850, 150))).toBe('model'));
  it('gives 全国模范 at 90% only with a 90% membership rate', () => {
    // 900 of 1000 satisfied; 1000 members of 1111 workers = 90.009%
    expect(awardedTitle(input(900, 100, 1000, 1111))).toBe('national_model');
    // 1000 members of 1112 workers = 89.93%
    expect(awardedTitle(input(900, 100, 1000, 1112))).toBe('model');
    expect(awardedTitle(input(900, 100, 1000, null))).toBe('model');
  });
  it('gives 模范, not 全国模范, at 89.9% with full membership', () => expect(awardedTitle(input(899, 101, 1000, 1000))).toBe('model'));
});

describe('awardedTitle validity', () => {
  it('gives nothing when fewer than 30% of members took part', () => {
    // 29 of 100 members, all satisfied
    expect(awardedTitle(input(29, 0, 100))).toBe('none');
    expect(awardedTitle(input(30, 0, 100))).toBe('model');
  });
  it('gives nothing below 5 ratings, even if all members took part', () => {
    expect(awardedTitle(input(4, 0, 4))).toBe('none');
  });
});

describe('lostTitle', () => {
  it('flags a home that fell from 先进 to 合格 or lost its title', () => {
    expect(lostTitle('advanced', 'qualified')).toBe(true);
    expect(lostTitle('qualified', 'none')).toBe(true);
  });
  it('does not flag a home that kept, gained or never had a title', () => {
    expect(lostTitle('advanced', 'advanced')).toBe(false);
    expect(lostTitle('qualified', 'model')).toBe(false);
    expect(lostTitle('none', 'none')).toBe(false);
  });
});
