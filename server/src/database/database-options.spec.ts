import { databaseOptions } from './database-options';

describe('databaseOptions on MySQL', () => {
  // mysql2's `trace` captures a stack trace for every query (docs/performance.md, issue 20's sixth pass):
  // off for the primary and with replicas alike.
  it.each([
    ['one primary', { kind: 'mysql' as const, url: 'mysql://u:p@127.0.0.1:3306/pingjia' }],
    [
      'a primary and a replica',
      { kind: 'mysql' as const, url: 'mysql://u:p@127.0.0.1:3306/pingjia', replicaUrls: ['mysql://u:p@127.0.0.1:3307/pingjia'] },
    ],
  ])('asks mysql2 for no stack trace per query (%s)', (_, db) => {
    const options = databaseOptions(db);
    expect(options.type).toBe('mysql');
    expect(options).toMatchObject({ trace: false, extra: { connectionLimit: 20 } });
  });
});
