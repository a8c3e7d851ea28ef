import { isTrackingCode } from '@pingjia/shared';
import { raterKey } from '../ratings/rater-key';
import { canonicalJson, GrievanceKeys, newTrackingCode } from './keys';

describe(GrievanceKeys.name, () => {
  const secret = 'a-server-secret-of-at-least-32-characters';

  it('gives one reporter the same key every time, and another reporter another', () => {
    const sut = new GrievanceKeys(secret);
    expect(sut.reporterKey('user-1')).toBe(sut.reporterKey('user-1'));
    expect(sut.reporterKey('user-1')).not.toBe(sut.reporterKey('user-2'));
    expect(new GrievanceKeys('another-secret-of-at-least-32-chars').reporterKey('user-1')).not.toBe(sut.reporterKey('user-1'));
  });

  it('keeps reporter keys apart from rater keys made with the same secret', () => {
    const sut = new GrievanceKeys(secret);
    // raterKey hashes "campaign:home:user"; the reporter key of that same string must still differ.
    expect(sut.reporterKey('c:h:u')).not.toBe(raterKey(secret, 'c', 'h', 'u'));
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
