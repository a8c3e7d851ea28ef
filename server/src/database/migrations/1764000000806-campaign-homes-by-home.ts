import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

// A home's cycles are also those it was frozen into (dashboard/campaign-scope.ts): looked up by home.
export class CampaignHomesByHome1764000000806 implements MigrationInterface {
  name = 'CampaignHomesByHome1764000000806';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('campaign_homes', new TableIndex({ name: 'idx_campaign_homes_home', columnNames: ['home_id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('campaign_homes', 'idx_campaign_homes_home');
  }
}
