"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Backup and restore of the embedded SQLite database.
 *
 *   node server/dist/cli/backup.js backup  <file>   consistent copy while the server runs (SQLite online backup API)
 *   node server/dist/cli/backup.js restore <file>   put a backup in place; stop the server first
 *
 * The database is DATABASE_URL=sqlite:<file> or DATA_DIR/pingjia.sqlite (default ./data), as for the server.
 * For MySQL use `mariadb-dump --single-transaction` / `mysqldump --single-transaction` (docs/security.md).
 */
const better_sqlite3_1 = __importDefault(require("better-sqlite3"));
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
function databaseFile(env) {
    const url = env.DATABASE_URL;
    if (url?.startsWith('mysql:'))
        fail('DATABASE_URL is MySQL: use mariadb-dump/mysqldump --single-transaction for backups');
    if (url?.startsWith('sqlite:'))
        return (0, node_path_1.resolve)(url.slice('sqlite:'.length));
    return (0, node_path_1.join)((0, node_path_1.resolve)(env.DATA_DIR || 'data'), 'pingjia.sqlite');
}
function fail(message) {
    process.stderr.write(`${message}\n`);
    process.exit(1);
}
/** Opens a file read-only and checks it is an intact Pingjia database; returns its table count. */
function verify(file) {
    const db = new better_sqlite3_1.default(file, { readonly: true, fileMustExist: true });
    try {
        const check = db.pragma('integrity_check', { simple: true });
        if (check !== 'ok')
            fail(`${file}: integrity check failed: ${String(check)}`);
        const migrations = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").get();
        if (!migrations.n)
            fail(`${file}: not a Pingjia database (no migrations table)`);
        return db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get().n;
    }
    finally {
        db.close();
    }
}
async function backup(target) {
    const source = databaseFile(process.env);
    if (!(0, node_fs_1.existsSync)(source))
        fail(`no database at ${source}`);
    const dest = (0, node_path_1.resolve)(target);
    if ((0, node_fs_1.existsSync)(dest))
        fail(`${dest} exists: choose a new file`);
    const db = new better_sqlite3_1.default(source, { fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    const started = Date.now();
    try {
        // The online backup copies pages in steps and restarts if a writer changes the source meanwhile,
        // so the result is one consistent snapshot even while the server keeps writing.
        await db.backup(`${dest}.partial`);
    }
    finally {
        db.close();
    }
    (0, node_fs_1.renameSync)(`${dest}.partial`, dest);
    const tables = verify(dest);
    process.stdout.write(`backup ok: ${dest} (${(0, node_fs_1.statSync)(dest).size} bytes, ${tables} tables, ${Date.now() - started} ms)\n`);
}
function restore(file, force) {
    const from = (0, node_path_1.resolve)(file);
    verify(from);
    const target = databaseFile(process.env);
    // A WAL file means a server has the database open (or crashed): restoring under it would corrupt it.
    if ((0, node_fs_1.existsSync)(`${target}-wal`) && !force)
        fail(`${target}-wal exists: stop the server first (or pass --force after a crash)`);
    if ((0, node_fs_1.existsSync)(target))
        (0, node_fs_1.renameSync)(target, `${target}.before-restore-${Date.now()}`);
    (0, node_fs_1.rmSync)(`${target}-wal`, { force: true });
    (0, node_fs_1.rmSync)(`${target}-shm`, { force: true });
    (0, node_fs_1.copyFileSync)(from, `${target}.restoring`);
    (0, node_fs_1.renameSync)(`${target}.restoring`, target);
    process.stdout.write(`restore ok: ${from} → ${target} (the previous file was kept beside it)\n`);
}
const [command, file, flag] = process.argv.slice(2);
if (command === 'backup' && file)
    backup(file).catch((e) => fail(`backup failed: ${e instanceof Error ? e.message : String(e)}`));
else if (command === 'restore' && file)
    restore(file, flag === '--force');
else
    fail('usage: node server/dist/cli/backup.js backup <file> | restore <file> [--force]');
//# sourceMappingURL=backup.js.map