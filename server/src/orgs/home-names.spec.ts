import { confusableWith, nameSkeleton } from './home-names';

describe('home names that look alike', () => {
  it.each([
    ['⼯会职工之家', '工会职工之家', 'a Kangxi radical for 工'],
    ['甲厂工会', '甲厂 工会', 'a space'],
    ['甲厂工会', '甲厂\u200b工会', 'a zero-width space'],
    ['ABC工会', 'ＡＢＣ工会', 'full-width letters'],
    ['ABC工会', 'АВС工会', 'Cyrillic look-alikes'],
    ['abc工会', 'ABC工会', 'letter case'],
    ['力帆工会', 'カ帆工会', 'katakana カ for 力'],
    ['Il1工会', 'lll工会', 'I, l and 1'],
  ])('takes %s and %s for one name (%s)', (a, b) => {
    expect(nameSkeleton(a)).toBe(nameSkeleton(b));
    expect(confusableWith(b, ['别的工会', a])).toBe(a);
  });

  it.each([
    ['甲厂工会', '乙厂工会'],
    ['第一车间工会', '第二车间工会'],
    ['口腔医院工会', '眼科医院工会'],
  ])('tells %s from %s', (a, b) => {
    expect(confusableWith(b, [a])).toBeNull();
  });
});
