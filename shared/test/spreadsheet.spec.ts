import { isFormulaLike, neutralizeCell } from '../src';

describe('neutralizeCell', () => {
  it.each(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx', '＝HYPERLINK("x")'])('prefixes %j with an apostrophe', (text) => {
    expect(neutralizeCell(text)).toBe(`'${text}`);
    expect(isFormulaLike(text)).toBe(true);
  });
  it('leaves ordinary text, numbers and nulls alone', () => {
    expect(neutralizeCell('甲厂工会')).toBe('甲厂工会');
    expect(neutralizeCell(' =not a formula')).toBe(' =not a formula');
    expect(neutralizeCell('a=b')).toBe('a=b');
    expect(neutralizeCell(-3)).toBe(-3);
    expect(neutralizeCell(null)).toBeNull();
  });
});
