import { raterKey } from './rater-key';

describe(raterKey.name, () => {
  it('is stable for one member and differs across campaigns, homes and secrets', () => {
    const sut = raterKey('s'.repeat(32), 'c1', 'h1', 'u1');
    expect(sut).toMatch(/^[0-9a-f]{64}$/);
    expect(raterKey('s'.repeat(32), 'c1', 'h1', 'u1')).toBe(sut);
    expect(raterKey('s'.repeat(32), 'c2', 'h1', 'u1')).not.toBe(sut);
    expect(raterKey('s'.repeat(32), 'c1', 'h2', 'u1')).not.toBe(sut);
    expect(raterKey('t'.repeat(32), 'c1', 'h1', 'u1')).not.toBe(sut);
    expect(sut).not.toContain('u1');
  });
});
