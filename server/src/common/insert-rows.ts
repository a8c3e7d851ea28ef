import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

// Whole rows inserted in plain SQL, one statement for all of them: an entity insert's query building,
// its listener broadcast and its re-read of generated values cost a hot write (a grievance filing) more
// than the statement, and each row was a round trip of its own. The statement is built from the entity's
// own column metadata (names, booleans), so it writes what `m.insert` wrote; the rows must give every
// column the insert sets (an omitted property is left to the column's default, as with `m.insert`).

const statements = new Map<string, { sql: string; columns: { property: string; boolean: boolean }[] }>();

function statement(m: EntityManager, entity: EntityTarget<ObjectLiteral>, row: ObjectLiteral, count: number) {
  const meta = m.connection.getMetadata(entity);
  const present = meta.columns.filter((c) => row[c.propertyName] !== undefined);
  const key = `${meta.tableName}|${present.map((c) => c.propertyName).join(',')}|${count}`;
  let s = statements.get(key);
  if (!s) {
    const one = `(${present.map(() => '?').join(', ')})`;
    s = {
      sql: `INSERT INTO ${meta.tableName} (${present.map((c) => c.databaseName).join(', ')}) VALUES ${Array(count).fill(one).join(', ')}`,
      columns: present.map((c) => ({ property: c.propertyName, boolean: c.type === 'boolean' || c.type === Boolean })),
    };
    statements.set(key, s);
  }
  return s;
}

/** Inserts the rows (all with the same properties set) in one statement; nothing for none. */
export async function insertRows<T extends ObjectLiteral>(m: EntityManager, entity: EntityTarget<T>, rows: T[]): Promise<void> {
  if (!rows.length) return;
  const s = statement(m, entity, rows[0], rows.length);
  const params: unknown[] = [];
  for (const row of rows) {
    for (const c of s.columns) {
      const v = row[c.property] as unknown;
      // Both drivers store a boolean column as 0/1 (better-sqlite3 cannot bind a JS boolean).
      params.push(v === null || v === undefined ? null : c.boolean ? (v ? 1 : 0) : v);
    }
  }
  await m.query(s.sql, params);
}
