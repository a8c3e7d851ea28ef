import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

// Each home's place in the tree as it stood when the cycle opened (issue 17): a closed or published
// cycle's league and roll-ups are built from campaign_homes, so moving a home later leaves them as they
// were. Rows written before this get the home's path of today, the best record there is.
export class CampaignHomePaths1764000000764 implements MigrationInterface {
  name = 'CampaignHomePaths1764000000764';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('campaign_homes', new TableColumn({ name: 'org_path', type: 'varchar', length: '400', isNullable: true }));
    await q.query('UPDATE campaign_homes SET org_path = (SELECT h.org_path FROM homes h WHERE h.id = campaign_homes.home_id)');
    await q.createIndex('campaign_homes', new TableIndex({ name: 'idx_campaign_homes_path', columnNames: ['campaign_id', 'org_path'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('campaign_homes', 'idx_campaign_homes_path');
    await q.dropColumn('campaign_homes', 'org_path');
  }
}
