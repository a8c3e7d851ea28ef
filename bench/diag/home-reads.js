// node bench/diag/home-reads.js DATA [offset]: times a home dashboard's two reads of its ratings (the group count and
// the approved comments, as the server runs them) on DATA/run.sqlite, in a fresh process, for the manifest's hot
// homes and 300 of its sample homes from `offset`, in the last earlier (published) cycle; prints SQLite's plans.
const path = require('path');
const Database = require(path.join(__dirname, '../../server/node_modules/better-sqlite3'));
const [dataDir, offset = '0'] = process.argv.slice(2);
const m = require(path.resolve(dataDir, 'manifest.json'));
const db = new Database(path.resolve(dataDir, 'run.sqlite'), { readonly: true });
db.pragma('cache_size = -65536'); // the server's
const cycle = m.campaigns.earlier[m.campaigns.earlier.length - 1];
const GROUPS = 'SELECT member_groups AS g, COUNT(*) AS n FROM ratings WHERE campaign_id = ? AND home_id = ? GROUP BY member_groups';
const COMMENTS =
  "SELECT r.comment AS text FROM ratings r WHERE r.campaign_id = ? AND r.home_id = ? AND r.comment_status = 'approved' ORDER BY r.comment ASC LIMIT 200";
for (const sql of [GROUPS, COMMENTS])
  console.log(
    db
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(cycle, '')
      .map((r) => r.detail)
      .join(' | '),
  );
const groups = db.prepare(GROUPS);
const comments = db.prepare(COMMENTS);
const ms = (f) => {
  const t = process.hrtime.bigint();
  const out = f();
  return [Number(process.hrtime.bigint() - t) / 1e6, out];
};
const time = (label, homes) => {
  const sum = { g: 0, c: 0, maxG: 0, maxC: 0, rows: 0 };
  for (const h of homes) {
    const [dg, rows] = ms(() => groups.all(cycle, h));
    const [dc] = ms(() => comments.all(cycle, h));
    Object.assign(sum, { g: sum.g + dg, c: sum.c + dc, maxG: Math.max(sum.maxG, dg), maxC: Math.max(sum.maxC, dc) });
    sum.rows += rows.reduce((a, r) => a + r.n, 0);
  }
  const f = (x) => x.toFixed(1);
  console.log(
    `${label}: ${homes.length} homes, ${sum.rows} ratings; group counts ${f(sum.g)} ms (max ${f(sum.maxG)}), comments ${f(sum.c)} ms (max ${f(sum.maxC)})`,
  );
};
time(
  'hot homes',
  m.hotHomes.map((h) => h.id),
);
time('sample homes', m.homeSample.slice(Number(offset), Number(offset) + 300));
