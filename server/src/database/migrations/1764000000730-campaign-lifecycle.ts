import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

// Campaign lifecycle (issue 18) and the member count frozen per cycle (issue 17): campaign_homes holds
// each home's member count as it stood when the cycle opened. Cycles already under way or over get the
// counts of today, the best record there is; drafts get theirs when they open. The status index serves
// the job that opens and closes cycles on time.
export class CampaignLifecycle1764000000730 implements MigrationInterface {
  name = 'CampaignLifecycle1764000000730';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'campaign_homes',
        columns: [
          { name: 'campaign_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'home_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'member_count', type: 'int' },
        ],
      }),
    );
    const under = q.connection.options.type === 'mysql' ? `CONCAT(c.org_path, '%')` : `c.org_path || '%'`;
    await q.query(
      `INSERT INTO campaign_homes (campaign_id, home_id, member_count)
       SELECT c.id, h.id, h.member_count FROM campaigns c JOIN homes h ON h.org_path LIKE ${under} WHERE c.status <> 'draft'`,
    );
    await q.createIndex('campaigns', new TableIndex({ name: 'idx_campaigns_status_opens', columnNames: ['status', 'opens_at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('campaigns', 'idx_campaigns_status_opens');
    await q.dropTable('campaign_homes');
  }
}
