import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Home } from '../orgs/home.entity';
import type { HomeJob } from './home-answer';
import { HomeReaders } from './home-readers';

// A request never fails because of a home reader: a reader's answer when it gives one, else the request
// thread's computation (not ready, failed, exited, stuck). The readers here are stand-in scripts; the real
// one, on a real file, is tests/api/home-readers.api.ts (its bytes the request thread's, read-your-writes).
const dir = mkdtempSync(join(tmpdir(), 'home-readers-'));
function readerScript(name: string, body: string): string {
  const file = join(dir, `${name}.js`);
  writeFileSync(file, `const { parentPort } = require('node:worker_threads');\n${body}\n`);
  return file;
}
const ready = `parentPort.postMessage({ ready: true });`;
/** answers each answer job with the bytes of "reader:<home id>:<now>", each access job with a decision, refuses user "stranger" */
const answers = `${ready}
parentPort.on('message', (m) => {
  if (m.access) {
    if (m.access.userId === 'stranger') return parentPort.postMessage({ id: m.id, failed: true });
    return parentPort.postMessage({ id: m.id, access: { home: { id: m.access.homeId, name: 'reader' }, upperLevel: false } });
  }
  const bytes = new TextEncoder().encode('reader:' + m.answer.home.id + ':' + m.now);
  parentPort.postMessage({ id: m.id, bytes }, [bytes.buffer]);
});`;

const job = { home: { id: 'h1' }, upperLevel: true } as HomeJob;
const NOW = new Date('2026-12-06T00:00:00.000Z');

/** every pool a test made, shut down after it even when it fails (else its threads outlive the suite) */
const made: HomeReaders[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((r) => r.onApplicationShutdown()));
});

function readers(workerFile: string, file: string | null = '/unused.sqlite') {
  const computed: HomeJob[] = [];
  const r = new HomeReaders(
    {
      answer: async (j) => {
        computed.push(j);
        return Buffer.from('thread:' + j.home.id);
      },
      access: async (userId, homeId) => {
        if (userId === 'stranger') throw new Error('refused on the request thread');
        return { home: { id: homeId, name: 'thread' } as Home, upperLevel: true };
      },
    },
    file,
    () => NOW,
    workerFile,
    1,
  );
  made.push(r);
  return { r, computed };
}

/** Waits for a state; gives up (failing the test) after 20 s so a broken pool cannot hang the suite. */
async function until(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('state not reached in 20 s');
    await new Promise((res) => setTimeout(res, 10));
  }
}

jest.setTimeout(30_000);

describe('HomeReaders', () => {
  it("answers a ready reader's bytes, computed at the server's clock, and nothing on the request thread", async () => {
    const { r, computed } = readers(readerScript('answers', answers));
    await until(async () => (await r.fromReader({ answer: job, now: '' })) !== null);
    expect((await r.read(job)).toString()).toBe(`reader:h1:${NOW.toISOString()}`);
    expect(computed).toEqual([]);
    // An access decision from the reader; its refusal decided again (and refused) on the request thread.
    expect(await r.access('chair', 'h1')).toEqual({ home: { id: 'h1', name: 'reader' }, upperLevel: false });
    await expect(r.access('stranger', 'h1')).rejects.toThrow('refused on the request thread');
    await r.onApplicationShutdown();
  });

  it('computes on the request thread while no reader is ready, and on MySQL (no file) starts none', async () => {
    const starting = readers(readerScript('starting', `setInterval(() => {}, 1000);`));
    expect((await starting.r.read(job)).toString()).toBe('thread:h1');
    await starting.r.onApplicationShutdown();

    const mysql = readers(readerScript('never-started', `throw new Error('started on MySQL');`), null);
    expect((await mysql.r.read(job)).toString()).toBe('thread:h1');
    expect(mysql.computed).toHaveLength(1);
    await mysql.r.onApplicationShutdown();
  });

  it('computes on the request thread a job the reader failed on, never answered, or lost by exiting', async () => {
    // Each stand-in answers its first job (so it is known to be ready), then misbehaves.
    const thenDoes = (name: string, misbehave: string) =>
      readerScript(
        name,
        `${ready}\nlet first = true;\nparentPort.on('message', (m) => {\n  if (!first) { ${misbehave} }\n  first = false;\n  parentPort.postMessage({ id: m.id, bytes: new TextEncoder().encode('reader') });\n});`,
      );
    for (const [name, misbehave] of [
      ['fails-job', `return parentPort.postMessage({ id: m.id, failed: true });`],
      ['stuck', `return;`],
      ['exits', `process.exit(3);`],
    ]) {
      const { r, computed } = readers(thenDoes(name, misbehave));
      await until(async () => (await r.fromReader({ answer: job, now: '' })) !== null);
      const started = Date.now();
      expect((await r.read(job)).toString()).toBe('thread:h1');
      expect(computed).toHaveLength(1);
      // Stuck: given up after SLOW_MS (2 s).
      if (name === 'stuck') expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
      // Exited: its place stays empty for a while, the next one is computed here at once.
      if (name === 'exits') expect((await r.read(job)).toString()).toBe('thread:h1');
      await r.onApplicationShutdown();
    }
  });

  it('computes on the request thread when a reader fails to start', async () => {
    const { r, computed } = readers(readerScript('cannot-open', `throw new Error('cannot open the file');`));
    expect((await r.read(job)).toString()).toBe('thread:h1');
    await new Promise((res) => setTimeout(res, 300));
    expect((await r.read(job)).toString()).toBe('thread:h1');
    expect(computed).toHaveLength(2);
    await r.onApplicationShutdown();
  });
});
