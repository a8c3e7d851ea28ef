// The subtree worker's scans alone, timed: the built worker of SERVER_DIR (default: this checkout) on a bench
// data copy, the province in its last published cycle (titles lost against the one before) and in the open
// cycle, then every city, ROUNDS times; prints each job's ms and the process's RSS / peak (VmHWM).
//   node bench/diag/subtree-scan.js bench/.data/sqlite-50000-200000 [ROUNDS]
// env: SERVER_DIR (another built checkout), SCAN_LIMITS='{"maxOldGenerationSizeMb":64}' (the Worker's
// resourceLimits; by default the server's own choice, when that checkout exports one).
const { Worker } = require('node:worker_threads');
const { join, resolve } = require('node:path');
const fs = require('node:fs');
const root = resolve(process.env.SERVER_DIR || join(__dirname, '..', '..'));
const dataDir = resolve(process.argv[2]);
const rounds = Number(process.argv[3] || 3);
const dist = join(root, 'server', 'dist');
const Database = require(require.resolve('better-sqlite3', { paths: [join(root, 'server')] }));
const { campaignSettings } = require(join(dist, 'settings', 'province-settings.store.js'));
const { LEAGUE_SORT_KEYS } = require(require.resolve('@pingjia/shared', { paths: [join(root, 'server')] }));
const file = join(dataDir, 'run.sqlite');
const manifest = JSON.parse(fs.readFileSync(join(dataDir, 'manifest.json'), 'utf8'));

const db = new Database(file, { readonly: true });
const campaigns = db.prepare('SELECT id, status FROM campaigns ORDER BY opens_at').all();
const orgPath = (id) => db.prepare('SELECT path FROM orgs WHERE id = ?').get(id).path;
const published = campaigns.filter((c) => c.status === 'published');
const last = published[published.length - 1];
const before = published[published.length - 2] ?? null;
const open = campaigns.find((c) => c.status === 'open');
const t = campaignSettings(null).thresholds;
const orderKeys = LEAGUE_SORT_KEYS.flatMap((s) => [`${s}:asc`, `${s}:desc`]);
const job = (path, c, prev) => ({
  path,
  cid: c.id,
  open: c.status === 'open',
  t,
  previousT: t,
  previousId: prev?.id ?? null,
  now: new Date().toISOString(),
  orderKeys,
  flags: true,
});
const province = orgPath(manifest.provinceId);
const jobs = [
  ['province, published', job(province, last, before)],
  ['province, open', job(province, open, null)],
  ...manifest.cityIds.map((id, i) => [`city ${i}, published`, job(orgPath(id), last, before)]),
];
db.close();

let limits;
try {
  limits = process.env.SCAN_LIMITS
    ? JSON.parse(process.env.SCAN_LIMITS)
    : require(join(dist, 'dashboard', 'subtree-reader.js')).SUBTREE_WORKER_LIMITS;
} catch {
  limits = undefined;
}
const status = () => {
  const s = fs.readFileSync('/proc/self/status', 'utf8');
  const g = (k) => Math.round(Number(new RegExp(k + ':\\s+(\\d+)').exec(s)[1]) / 1024);
  return `rss ${g('VmRSS')} MB, peak ${g('VmHWM')} MB`;
};
const workerData = { file };
try {
  // the checkout's share of the page cache budget, where it has one (before it: the worker's own 64 MB)
  workerData.cacheKb = require(join(dist, 'database', 'database-options.js')).PAGE_CACHE_KB?.subtree;
} catch {
  // an older checkout: no budget, the worker's own default
}
if (process.env.SCAN_CACHE_KB) workerData.cacheKb = Number(process.env.SCAN_CACHE_KB);
if (workerData.cacheKb === undefined) delete workerData.cacheKb;
console.log(`${root}: limits ${JSON.stringify(limits ?? null)}, workerData ${JSON.stringify(workerData)}; before: ${status()}`);
const w = new Worker(join(dist, 'dashboard', 'subtree.worker.js'), { workerData, ...(limits ? { resourceLimits: limits } : {}) });
let id = 0;
const ask = (j) =>
  new Promise((res, rej) => {
    const my = ++id;
    const on = (a) => {
      if (a.id !== my) return;
      w.off('message', on);
      if (a.ok) res(a.ok);
      else rej(new Error(a.error));
    };
    w.on('message', on);
    w.postMessage({ id: my, job: j });
  });
w.on('error', (e) => {
  console.log(`worker failed: ${e.message} (${e.code ?? ''}); ${status()}`);
  process.exit(1);
});
(async () => {
  for (let r = 1; r <= rounds; r++) {
    const times = [];
    for (const [name, j] of jobs) {
      const t0 = process.hrtime.bigint();
      const ok = await ask(j);
      times.push(`${name} ${Math.round(Number(process.hrtime.bigint() - t0) / 1e6)} ms (${ok.rows.count} rows)`);
    }
    console.log(`round ${r}: ${times.slice(0, 2).join(', ')}; all ${jobs.length} jobs; ${status()}`);
    if (r === rounds) console.log('  ' + times.join('\n  '));
  }
  await w.terminate();
})();
