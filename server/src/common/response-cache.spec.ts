import { ResponseCache } from './response-cache';

describe(ResponseCache.name, () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => (clock = 1000));

  it('reuses an answer within its time to live and computes anew after it', async () => {
    const sut = new ResponseCache<number>(100, 10, now);
    let calls = 0;
    const compute = async () => ++calls;
    expect(await sut.get('a', compute)).toBe(1);
    clock += 99;
    expect(await sut.get('a', compute)).toBe(1);
    clock += 1;
    expect(await sut.get('a', compute)).toBe(2);
    expect(await sut.get('b', compute)).toBe(3);
  });

  it('lets callers that ask while an answer is computed share that one computation', async () => {
    const sut = new ResponseCache<string>(100, 10, now);
    let calls = 0;
    let finish: (v: string) => void = () => undefined;
    const compute = () => {
      calls++;
      return new Promise<string>((r) => (finish = r));
    };
    const first = sut.get('k', compute);
    const second = sut.get('k', compute);
    finish('done');
    expect(await Promise.all([first, second])).toEqual(['done', 'done']);
    expect(calls).toBe(1);
  });

  it('keeps no error: the next caller computes again', async () => {
    const sut = new ResponseCache<number>(100, 10, now);
    await expect(sut.get('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await sut.get('k', async () => 7)).toBe(7);
  });

  it('computes every time when the time to live is 0', async () => {
    const sut = new ResponseCache<number>(0, 10, now);
    let calls = 0;
    await sut.get('k', async () => ++calls);
    await sut.get('k', async () => ++calls);
    expect(calls).toBe(2);
  });

  it('drops the oldest entries beyond its size', async () => {
    const sut = new ResponseCache<string>(1000, 2, now);
    for (const k of ['a', 'b', 'c']) await sut.get(k, async () => `${k}1`);
    expect(await sut.get('a', async () => 'a2')).toBe('a2');
    expect(await sut.get('c', async () => 'c2')).toBe('c1');
  });

  it('peeks at a computed answer within its time to live only, starting nothing', async () => {
    const sut = new ResponseCache<number>(100, 10, now);
    let finish: (v: number) => void = () => undefined;
    const pending = sut.get('k', () => new Promise<number>((r) => (finish = r)));
    expect(sut.peek('k')).toBeUndefined(); // still being computed
    finish(7);
    await pending;
    expect(sut.peek('k')).toEqual({ value: 7 });
    expect(sut.peek('other')).toBeUndefined();
    clock += 100;
    expect(sut.peek('k')).toBeUndefined();
    await expect(sut.get('k', () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(sut.peek('k')).toBeUndefined();
  });

  describe('stale while refresh', () => {
    const deferred = () => {
      let resolve: (v: string) => void = () => undefined;
      let reject: (e: Error) => void = () => undefined;
      const promise = new Promise<string>((res, rej) => ((resolve = res), (reject = rej)));
      return { promise, resolve, reject };
    };

    it('serves the expired answer while exactly one successor is computed, then the successor', async () => {
      const sut = new ResponseCache<string>(100, 10, now, 100);
      expect(await sut.get('k', async () => 'old')).toBe('old');
      clock += 150;
      const next = deferred();
      let calls = 0;
      const compute = () => (calls++, next.promise);
      expect(await sut.get('k', compute)).toBe('old');
      expect(await sut.get('k', compute)).toBe('old');
      expect(calls).toBe(1);
      next.resolve('new');
      await next.promise;
      expect(await sut.get('k', compute)).toBe('new');
      // The successor's age counts from when it began.
      clock += 99;
      expect(await sut.get('k', async () => 'newer')).toBe('new');
    });

    it('computes while the caller waits past the stale span', async () => {
      const sut = new ResponseCache<string>(100, 10, now, 100);
      await sut.get('k', async () => 'old');
      clock += 200;
      expect(await sut.get('k', async () => 'new')).toBe('new');
    });

    it('keeps serving the old answer when a refresh fails, and the next caller tries again', async () => {
      const sut = new ResponseCache<string>(100, 10, now, 100);
      await sut.get('k', async () => 'old');
      clock += 150;
      const failed = deferred();
      expect(await sut.get('k', () => failed.promise)).toBe('old');
      failed.reject(new Error('boom'));
      await failed.promise.catch(() => undefined);
      expect(await sut.get('k', async () => 'new')).toBe('old');
      await Promise.resolve();
      expect(await sut.get('k', async () => 'newer')).toBe('new');
    });

    it('serves nothing it held after clear(), nor a refresh that was in flight', async () => {
      const sut = new ResponseCache<string>(100, 10, now, 100);
      await sut.get('k', async () => 'old');
      clock += 150;
      const inFlight = deferred();
      expect(await sut.get('k', () => inFlight.promise)).toBe('old');
      sut.clear();
      inFlight.resolve('begun before the change');
      await inFlight.promise;
      expect(await sut.get('k', async () => 'after the change')).toBe('after the change');
    });

    it('lets callers join a first computation that outlasts the time to live', async () => {
      const sut = new ResponseCache<string>(100, 10, now, 100);
      const first = deferred();
      let calls = 0;
      const a = sut.get('k', () => (calls++, first.promise));
      clock += 150;
      const b = sut.get('k', () => (calls++, first.promise));
      first.resolve('one');
      expect(await Promise.all([a, b])).toEqual(['one', 'one']);
      expect(calls).toBe(1);
    });
  });
});
