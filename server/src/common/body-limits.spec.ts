import { bodyProblem, jsonDepthExceeds } from './body-limits';

describe(jsonDepthExceeds.name, () => {
  it('counts objects and arrays, not brackets inside strings (escaped quotes included)', () => {
    expect(jsonDepthExceeds('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(jsonDepthExceeds('{"a":[{"b":[1]}]}', 3)).toBe(true);
    expect(jsonDepthExceeds(JSON.stringify({ a: '[[[[[[{{{{{{', b: 'say \\"[[[["' }), 1)).toBe(false);
  });
  it('stops at the first level past the cap of a body far too deep to parse safely', () => {
    expect(jsonDepthExceeds('['.repeat(1_000_000), 10)).toBe(true);
  });
});

describe(bodyProblem.name, () => {
  it('counts keys and items over the whole body', () => {
    expect(bodyProblem({ a: [1, 2, 3], b: { c: 1 } }, 6)).toBeNull();
    expect(bodyProblem({ a: [1, 2, 3], b: { c: 1 } }, 5)?.message).toMatch(/5/);
  });
  it('names the field holding a refused character, by its dotted path', () => {
    expect(bodyProblem({ items: [{ name: 'ok' }, { name: 'bad\u0007' }] }, 100)?.fields).toEqual({
      'items.1.name': expect.stringMatching(/控制字符/),
    });
    expect(bodyProblem('\ud800', 100)?.fields).toEqual({ body: expect.stringMatching(/代理项/) });
  });
  it('walks a deep value without recursion', () => {
    let v: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) v = [v];
    expect(bodyProblem(v, 1_000_000)?.fields).toBeDefined();
  });
});
