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
