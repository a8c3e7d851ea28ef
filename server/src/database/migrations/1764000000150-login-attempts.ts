import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

// Per-account login limits (auth/login-lockout.ts): failures, backoff and lockout per username.
export class LoginAttempts1764000000150 implements MigrationInterface {
  name = 'LoginAttempts1764000000150';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'login_attempts',
        columns: [
          { name: 'username', type: 'varchar', length: '64', isPrimary: true },
          { name: 'failures', type: 'int' },
          { name: 'last_failed_at', type: 'varchar', length: '30' },
          { name: 'locked_at', type: 'varchar', length: '30', isNullable: true },
        ],
        indices: [new TableIndex({ name: 'idx_login_attempts_last', columnNames: ['last_failed_at'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('login_attempts');
  }
}
