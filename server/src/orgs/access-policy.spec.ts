import Database from 'better-sqlite3';
import { covers, coversSql } from './access-policy';

// The path rule of the access policy and its SQL twin (grievance lists filter with it) must agree.
describe('access policy: covers and its SQL twin', () => {
  const province = '/p1/';
  const city = '/p1/c1/';
  const home = '/p1/c1/h1/';
  const elsewhere = '/p2/c9/h9/';
  // a sibling whose id starts like another's: '/p1/c1x/' starts with '/p1/c1' but is not below '/p1/c1/'
  // (every path ends in '/', so a sibling is never taken for a child).
  const lookalike = '/p1/c1x/h2/';
  const paths = [province, city, home, elsewhere, lookalike];

  const sqlCovers = (adminPaths: string[], path: string): boolean => {
    const db = new Database(':memory:');
    try {
      const { sql, params } = coversSql('p.path', adminPaths);
      // TypeORM's :name parameters, as better-sqlite3's @name
      const text = `SELECT COUNT(*) AS n FROM (SELECT ? AS path) p WHERE ${sql.replace(/:(\w+)/g, '@$1')}`;
      return (db.prepare(text).get(path, params) as { n: number }).n === 1;
    } finally {
      db.close();
    }
  };

  it.each([
    [[province], home, true],
    [[city], home, true],
    [[home], home, true],
    [[city], province, false],
    [[city], lookalike, false],
    [[elsewhere], home, false],
    [[], home, false],
    [[elsewhere, city], home, true],
  ])('admin of %j over %s: %s', (adminPaths, path, expected) => {
    expect(covers(adminPaths, path)).toBe(expected);
  });

  it('answers like covers for every pair of admin paths and target', () => {
    for (const a of paths)
      for (const b of paths)
        for (const target of paths) expect([a, b, target, sqlCovers([a, b], target)]).toEqual([a, b, target, covers([a, b], target)]);
  });
});
