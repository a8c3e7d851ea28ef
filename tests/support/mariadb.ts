import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './server';

const SCRIPT = join(ROOT, 'scripts/mariadb.sh');

/** A private MariaDB (scripts/mariadb.sh) in a folder of its own, for tests that kill and restart it. */
export interface PrivateMariadb {
  url: string;
  dir: string;
  pid(): number;
  /** SIGKILL mariadbd: no shutdown, no flush beyond what each commit already made durable */
  kill(): Promise<void>;
  restart(): void;
  stop(): void;
}

export function startPrivateMariadb(): PrivateMariadb {
  const dir = mkdtempSync(join(tmpdir(), 'pingjia-fault-mdb-'));
  chmodSync(dir, 0o755);
  const url = execFileSync('bash', [SCRIPT, 'start', dir], { encoding: 'utf8' }).trim();
  const pid = () => Number(readFileSync(join(dir, 'mariadb.pid'), 'utf8').trim());
  return {
    url,
    dir,
    pid,
    kill: async () => {
      const p = pid();
      process.kill(p, 'SIGKILL');
      // Gone when signal 0 fails.
      for (let i = 0; i < 100; i++) {
        try {
          process.kill(p, 0);
        } catch {
          return;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`mariadbd ${p} still alive after SIGKILL`);
    },
    restart: () => {
      execFileSync('bash', [SCRIPT, 'restart', dir], { encoding: 'utf8' });
    },
    stop: () => {
      try {
        execFileSync('bash', [SCRIPT, 'stop', dir]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
