import Database from 'better-sqlite3';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { databaseOptions, PAGE_CACHE_KB, readerOptions } from '../database/database-options';
import type { HomeJob } from './home-answer';
import { HomeReaders, READER_LIMITS } from './home-readers';
import { SUBTREE_WORKER_LIMITS, SubtreeReader } from './subtree-reader';
import type { SubtreeJob } from './subtree-read';

// Memory (issue 20): the worker threads start with their bounded heaps and their share of the page cache
// budget, and each connection gets its share. Stand-in scripts report what the thread was actually given:
// the limits V8 applied to its heap (heap_size_limit, not only the options echoed) and its workerData.
const dir = mkdtempSync(join(tmpdir(), 'worker-limits-'));
const given = `const { resourceLimits, workerData } = require('node:worker_threads');
const given = () => JSON.stringify({ resourceLimits, cacheKb: workerData.cacheKb, heapMb: require('node:v8').getHeapStatistics().heap_size_limit / 2 ** 20 });`;

function script(name: string, body: string): string {
  const file = join(dir, `${name}.js`);
  writeFileSync(file, `const { parentPort } = require('node:worker_threads');\n${given}\n${body}\n`);
  return file;
}

interface Given {
  resourceLimits: Record<string, number>;
  cacheKb: number;
  heapMb: number;
}

jest.setTimeout(30_000);

describe('worker threads: bounded heaps and page cache shares', () => {
  it("starts the home reader with READER_LIMITS applied to its heap and the reader's page cache share", async () => {
    const file = script(
      'reader',
      `parentPort.postMessage({ ready: true });
parentPort.on('message', (m) => parentPort.postMessage({ id: m.id, bytes: new TextEncoder().encode(given()) }));`,
    );
    const readers = new HomeReaders(
      { answer: async () => Buffer.from('thread'), access: async () => Promise.reject(new Error('unused')) },
      '/unused.sqlite',
      () => new Date(),
      file,
      1,
    );
    try {
      const job = { home: { id: 'h1' }, upperLevel: true } as HomeJob;
      let answer: Buffer | null = null;
      const deadline = Date.now() + 20_000;
      while (!(answer = (await readers.fromReader({ answer: job, now: '' })) as Buffer | null)) {
        if (Date.now() > deadline) throw new Error('the reader was not ready in 20 s');
        await new Promise((res) => setTimeout(res, 10));
      }
      const g = JSON.parse(answer.toString()) as Given;
      expect(g.resourceLimits).toMatchObject(READER_LIMITS);
      expect(g.cacheKb).toBe(PAGE_CACHE_KB.reader);
      // V8's own limit for the thread's heap: the old generation's cap plus the young one's, far under the
      // process default (gigabytes).
      expect(g.heapMb).toBeLessThan(READER_LIMITS.maxOldGenerationSizeMb + 4 * READER_LIMITS.maxYoungGenerationSizeMb);
    } finally {
      await readers.onApplicationShutdown();
    }
  });

  it("starts the subtree worker with SUBTREE_WORKER_LIMITS applied to its heap and the subtree's page cache share", async () => {
    const file = script('subtree', `parentPort.on('message', (m) => parentPort.postMessage({ id: m.id, error: given() }));`);
    class StandIn extends SubtreeReader {
      protected override readonly workerFile = file;
    }
    const config = { database: { kind: 'sqlite', file: '/unused.sqlite' } } as AppConfig;
    const reader = new StandIn(undefined as never, undefined as never, undefined as never, config);
    try {
      const failed = await reader.read({ path: '/p/' } as SubtreeJob).then(
        () => null,
        (e: Error) => e.message,
      );
      const g = JSON.parse(failed ?? 'null') as Given;
      expect(g.resourceLimits).toMatchObject(SUBTREE_WORKER_LIMITS);
      expect(g.cacheKb).toBe(PAGE_CACHE_KB.subtree);
      expect(g.heapMb).toBeLessThan(SUBTREE_WORKER_LIMITS.maxOldGenerationSizeMb + 4 * SUBTREE_WORKER_LIMITS.maxYoungGenerationSizeMb);
    } finally {
      await reader.onApplicationShutdown();
    }
  });

  it('gives each SQLite connection its share of the budget as its cache_size', () => {
    const file = join(dir, 'cache.sqlite');
    const cacheOf = (options: object, readonly: boolean) => {
      const db = new Database(file, { readonly });
      try {
        ((options as { prepareDatabase?: unknown }).prepareDatabase as (raw: Database.Database) => void)(db);
        return db.pragma('cache_size', { simple: true });
      } finally {
        db.close();
      }
    };
    expect(cacheOf(databaseOptions({ kind: 'sqlite', file }), false)).toBe(-PAGE_CACHE_KB.app);
    expect(cacheOf(readerOptions(file, PAGE_CACHE_KB.subtree), true)).toBe(-PAGE_CACHE_KB.subtree);
    expect(cacheOf(readerOptions(file, PAGE_CACHE_KB.reader), true)).toBe(-PAGE_CACHE_KB.reader);
  });
});
