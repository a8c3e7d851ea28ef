import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

// Issue 19 item 6, members outside the mini-program: the H5 app signs members in through WeChat web
// authorisation, whose openid (the official account's) differs from the mini-program's. Where WeChat
// gives a unionid it is the person: one account, so one rating, in the mini-program and on H5.
export class WebOpenid1764000000750 implements MigrationInterface {
  name = 'WebOpenid1764000000750';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('users', new TableColumn({ name: 'web_openid', type: 'varchar', length: '64', isNullable: true }));
    await q.createIndex('users', new TableIndex({ name: 'uq_users_web_openid', columnNames: ['web_openid'], isUnique: true }));
    await q.createIndex('users', new TableIndex({ name: 'uq_users_unionid', columnNames: ['unionid'], isUnique: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('users', 'uq_users_unionid');
    await q.dropIndex('users', 'uq_users_web_openid');
    await q.dropColumn('users', 'web_openid');
  }
}
