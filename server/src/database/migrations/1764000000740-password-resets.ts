import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

// One-time password reset links made by the level above (invites/password-resets.service.ts).
export class PasswordResets1764000000740 implements MigrationInterface {
  name = 'PasswordResets1764000000740';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'password_resets',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'code_hash', type: 'varchar', length: '64' },
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'created_by', type: 'varchar', length: '36' },
          { name: 'created_at', type: 'varchar', length: '30' },
          { name: 'expires_at', type: 'varchar', length: '30' },
          { name: 'used_at', type: 'varchar', length: '30', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'uq_password_reset_code', columnNames: ['code_hash'], isUnique: true }),
          new TableIndex({ name: 'idx_password_reset_user', columnNames: ['user_id'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('password_resets');
  }
}
