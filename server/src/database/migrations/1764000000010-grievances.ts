import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';

// Grievances, their timeline, notification delivery, idempotency keys and calendar overrides.
// QueryRunner schema API only, so it runs on SQLite and MySQL alike.
const id = (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '36', isPrimary: true });
const ref = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable });
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
const time = (name: string, nullable = false): TableColumnOptions => str(name, 30, nullable);
const flag = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'boolean', isNullable: nullable });
const text = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
const int = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'int', isNullable: nullable });

export class Grievances1764000000010 implements MigrationInterface {
  name = 'Grievances1764000000010';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'grievances',
        columns: [
          id(),
          ref('home_id'),
          str('org_path', 400),
          ref('handler_org_id', true),
          str('handler_org_path', 400, true),
          flag('escalated'),
          str('type', 16),
          str('topic', 16),
          text('content'),
          str('content_status', 12),
          flag('anonymous'),
          str('reporter_key', 64),
          str('reporter_name', 64, true),
          str('contact', 20, true),
          str('tracking_hash', 64),
          str('status', 16),
          int('version'),
          time('accept_due_at'),
          time('due_at'),
          time('completed_at', true),
          flag('on_time', true),
          flag('extended'),
          flag('reopened'),
          flag('accept_reminded'),
          flag('final_reminded'),
          str('feedback_verdict', 16, true),
          text('feedback_comment', true),
          time('created_at'),
          time('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'uq_grievances_tracking', columnNames: ['tracking_hash'], isUnique: true }),
          new TableIndex({ name: 'idx_grievances_reporter', columnNames: ['reporter_key'] }),
          new TableIndex({ name: 'idx_grievances_home_due', columnNames: ['home_id', 'due_at'] }),
          new TableIndex({ name: 'idx_grievances_handler_org', columnNames: ['handler_org_path'] }),
          new TableIndex({ name: 'idx_grievances_status_due', columnNames: ['status', 'due_at'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'grievance_events',
        columns: [
          id(),
          ref('grievance_id'),
          int('seq'),
          str('kind', 16),
          str('actor_role', 16),
          text('message', true),
          str('verdict', 16, true),
          int('days', true),
          time('at'),
        ],
        indices: [new TableIndex({ name: 'uq_grievance_events_seq', columnNames: ['grievance_id', 'seq'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'grievance_subscriptions',
        columns: [id(), ref('grievance_id'), str('openid', 64), str('template_id', 128), time('created_at')],
        indices: [new TableIndex({ name: 'idx_grievance_subscriptions_grievance', columnNames: ['grievance_id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notification_outbox',
        columns: [
          id(),
          str('openid', 64),
          str('template_id', 128),
          str('page', 200),
          text('data'),
          int('attempts'),
          time('next_attempt_at'),
          time('claimed_until', true),
          time('created_at'),
        ],
        indices: [new TableIndex({ name: 'idx_notification_outbox_next', columnNames: ['next_attempt_at'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'idempotency_keys',
        columns: [
          id(),
          str('scope', 40),
          str('caller_key', 64),
          str('key_hash', 64),
          str('request_hash', 64),
          text('response'),
          time('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'uq_idempotency_keys', columnNames: ['scope', 'caller_key', 'key_hash'], isUnique: true }),
          new TableIndex({ name: 'idx_idempotency_keys_created', columnNames: ['created_at'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'calendar_days',
        columns: [
          { name: 'day', type: 'varchar', length: '10', isPrimary: true },
          str('kind', 8),
          str('note', 100, true),
          time('updated_at'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'calendar_days',
      'idempotency_keys',
      'notification_outbox',
      'grievance_subscriptions',
      'grievance_events',
      'grievances',
    ]) {
      await q.dropTable(t);
    }
  }
}
