import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

// Issue 14, unlinkable grievance reporters: the delivery tables keep the worker's openid sealed with a
// random IV (grievances/keys.ts), longer than the openid itself. The rows already there are sealed and
// old reporter keys re-keyed at boot, where the server's secret is (grievances/reporter-rekey.ts).
const TABLES = ['grievance_subscriptions', 'notification_outbox'];

export class SealedOpenids1764000000070 implements MigrationInterface {
  name = 'SealedOpenids1764000000070';

  async up(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await widen(q, t, 200);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await widen(q, t, 64);
  }
}

// TypeORM's changeColumn on MySQL drops and re-adds a column whose length changes (its values lost);
// MODIFY keeps them. On SQLite changeColumn rebuilds the table with its rows.
async function widen(q: QueryRunner, table: string, length: number): Promise<void> {
  if (q.connection.options.type === 'mysql') await q.query(`ALTER TABLE \`${table}\` MODIFY \`openid\` varchar(${length}) NOT NULL`);
  else await q.changeColumn(table, 'openid', new TableColumn({ name: 'openid', type: 'varchar', length: String(length) }));
}
