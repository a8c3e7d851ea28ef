import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

// A home's dashboard reads its ratings of a cycle twice: how many ticked each set of groups (GROUP BY
// member_groups) and its approved comments. Through the unique (campaign, home, rater) index each row
// was a lookup into the ratings table: a home with 20,000 ratings in a cycle took 0.7-1 s on the request
// thread at full size. With status and groups in an index, the group count reads the index alone and the
// comments look up only approved rows (docs/performance.md, fifth pass).
export class RatingsByHome1764000000820 implements MigrationInterface {
  name = 'RatingsByHome1764000000820';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex(
      'ratings',
      new TableIndex({
        name: 'idx_ratings_home_status_groups',
        columnNames: ['campaign_id', 'home_id', 'comment_status', 'member_groups'],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('ratings', 'idx_ratings_home_status_groups');
  }
}
