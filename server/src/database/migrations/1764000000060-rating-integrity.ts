import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

// Issue 14, "one rating per real member" and "nothing on disk orders a rating":
// - home_integrity_flags: per cycle, home and day, first ratings from new accounts and ratings refused
//   past the member count (rating-integrity.ts); read only by the dashboard of the level above.
// - SQLite: ratings becomes a WITHOUT ROWID table. A rowid table keeps rows in insertion order even
//   with a random TEXT primary key, so the file would tell the order in which members rated; without
//   rowid the rows live in the primary key's (random UUID) order. The table is rebuilt from what the
//   database holds now (whatever columns earlier migrations gave it), rows copied in id order, then
//   its indexes made again. MySQL/MariaDB: InnoDB already clusters rows by the random primary key.
export class RatingIntegrity1764000000060 implements MigrationInterface {
  name = 'RatingIntegrity1764000000060';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'home_integrity_flags',
        columns: [
          { name: 'campaign_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'home_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'day', type: 'varchar', length: '10', isPrimary: true },
          { name: 'new_account_ratings', type: 'int', default: 0 },
          { name: 'refused_over_members', type: 'int', default: 0 },
        ],
      }),
    );
    if (q.connection.options.type !== 'mysql') await rebuildRatings(q, true);
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'mysql') await rebuildRatings(q, false);
    await q.dropTable('home_integrity_flags');
  }
}

async function rebuildRatings(q: QueryRunner, withoutRowid: boolean): Promise<void> {
  const table = await q.getTable('ratings');
  if (!table || Boolean(table.withoutRowid) === withoutRowid) return;
  // Plain copies: dropping the table changes the query runner's cached Table object.
  const indices = table.indices.map(
    (i) => new TableIndex({ name: i.name, columnNames: [...i.columnNames], isUnique: i.isUnique, where: i.where }),
  );
  const columns = table.columns.map((c) => `"${c.name}"`).join(', ');
  const next = table.clone();
  next.name = 'ratings_rebuilt';
  next.withoutRowid = withoutRowid;
  next.indices = [];
  await q.createTable(next);
  await q.query(`INSERT INTO "ratings_rebuilt" (${columns}) SELECT ${columns} FROM "ratings" ORDER BY "id"`);
  // secure_delete (database-options.ts) zeroes the old table's pages as they are freed.
  await q.dropTable('ratings');
  await q.renameTable('ratings_rebuilt', 'ratings');
  for (const index of indices) await q.createIndex('ratings', index);
}
