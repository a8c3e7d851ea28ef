import { isSceneToken } from '@pingjia/shared';
import { newSceneToken } from './ids';

describe(newSceneToken.name, () => {
  it('makes WeChat-valid, distinct 22-character tokens', () => {
    const sut = new Set(Array.from({ length: 2000 }, () => newSceneToken()));
    expect(sut.size).toBe(2000);
    for (const t of sut) {
      expect(t).toHaveLength(22);
      expect(isSceneToken(t)).toBe(true);
    }
  });
});
