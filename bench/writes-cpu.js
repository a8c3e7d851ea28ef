// CPU time per rating PUT (or another scenario's request), of the server process and of mariadbd, on the
// bench's 500k MariaDB (load it first with `bash bench/run.sh --mariadb --ratings 500000 ...`; `--size
// 2000-50000` for the quick size's, loaded by `bash bench/run.sh --quick --mariadb ...`). On the shared two
// cores req/s moved 10x with the other work; the CPU a request costs moves far less. Each server directory
// is run ROUNDS times, alternately, each time a fresh start, a warm-up, then N requests over C connections.
//   flock /work/notes/bench.lock node bench/writes-cpu.js [--n 1500] [--c 16] [--rounds 2] [--size 50000-500000]
//     [--scenario rating-put] [--sqlite] DIR...   (DIR: a built checkout; serverCpuUsPerPut is per request of the scenario)
const Database = require('better-sqlite3');
const { execFileSync } = require('node:child_process');
const { readFileSync } = require('node:fs');
const http = require('node:http');
const { join } = require('node:path');
const { startServer } = require('./dist/processes');
const { buildScenarios, roomSql } = require('./dist/scenarios');

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i < 0 ? dflt : Number(args.splice(i, 2)[1]);
};
const N = opt('--n', 1500);
const C = opt('--c', 16);
const ROUNDS = opt('--rounds', 2);
const text = (name, dflt) => {
  const i = args.indexOf(name);
  return i < 0 ? dflt : args.splice(i, 2)[1];
};
const SIZE = text('--size', '50000-500000');
const SCENARIO = text('--scenario', 'rating-put');
// --sqlite: the same on the bench's SQLite file of that size (a fresh copy of its pristine.sqlite per run; no mariadbd)
const SQLITE = args.includes('--sqlite') && args.splice(args.indexOf('--sqlite'), 1).length > 0;
const dirs = args;
const ROOT = join(__dirname, '..');
const DATA = join(__dirname, '.data');

const cpuMs = (pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
};

async function drive(url, next, n, c) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: c });
  const status = {};
  let sent = 0;
  const one = () =>
    new Promise((resolve, reject) => {
      const r = next();
      const req = http.request(url + r.path, { method: r.method, headers: r.headers, agent }, (res) => {
        res.resume();
        res.on('end', () => {
          status[res.statusCode] = (status[res.statusCode] ?? 0) + 1;
          resolve();
        });
      });
      req.on('error', reject);
      req.end(r.body);
    });
  const loop = async () => {
    while (sent < n) {
      sent++;
      await one();
    }
  };
  const t0 = Date.now();
  await Promise.all(Array.from({ length: c }, loop));
  agent.destroy();
  return { ms: Date.now() - t0, status };
}

(async () => {
  const folder = join(DATA, 'mariadb');
  const dir = join(DATA, `${SQLITE ? 'sqlite' : 'mariadb'}-${SIZE}`);
  let url = `sqlite:${join(dir, 'cpu.sqlite')}`;
  if (!SQLITE) {
    const scratch = execFileSync('bash', [join(ROOT, 'scripts/mariadb.sh'), 'start', folder], {
      env: { ...process.env, MARIADB_DATABASE: 'bench_scratch' },
      encoding: 'utf8',
    }).trim();
    url = scratch.replace(/\/bench_scratch$/, `/bench_${SIZE.replace('-', '_')}`);
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const put = buildScenarios(manifest).find((s) => s.name === SCENARIO).next;
  const mysqld = SQLITE ? null : Number(readFileSync(join(folder, 'mariadb.pid'), 'utf8'));
  const env = {
    DATABASE_URL: url,
    ...manifest.secrets,
    DATA_DIR: dir,
    LOG_LEVEL: 'info',
    RATE_LIMIT_WRITES_PER_USER: '1000000',
    RATE_LIMIT_WRITES_PER_IP: '1000000',
  };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const d of dirs) {
      process.env.BENCH_SERVER_DIR = d;
      if (SQLITE) {
        execFileSync('bash', ['-c', `rm -f "${dir}"/cpu.sqlite*; cp "${dir}/pristine.sqlite" "${dir}/cpu.sqlite"`]);
        // Room for the scenario's new ratings, as run.ts gives each copy (else some are refused 409).
        const copy = new Database(join(dir, 'cpu.sqlite'));
        for (const sql of roomSql(manifest)) copy.exec(sql);
        copy.close();
      }
      const server = await startServer(env, join(dir, 'server-writes-cpu.log'));
      await drive(server.url, put, 300, C);
      const [n0, m0] = [cpuMs(server.pid), mysqld ? cpuMs(mysqld) : 0];
      const { ms, status } = await drive(server.url, put, N, C);
      const [n1, m1] = [cpuMs(server.pid), mysqld ? cpuMs(mysqld) : 0];
      await server.stop();
      const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
      console.log(
        JSON.stringify({
          round,
          dir: d,
          scenario: SCENARIO,
          db: SQLITE ? 'sqlite' : 'mariadb',
          n: N,
          c: C,
          status,
          serverCpuUsPerPut: Math.round(((n1 - n0) * 1000) / N),
          mariadbCpuUsPerPut: Math.round(((m1 - m0) * 1000) / N),
          wallReqPerS: Math.round((N * 1000) / ms),
          load,
        }),
      );
    }
  }
  if (!SQLITE) execFileSync('bash', [join(ROOT, 'scripts/mariadb.sh'), 'stop', folder], { stdio: 'inherit' });
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
