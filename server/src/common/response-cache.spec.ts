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
});
