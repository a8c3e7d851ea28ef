import { join } from 'node:path';

// Direct reads of the server's database, for tests that must check what is (not) stored.
export interface Db {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function openDb(url = process.env.TEST_DATABASE_URL, dataDir = process.env.PINGJIA_DATA_DIR): Promise<Db> {
  if (url) {
    const mysql = await import('mysql2/promise');
    const conn = await mysql.createConnection(url);
    return {
      query: async <T>(sql: string, params: unknown[] = []) => (await conn.query(sql, params))[0] as T[],
      close: () => conn.end(),
    };
  }
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(join(dataDir!, 'pingjia.sqlite'), { readonly: true, fileMustExist: true });
  return {
    query: async <T>(sql: string, params: unknown[] = []) => db.prepare(sql).all(...params) as T[],
    close: async () => {
      db.close();
    },
  };
}

/** One read of the server's database on a connection of its own, closed again before it returns. */
export async function queryDb<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const db = await openDb();
  try {
    return await db.query<T>(sql, params);
  } finally {
    await db.close();
  }
}

/**
 * A writing connection of its own to the server's database, beside the server's (for tests that bypass
 * the server's write queue and row locks). SQLite: its own better-sqlite3 handle on the file (WAL).
 */
export interface RawWriter {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  insert(table: string, row: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export async function openRawWriter(url = process.env.TEST_DATABASE_URL, dataDir = process.env.PINGJIA_DATA_DIR): Promise<RawWriter> {
  const insertSql = (table: string, row: Record<string, unknown>) =>
    `INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row)
      .map(() => '?')
      .join(', ')})`;
  if (url) {
    const mysql = await import('mysql2/promise');
    const conn = await mysql.createConnection(url);
    const query = async <T>(sql: string, params: unknown[] = []) => (await conn.query(sql, params))[0] as T[];
    return { query, insert: async (table, row) => void (await query(insertSql(table, row), Object.values(row))), close: () => conn.end() };
  }
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(join(dataDir!, 'pingjia.sqlite'), { fileMustExist: true, timeout: 10_000 });
  const query = async <T>(sql: string, params: unknown[] = []) => {
    const stmt = db.prepare(sql);
    return (stmt.reader ? stmt.all(...params) : (stmt.run(...params), [])) as T[];
  };
  return {
    query,
    insert: async (table, row) => void (await query(insertSql(table, row), Object.values(row))),
    close: async () => void db.close(),
  };
}

/** The error a unique index raises, on either driver. */
export const isUniqueViolation = (e: unknown) =>
  ['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_UNIQUE'].includes((e as { code?: string })?.code ?? '');

/**
 * A database of its own on the suites' MariaDB (TEST_DATABASE_URL; the test user may create one), for
 * a server that must not share its data: its URL and how to drop it. null on SQLite.
 */
export async function ownMariadbDatabase(
  label: string,
  shared = process.env.TEST_DATABASE_URL,
): Promise<{ url: string; drop: () => Promise<void> } | null> {
  if (!shared) return null;
  const { randomBytes } = await import('node:crypto');
  const name = `pingjia_${label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`;
  const mysql = await import('mysql2/promise');
  const run = async (sql: string) => {
    const conn = await mysql.createConnection(shared);
    await conn.query(sql);
    await conn.end();
  };
  await run(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  return { url: shared.replace(/\/[^/?]+(\?.*)?$/, `/${name}$1`), drop: () => run(`DROP DATABASE IF EXISTS \`${name}\``) };
}
