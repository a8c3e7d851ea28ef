/**
 * Backup and restore of the embedded SQLite database.
 *
 *   node server/dist/cli/backup.js backup  <file>   consistent copy while the server runs (SQLite online backup API)
 *   node server/dist/cli/backup.js restore <file>   put a backup in place; stop the server first
 *
 * The database is DATABASE_URL=sqlite:<file> or DATA_DIR/pingjia.sqlite (default ./data), as for the server.
 * For MySQL use `mariadb-dump --single-transaction` / `mysqldump --single-transaction` (docs/security.md).
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

function databaseFile(env: NodeJS.ProcessEnv): string {
  const url = env.DATABASE_URL;
  if (url?.startsWith('mysql:')) fail('DATABASE_URL is MySQL: use mariadb-dump/mysqldump --single-transaction for backups');
  if (url?.startsWith('sqlite:')) return resolve(url.slice('sqlite:'.length));
  return join(resolve(env.DATA_DIR || 'data'), 'pingjia.sqlite');
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** Opens a file read-only and checks it is an intact Pingjia database; returns its table count. */
function verify(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') fail(`${file}: integrity check failed: ${String(check)}`);
    const migrations = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").get() as {
      n: number;
    };
    if (!migrations.n) fail(`${file}: not a Pingjia database (no migrations table)`);
    return (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function backup(target: string): Promise<void> {
  const source = databaseFile(process.env);
  if (!existsSync(source)) fail(`no database at ${source}`);
  const dest = resolve(target);
  if (existsSync(dest)) fail(`${dest} exists: choose a new file`);
  const db = new Database(source, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const started = Date.now();
  try {
    // The online backup copies pages in steps and restarts if a writer changes the source meanwhile,
    // so the result is one consistent snapshot even while the server keeps writing.
    await db.backup(`${dest}.partial`);
  } finally {
    db.close();
  }
  renameSync(`${dest}.partial`, dest);
  const tables = verify(dest);
  process.stdout.write(`backup ok: ${dest} (${statSync(dest).size} bytes, ${tables} tables, ${Date.now() - started} ms)\n`);
}

function restore(file: string, force: boolean): void {
  const from = resolve(file);
  verify(from);
  const target = databaseFile(process.env);
  // A WAL file means a server has the database open (or crashed): restoring under it would corrupt it.
  if (existsSync(`${target}-wal`) && !force) fail(`${target}-wal exists: stop the server first (or pass --force after a crash)`);
  if (existsSync(target)) renameSync(target, `${target}.before-restore-${Date.now()}`);
  rmSync(`${target}-wal`, { force: true });
  rmSync(`${target}-shm`, { force: true });
  copyFileSync(from, `${target}.restoring`);
  renameSync(`${target}.restoring`, target);
  process.stdout.write(`restore ok: ${from} → ${target} (the previous file was kept beside it)\n`);
}

const [command, file, flag] = process.argv.slice(2);
if (command === 'backup' && file) backup(file).catch((e) => fail(`backup failed: ${e instanceof Error ? e.message : String(e)}`));
else if (command === 'restore' && file) restore(file, flag === '--force');
else fail('usage: node server/dist/cli/backup.js backup <file> | restore <file> [--force]');
