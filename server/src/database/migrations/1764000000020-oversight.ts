import { MEMBER_GROUP_KEYS, VERDICT_KEYS } from '@pingjia/shared';
import { MigrationInterface, QueryRunner, Table, TableColumn, TableColumnOptions, TableIndex } from 'typeorm';

// Oversight: audit log, invites, token versions, rectification, per-group verdicts in the totals rows,
// workers per home (membership rate), and the indexes the dashboards' aggregate queries use.
// QueryRunner schema API only, so it runs on SQLite and MySQL alike.
const id = (): TableColumnOptions => ({ name: 'id', type: 'varchar', length: '36', isPrimary: true });
const ref = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable });
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
const text = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });

const groupVerdictColumns = MEMBER_GROUP_KEYS.flatMap((g) => VERDICT_KEYS.map((v) => ({ column: `gv_${g}_${v}`, group: g, verdict: v })));

export class Oversight1764000000020 implements MigrationInterface {
  name = 'Oversight1764000000020';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'audit_events',
        columns: [
          id(),
          str('at', 30),
          ref('actor_user_id'),
          str('actor_role', 24),
          str('scope_path', 400),
          str('action', 40),
          str('target_type', 24),
          ref('target_id'),
          text('detail', true),
        ],
        indices: [new TableIndex({ name: 'idx_audit_scope_at', columnNames: ['scope_path', 'at'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'invites',
        columns: [
          id(),
          str('code_hash', 64),
          str('role', 24),
          ref('org_id'),
          str('scope_path', 400),
          ref('created_by'),
          str('created_at', 30),
          str('expires_at', 30),
          str('used_at', 30, true),
          ref('used_by', true),
        ],
        indices: [new TableIndex({ name: 'uq_invites_code', columnNames: ['code_hash'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'rectifications',
        columns: [
          id(),
          ref('campaign_id'),
          ref('home_id'),
          str('status', 16),
          text('plan'),
          str('plan_on', 10),
          str('signed_off_on', 10, true),
          { name: 'version', type: 'int', default: 0 },
        ],
        indices: [
          new TableIndex({ name: 'uq_rectification', columnNames: ['campaign_id', 'home_id'], isUnique: true }),
          new TableIndex({ name: 'idx_rectification_home', columnNames: ['home_id'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'rectification_updates',
        columns: [id(), ref('rectification_id'), { name: 'seq', type: 'int' }, text('text'), str('day', 10)],
        indices: [new TableIndex({ name: 'uq_rectification_update', columnNames: ['rectification_id', 'seq'], isUnique: true })],
      }),
    );
    await q.addColumn('users', new TableColumn({ name: 'token_version', type: 'int', default: 0 }));
    await q.addColumn('homes', new TableColumn({ name: 'worker_count', type: 'int', isNullable: true }));
    await q.addColumns(
      'rating_totals',
      groupVerdictColumns.map((c) => new TableColumn({ name: c.column, type: 'int', default: 0 })),
    );
    // Totals rows written before this migration: count each group's verdicts from the ratings once.
    // Group keys are fixed identifiers and no key contains another, so LIKE matches exactly one key.
    const [{ n }] = await q.query('SELECT COUNT(*) AS n FROM ratings');
    if (Number(n) > 0) {
      const sets = groupVerdictColumns.map(
        (c) =>
          `${c.column} = (SELECT COUNT(*) FROM ratings r WHERE r.campaign_id = rating_totals.campaign_id AND r.home_id = rating_totals.home_id AND r.verdict = '${c.verdict}' AND r.member_groups LIKE '%${c.group}%')`,
      );
      await q.query(`UPDATE rating_totals SET ${sets.join(', ')}`);
    }
    // Held comments of a federation's subtree are listed by status, then joined to homes by path.
    await q.createIndex('ratings', new TableIndex({ name: 'idx_ratings_comment_status', columnNames: ['comment_status', 'home_id'] }));
    // Campaigns of one federation in time order (trend, previous cycle).
    await q.createIndex('campaigns', new TableIndex({ name: 'idx_campaigns_org_opens', columnNames: ['org_path', 'opens_at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('campaigns', 'idx_campaigns_org_opens');
    await q.dropIndex('ratings', 'idx_ratings_comment_status');
    await q.dropColumns(
      'rating_totals',
      groupVerdictColumns.map((c) => c.column),
    );
    await q.dropColumn('homes', 'worker_count');
    await q.dropColumn('users', 'token_version');
    for (const t of ['rectification_updates', 'rectifications', 'invites', 'audit_events']) await q.dropTable(t);
  }
}
