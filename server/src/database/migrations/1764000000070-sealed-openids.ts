import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

// Issue 14, unlinkable grievance reporters: the delivery tables keep the worker's openid sealed with a
// random IV (grievances/keys.ts), longer than the openid itself. The rows already there are sealed and
// old reporter keys re-keyed at boot, where the server's secret is (grievances/reporter-rekey.ts).
const TABLES = ['grievance_subscriptions', 'notification_outbox'];

export class SealedOpenids1764000000070 implements MigrationInterface {
  name = 'SealedOpenids1764000000070';

  async up(q: QueryRunner): Promise<void> {
    for (const t of TABLES) {
      await q.changeColumn(t, 'openid', new TableColumn({ name: 'openid', type: 'varchar', length: '200' }));
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of TABLES) {
      await q.changeColumn(t, 'openid', new TableColumn({ name: 'openid', type: 'varchar', length: '64' }));
    }
  }
}
