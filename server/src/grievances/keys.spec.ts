import { isTrackingCode } from '@pingjia/shared';
import { raterKey } from '../ratings/rater-key';
import { canonicalJson } from '../common/idempotency';
import { GrievanceKeys, newTrackingCode, REPORTER_SLOTS } from './keys';

describe(GrievanceKeys.name, () => {
  const secret = 'a-server-secret-of-at-least-32-characters';

  it('gives one reporter the same keys every time, one per grievance, and another reporter others', () => {
    const sut = new GrievanceKeys(secret);
    const mine = sut.reporterKeys('user-1');
    expect(sut.reporterKeys('user-1')).toEqual(mine);
    expect(new Set(mine).size).toBe(mine.length);
    const theirs = new Set([
      ...sut.reporterKeys('user-2'),
      ...new GrievanceKeys('another-secret-of-at-least-32-chars').reporterKeys('user-1'),
    ]);
    expect(mine.filter((k) => theirs.has(k))).toEqual([]);
  });

  it('files under the first slot no grievance uses, asking the first slots before the rest', async () => {
    const sut = new GrievanceKeys(secret);
    const all = sut.reporterKeys('user-1');
    expect(all).toHaveLength(REPORTER_SLOTS);
    expect(sut.reporterKeys('user-1', 10, 20)).toEqual(all.slice(10, 20));
    const asked: number[] = [];
    const firstFree = (taken: Set<string>) =>
      sut.firstFreeReporterKey('user-1', async (candidates) => {
        asked.push(candidates.length);
        return new Set(candidates.filter((k) => taken.has(k)));
      });
    expect(await firstFree(new Set())).toBe(all[0]);
    expect(asked).toEqual([10]);
    // a gap left among used slots is found again
    expect(await firstFree(new Set(all.filter((_, i) => i !== 3)))).toBe(all[3]);
    asked.length = 0;
    expect(await firstFree(new Set(all.slice(0, 10)))).toBe(all[10]);
    expect(asked).toEqual([10, 90]);
    expect(await firstFree(new Set(all.filter((_, i) => i !== 99)))).toBe(all[99]);
    expect(await firstFree(new Set(all))).toBeNull();
  });

  it('keeps reporter keys apart from rater keys made with the same secret', () => {
    const sut = new GrievanceKeys(secret);
    const rater = raterKey(secret, 'c', 'h', 'u');
    expect(sut.reporterKeys('c:h:u')).not.toContain(rater);
    expect(sut.legacyReporterKey('c:h:u')).not.toBe(rater);
  });

  it('seals a value differently every time and opens it again', () => {
    const sut = new GrievanceKeys(secret);
    const a = sut.seal('oABC-openid');
    expect(a).not.toBe(sut.seal('oABC-openid'));
    expect(a).not.toContain('oABC');
    expect(a.length).toBeLessThanOrEqual(200);
    expect(sut.open(a)).toBe('oABC-openid');
    expect(() => new GrievanceKeys('another-secret-of-at-least-32-chars').open(a)).toThrow();
  });

  it('recomputes a tracking code from its seed, and makes well-formed random ones', () => {
    const sut = new GrievanceKeys(secret);
    expect(sut.trackingCodeFor('seed')).toBe(sut.trackingCodeFor('seed'));
    expect(sut.trackingCodeFor('seed')).not.toBe(sut.trackingCodeFor('other'));
    const codes = new Set(Array.from({ length: 200 }, newTrackingCode));
    expect(codes.size).toBe(200);
    for (const c of codes) expect(isTrackingCode(c)).toBe(true);
  });
});

describe(canonicalJson.name, () => {
  it('ignores key order and undefined fields', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: 'x' }], u: undefined })).toBe(canonicalJson({ a: [1, { c: 'x', d: 2 }], b: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
  });
});
