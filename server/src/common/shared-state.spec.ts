import { Locks } from './shared-state';

// The in-process locks (one instance, no REDIS_URL); the Redis ones are proved across two instances in tests/scale.
describe(Locks.name, () => {
  const locks = () => new Locks(null);

  it('grants a lock to one holder until it is released', async () => {
    const sut = locks();
    const first = await sut.tryAcquire('job', 60_000);
    expect(first).not.toBeNull();
    expect(await sut.tryAcquire('job', 60_000)).toBeNull();
    expect(await sut.tryAcquire('other', 60_000)).not.toBeNull();
    await first!.release();
    expect(await sut.tryAcquire('job', 60_000)).not.toBeNull();
  });

  it('lets a lock go when it expires, and a late release does not free the next holder', async () => {
    const sut = locks();
    const stale = await sut.tryAcquire('job', 20);
    await new Promise((r) => setTimeout(r, 40));
    const next = await sut.tryAcquire('job', 60_000);
    expect(next).not.toBeNull();
    await stale!.release();
    expect(await sut.tryAcquire('job', 60_000)).toBeNull();
  });

  it('claims a tick once', async () => {
    const sut = locks();
    expect(await sut.claim('sweep:1', 60_000)).toBe(true);
    expect(await sut.claim('sweep:1', 60_000)).toBe(false);
    expect(await sut.claim('sweep:2', 60_000)).toBe(true);
  });
});
