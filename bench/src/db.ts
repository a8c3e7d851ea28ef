// Direct loading into the server's database, in big batches: better-sqlite3 prepared statements inside
// large transactions, or mysql2 multi-row INSERTs for MariaDB. Rows are arrays in the column order given.
import Database from 'better-sqlite3';
import { createConnection, Connection } from 'mysql2/promise';

export type Row = (string | number | null)[];

export interface Sink {
  readonly kind: 'sqlite' | 'mysql';
  /** Buffers a row; writes the buffer when it is full. */
  push(table: string, columns: readonly string[], row: Row): Promise<void> | void;
  /** Writes everything still buffered. */
  flush(): Promise<void>;
  columns(table: string): Promise<string[]>;
  all<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  exec(sql: string): Promise<void>;
  /**
   * Drops the secondary indexes of these tables for the bulk load and returns the statements that make
   * them again (run after the load: one sort per index instead of a B-tree insert per row).
   */
  dropSecondaryIndexes(tables: string[]): Promise<string[]>;
  close(): Promise<void>;
}

const SQLITE_BATCH = 50_000;
const MYSQL_BATCH = 2_000;

class Buffers {
  private readonly buffers = new Map<string, { columns: readonly string[]; rows: Row[] }>();
  add(table: string, columns: readonly string[], row: Row): number {
    let b = this.buffers.get(table);
    if (!b) this.buffers.set(table, (b = { columns, rows: [] }));
    b.rows.push(row);
    return b.rows.length;
  }
  take(table: string): { columns: readonly string[]; rows: Row[] } | null {
    const b = this.buffers.get(table);
    if (!b || !b.rows.length) return null;
    this.buffers.set(table, { columns: b.columns, rows: [] });
    return b;
  }
  tables(): string[] {
    return [...this.buffers.keys()];
  }
}

export class SqliteSink implements Sink {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly buffers = new Buffers();

  constructor(file: string) {
    this.db = new Database(file);
    // Loading only: no fsync, a big page cache. WAL (the server's mode) is set back in close().
    // Out of WAL (the server's mode) to an in-memory rollback journal: large transactions then write
    // the database once instead of WAL first and the database again at checkpoints. (OFF is refused:
    // better-sqlite3 opens in defensive mode.)
    this.db.pragma('journal_mode = DELETE');
    this.db.pragma('journal_mode = MEMORY');
    this.db.pragma('synchronous = OFF');
    this.db.pragma('cache_size = -2000000');
    this.db.pragma('temp_store = MEMORY');
    this.db.pragma('locking_mode = EXCLUSIVE');
  }

  push(table: string, columns: readonly string[], row: Row): void {
    if (this.buffers.add(table, columns, row) >= SQLITE_BATCH) this.write(table);
  }

  private write(table: string): void {
    const b = this.buffers.take(table);
    if (!b) return;
    let stmt = this.statements.get(table);
    if (!stmt) {
      stmt = this.db.prepare(`INSERT INTO ${table} (${b.columns.join(', ')}) VALUES (${b.columns.map(() => '?').join(', ')})`);
      this.statements.set(table, stmt);
    }
    const s = stmt;
    this.db.transaction((rows: Row[]) => {
      for (const r of rows) s.run(r);
    })(b.rows);
  }

  async flush(): Promise<void> {
    for (const t of this.buffers.tables()) this.write(t);
  }

  async columns(table: string): Promise<string[]> {
    return (this.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
  }

  async all<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.db.prepare(sql).all(...params) as T[];
  }

  async exec(sql: string): Promise<void> {
    this.db.exec(sql);
  }

  async dropSecondaryIndexes(tables: string[]): Promise<string[]> {
    // Indexes with SQL of their own (not the primary keys' automatic ones).
    const found = this.db
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')})`,
      )
      .all(...tables) as { name: string; sql: string }[];
    for (const i of found) this.db.exec(`DROP INDEX "${i.name}"`);
    return found.map((i) => i.sql);
  }

  async close(): Promise<void> {
    await this.flush();
    // No ANALYZE: the server never runs it, so the planner sees what it sees in production.
    this.db.pragma('locking_mode = NORMAL');
    this.db.pragma('journal_mode = WAL');
    this.db.close();
  }
}

export class MysqlSink implements Sink {
  readonly kind = 'mysql';
  private readonly buffers = new Buffers();
  private readonly pending = new Set<Promise<unknown>>();
  private failure: unknown = null;
  private turn = 0;

  private constructor(private readonly conns: Connection[]) {}

  /** Two connections, so one batch is sent while the next is generated; load-only session settings. */
  static async open(url: string): Promise<MysqlSink> {
    const conns: Connection[] = [];
    for (let i = 0; i < 2; i++) {
      const c = await createConnection({ uri: url, charset: 'utf8mb4_unicode_ci', timezone: 'Z' });
      await c.query('SET SESSION unique_checks = 0, foreign_key_checks = 0');
      conns.push(c);
    }
    return new MysqlSink(conns);
  }

  async push(table: string, columns: readonly string[], row: Row): Promise<void> {
    if (this.buffers.add(table, columns, row) >= MYSQL_BATCH) await this.write(table);
  }

  private async write(table: string): Promise<void> {
    const b = this.buffers.take(table);
    if (!b) return;
    while (this.pending.size >= this.conns.length) await Promise.race(this.pending);
    if (this.failure) throw this.failure;
    const conn = this.conns[this.turn++ % this.conns.length];
    const p: Promise<unknown> = conn
      .query(`INSERT INTO ${table} (${b.columns.join(', ')}) VALUES ?`, [b.rows])
      .catch((e) => (this.failure = e))
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  async flush(): Promise<void> {
    for (const t of this.buffers.tables()) await this.write(t);
    await Promise.all(this.pending);
    if (this.failure) throw this.failure;
  }

  async columns(table: string): Promise<string[]> {
    const [rows] = await this.conns[0].query(
      'SELECT column_name AS name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ? ORDER BY ordinal_position',
      [table],
    );
    return (rows as { name: string }[]).map((r) => r.name);
  }

  async all<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const [rows] = await this.conns[0].query(sql, params);
    return rows as T[];
  }

  async exec(sql: string): Promise<void> {
    await this.conns[0].query(sql);
  }

  async dropSecondaryIndexes(tables: string[]): Promise<string[]> {
    const out: string[] = [];
    for (const table of tables) {
      const [rows] = await this.conns[0].query(
        `SELECT index_name AS name, MIN(non_unique) AS non_unique, GROUP_CONCAT(CONCAT('\`', column_name, '\`', IF(sub_part IS NULL, '', CONCAT('(', sub_part, ')'))) ORDER BY seq_in_index) AS cols
         FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = ? AND index_name <> 'PRIMARY' GROUP BY index_name`,
        [table],
      );
      const found = rows as { name: string; non_unique: number | string; cols: string }[];
      if (!found.length) continue;
      await this.conns[0].query(`ALTER TABLE \`${table}\` ${found.map((i) => `DROP INDEX \`${i.name}\``).join(', ')}`);
      // One ALTER per table: its indexes are built in one pass over the loaded rows.
      out.push(
        `ALTER TABLE \`${table}\` ${found.map((i) => `ADD ${Number(i.non_unique) ? '' : 'UNIQUE '}INDEX \`${i.name}\` (${i.cols})`).join(', ')}`,
      );
    }
    return out;
  }

  async close(): Promise<void> {
    await this.flush();
    for (const c of this.conns) await c.end();
  }
}
