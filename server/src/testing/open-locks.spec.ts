import { OpenLocks } from './open-locks';

describe(OpenLocks.name, () => {
  it('grants every lock to everyone (TEST_DISABLE_LOCKS, the negative control)', async () => {
    const sut = new OpenLocks(null);
    expect(await sut.tryAcquire()).not.toBeNull();
    expect(await sut.tryAcquire()).not.toBeNull();
    expect(await sut.claim('sweep:1', 60_000)).toBe(true);
    expect(await sut.claim('sweep:1', 60_000)).toBe(true);
  });
});
