import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WalCheckpointer } from './wal-checkpointer';

// Who checkpoints the WAL: the worker while it reports, the app's connection (SQLite's 1000 pages) as soon
// as the worker is gone, so the WAL never grows without bound. The worker here is a stand-in script; the
// real one, against a real file, is tests/api/durability.api.ts.
const dir = mkdtempSync(join(tmpdir(), 'checkpointer-'));
function workerScript(name: string, body: string): string {
  const file = join(dir, `${name}.js`);
  writeFileSync(file, `const { parentPort } = require('node:worker_threads');\n${body}\n`);
  return file;
}
const copied = `parentPort.postMessage({ busy: false, walFrames: 40, copiedFrames: 40, ms: 1 });`;

/** Waits for a state; gives up (failing the test) after 20 s so a broken checkpointer cannot hang the suite. */
async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('state not reached in 20 s');
    await new Promise((r) => setTimeout(r, 10));
  }
}

function checkpointer(workerFile: string) {
  const pragmas: string[] = [];
  const c = new WalCheckpointer(
    {
      query: async <T>(sql: string) => {
        pragmas.push(sql);
        return undefined as T;
      },
    },
    '/unused.sqlite',
    workerFile,
  );
  return { c, pragmas };
}

jest.setTimeout(30_000);

describe('WalCheckpointer', () => {
  it('hands the checkpoints to the worker once it has checkpointed, and takes them back when the worker exits', async () => {
    const { c, pragmas } = checkpointer(workerScript('exits', `${copied}\nsetTimeout(() => process.exit(3), 50);`));
    c.onApplicationBootstrap();
    await until(() => pragmas.length === 2);
    expect(pragmas).toEqual(['PRAGMA wal_autocheckpoint = 0', 'PRAGMA wal_autocheckpoint = 1000']);
    expect(c.copied).toEqual({ checkpoints: 1, frames: 40 });
    await c.onApplicationShutdown();
  });

  it('leaves the checkpoints with the app when the worker fails before its first checkpoint', async () => {
    const { c, pragmas } = checkpointer(workerScript('fails', `throw new Error('cannot open the file');`));
    c.onApplicationBootstrap();
    await until(() => pragmas.length === 1);
    expect(pragmas).toEqual(['PRAGMA wal_autocheckpoint = 1000']);
    await c.onApplicationShutdown();
  });

  it('does not take the checkpoints back when the app stops the worker at shutdown', async () => {
    const { c, pragmas } = checkpointer(workerScript('runs', `${copied}\nsetInterval(() => {}, 1000);`));
    c.onApplicationBootstrap();
    await until(() => pragmas.length === 1);
    await c.onApplicationShutdown();
    expect(pragmas).toEqual(['PRAGMA wal_autocheckpoint = 0']);
  });
});
