import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';

// Written with the QueryRunner schema API so the same migration runs on SQLite and MySQL.
const id = (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '36', isPrimary: true });
const ref = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable });
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
const int = (name: string): TableColumnOptions => ({ name, type: 'int', default: 0 });
const day = (name: string): TableColumnOptions => str(name, 10);

// The totals' counter columns as this migration creates them, written out rather than taken from the
// live criteria and groups lists: a migration describes the schema of its day, and a criterion added
// later comes with a migration of its own.
const CRITERIA = ['organization', 'rights', 'work', 'role', 'trust'];
const GROUPS = ['migrant', 'agency', 'new_generation', 'women', 'hardship', 'frontline'];
const COUNTER_COLUMNS = [
  'ratings',
  'satisfied',
  'basically_satisfied',
  'dissatisfied',
  'comments_approved',
  ...CRITERIA.map((k) => `sum_${k}`),
  ...CRITERIA.flatMap((k) => [1, 2, 3, 4, 5].map((s) => `d_${k}_${s}`)),
  ...GROUPS.map((g) => `g_${g}`),
];

export class Initial1764000000000 implements MigrationInterface {
  name = 'Initial1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'users',
        columns: [
          id(),
          str('openid', 64, true),
          str('unionid', 64, true),
          str('username', 64, true),
          str('password_hash', 200, true),
          str('display_name', 64, true),
          day('created_on'),
        ],
        indices: [
          new TableIndex({ name: 'uq_users_openid', columnNames: ['openid'], isUnique: true }),
          new TableIndex({ name: 'uq_users_username', columnNames: ['username'], isUnique: true }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'role_grants',
        columns: [id(), ref('user_id'), str('role', 24), ref('org_id')],
        indices: [
          new TableIndex({ name: 'uq_role_grant', columnNames: ['user_id', 'role', 'org_id'], isUnique: true }),
          new TableIndex({ name: 'idx_role_grants_org', columnNames: ['org_id'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'orgs',
        columns: [id(), ref('parent_id', true), str('name', 100), str('level', 16), str('path', 400), day('created_on')],
        indices: [
          new TableIndex({ name: 'idx_orgs_path', columnNames: ['path'] }),
          new TableIndex({ name: 'idx_orgs_parent', columnNames: ['parent_id'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'homes',
        columns: [
          id(),
          ref('org_id'),
          str('org_path', 400),
          str('name', 100),
          str('kind', 16),
          { name: 'member_count', type: 'int' },
          str('membership_mode', 16),
          str('ownership', 16, true),
          str('industry', 50, true),
          str('scene_token', 32),
          day('created_on'),
        ],
        indices: [
          new TableIndex({ name: 'idx_homes_org_path', columnNames: ['org_path'] }),
          new TableIndex({ name: 'idx_homes_org', columnNames: ['org_id'] }),
          new TableIndex({ name: 'uq_homes_scene', columnNames: ['scene_token'], isUnique: true }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'campaigns',
        columns: [
          id(),
          ref('org_id'),
          str('org_path', 400),
          str('name', 100),
          str('status', 16),
          str('opens_at', 30),
          str('closes_at', 30),
          day('created_on'),
        ],
        indices: [new TableIndex({ name: 'idx_campaigns_org_path', columnNames: ['org_path'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'ratings',
        columns: [
          id(),
          ref('campaign_id'),
          ref('home_id'),
          str('rater_key', 64),
          ...CRITERIA.map((k) => ({ name: `s_${k}`, type: 'smallint' })),
          str('verdict', 24),
          { name: 'comment', type: 'text', isNullable: true },
          str('comment_status', 12),
          str('member_groups', 120),
          day('updated_on'),
        ],
        indices: [new TableIndex({ name: 'uq_ratings_rater', columnNames: ['campaign_id', 'home_id', 'rater_key'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'rating_totals',
        columns: [{ ...ref('campaign_id'), isPrimary: true }, { ...ref('home_id'), isPrimary: true }, ...COUNTER_COLUMNS.map(int)],
        indices: [new TableIndex({ name: 'idx_rating_totals_home', columnNames: ['home_id'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['rating_totals', 'ratings', 'campaigns', 'homes', 'orgs', 'role_grants', 'users']) {
      await q.dropTable(t);
    }
  }
}
