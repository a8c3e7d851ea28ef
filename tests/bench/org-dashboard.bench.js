// Latency of GET /api/orgs/:id/dashboard over a generated province (default 2,000 homes in 20 cities),
// and SQLite's query plan for the subtree aggregate. Reports figures; not a pass/fail test.
//   node tests/bench/org-dashboard.bench.js [homes]
const { spawn } = require('node:child_process');
const { mkdtempSync } = require('node:fs');
const { randomUUID, randomBytes } = require('node:crypto');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const Database = require('better-sqlite3');

const ROOT = resolve(__dirname, '../..');
const HOMES = Number(process.argv[2] || 2000);
const CITIES = 20;
const ADMIN = { username: 'bench-admin', password: 'bench-admin-password-1' };

function start(dataDir) {
  const child = spawn(process.execPath, [join(ROOT, 'server/dist/main.js')], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      H5_DIR: '',
      SEED_DEMO: 'true',
      DEMO_ADMIN_USERNAME: ADMIN.username,
      DEMO_ADMIN_PASSWORD: ADMIN.password,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((ok, fail) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /PINGJIA_READY port=(\d+)/.exec(out);
      if (m) ok({ child, url: `http://127.0.0.1:${m[1]}` });
    });
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => fail(new Error(`server exited ${code}: ${out}`)));
  });
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'pingjia-bench-'));
  const { child, url } = await start(dataDir);
  try {
    const login = await (
      await fetch(`${url}/api/auth/password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      })
    ).json();
    const token = login.token;
    const provinceId = login.user.roles[0].orgId;
    const db = new Database(join(dataDir, 'pingjia.sqlite'));
    db.pragma('busy_timeout = 5000');
    const province = db.prepare('SELECT path FROM orgs WHERE id = ?').get(provinceId);
    const campaign = db.prepare("SELECT id FROM campaigns WHERE status = 'open'").get();
    const cols = db
      .prepare('PRAGMA table_info(rating_totals)')
      .all()
      .map((c) => c.name)
      .filter((c) => c !== 'campaign_id' && c !== 'home_id');
    const insertOrg = db.prepare(
      "INSERT INTO orgs (id, parent_id, name, level, path, created_on) VALUES (?, ?, ?, 'city', ?, '2026-01-01')",
    );
    const insertHome = db.prepare(
      "INSERT INTO homes (id, org_id, org_path, name, kind, member_count, membership_mode, scene_token, created_on) VALUES (?, ?, ?, ?, 'enterprise', ?, 'open', ?, '2026-01-01')",
    );
    const insertTotals = db.prepare(
      `INSERT INTO rating_totals (campaign_id, home_id, ${cols.join(', ')}) VALUES (?, ?, ${cols.map(() => '?').join(', ')})`,
    );
    db.transaction(() => {
      for (let c = 0; c < CITIES; c++) {
        const cityId = randomUUID();
        const path = `${province.path}${cityId}/`;
        insertOrg.run(cityId, provinceId, `基准市${c}`, path);
        for (let i = 0; i < HOMES / CITIES; i++) {
          const homeId = randomUUID();
          const members = 20 + ((i * 37) % 400);
          insertHome.run(homeId, cityId, path, `基准之家${c}-${i}`, members, randomBytes(11).toString('hex'));
          const n = (i * 13) % members;
          const values = cols.map((col) => {
            if (col === 'ratings') return n;
            if (col === 'satisfied') return Math.floor(n * 0.7);
            if (col === 'basically_satisfied') return Math.floor(n * 0.2);
            if (col === 'dissatisfied') return n - Math.floor(n * 0.7) - Math.floor(n * 0.2);
            if (col.startsWith('sum_')) return n * 4;
            if (col.endsWith('_4') && col.startsWith('d_')) return n;
            return 0;
          });
          insertTotals.run(campaign.id, homeId, ...values);
        }
      }
    })();

    const { from, to } = { from: province.path, to: `${province.path.slice(0, -1)}0` };
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT COUNT(h.id), SUM(COALESCE(t.ratings, 0)) FROM homes h LEFT JOIN rating_totals t ON t.home_id = h.id AND t.campaign_id = ? WHERE h.org_path >= ? AND h.org_path < ?`,
      )
      .all(campaign.id, from, to)
      .map((r) => r.detail);
    db.close();

    const times = [];
    for (let i = 0; i < 25; i++) {
      const t0 = process.hrtime.bigint();
      const res = await fetch(`${url}/api/orgs/${provinceId}/dashboard?campaignId=${campaign.id}&sort=satisfaction&pageSize=50`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = await res.json();
      if (res.status !== 200 || body.totals.homes < HOMES) throw new Error(`unexpected answer ${res.status}`);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const warm = times.slice(5).sort((a, b) => a - b);
    const pct = (p) => warm[Math.min(warm.length - 1, Math.floor((p / 100) * warm.length))].toFixed(1);
    console.log(`homes: ${HOMES + 4} in ${CITIES + 2} cities (SQLite)`);
    console.log(
      `GET /api/orgs/:province/dashboard  p50 ${pct(50)} ms  p90 ${pct(90)} ms  max ${warm[warm.length - 1].toFixed(1)} ms (20 warm calls)`,
    );
    console.log(`query plan of the subtree aggregate:\n  ${plan.join('\n  ')}`);
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
