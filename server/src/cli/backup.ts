/**
 * Backup and restore of the embedded SQLite database and the grievance attachments beside it.
 *
 *   node server/dist/cli/backup.js backup  <file>   consistent copy while the server runs (SQLite online backup API),
 *                                                  then the attachment files into <file>.attachments/
 *   node server/dist/cli/backup.js restore <file>   put a backup (and its <file>.attachments/) in place; stop the server first
 *
 * The database is DATABASE_URL=sqlite:<file> or DATA_DIR/pingjia.sqlite (default ./data), as for the server;
 * attachments are DATA_DIR/attachments/.
 * For MySQL use `mariadb-dump --single-transaction` / `mysqldump --single-transaction` and copy
 * DATA_DIR/attachments/ after the dump (docs/security.md).
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

function attachmentsDir(env: NodeJS.ProcessEnv): string {
  return join(resolve(env.DATA_DIR || 'data'), 'attachments');
}

/** Attachment files (not the half-written `.…tmp` ones) from one folder into another; returns how many. */
function copyAttachments(from: string, to: string): number {
  if (!existsSync(from)) return 0;
  const names = readdirSync(from).filter((n) => !n.startsWith('.'));
  // Readable by the owner only, as the server keeps them.
  mkdirSync(to, { recursive: true, mode: 0o700 });
  for (const n of names) copyFileSync(join(from, n), join(to, n));
  return names.length;
}

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
  if (existsSync(dest) || existsSync(`${dest}.attachments`)) fail(`${dest} exists: choose a new file`);
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
  // After the snapshot: an attachment is written before its row commits, so every row in the
  // snapshot finds its file here (files are never changed, only added or removed).
  const files = copyAttachments(attachmentsDir(process.env), `${dest}.attachments`);
  process.stdout.write(
    `backup ok: ${dest} (${statSync(dest).size} bytes, ${tables} tables, ${files} attachment file(s) in ${dest}.attachments, ${Date.now() - started} ms)\n`,
  );
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
  // The attachments as they were at the backup; the current folder is kept beside it, as the database is.
  const dir = attachmentsDir(process.env);
  if (existsSync(dir)) renameSync(dir, `${dir}.before-restore-${Date.now()}`);
  const files = copyAttachments(`${from}.attachments`, dir);
  process.stdout.write(`restore ok: ${from} → ${target}, ${files} attachment file(s) → ${dir} (the previous ones were kept beside them)\n`);
}

const [command, file, flag] = process.argv.slice(2);
if (command === 'backup' && file) backup(file).catch((e) => fail(`backup failed: ${e instanceof Error ? e.message : String(e)}`));
else if (command === 'restore' && file) restore(file, flag === '--force');
else fail('usage: node server/dist/cli/backup.js backup <file> | restore <file> [--force]');
