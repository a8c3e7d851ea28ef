// The benchmark: prepares a province's data (or reuses the prepared copy), starts the built server on
// SQLite or MariaDB, measures a bare node:http server with the same load settings, drives every
// scenario with autocannon on loopback and writes JSON and a Markdown table to bench/results/.
//   node bench/dist/run.js [--quick] [--mariadb] [--instances N] [--redis] [--ratings N] [--homes N] [--sizes a,b,c]
//     [--duration S] [--connections N] [--only a,b] [--regenerate] [--generate-only] [--log-level L] [--cpu-prof]
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import BetterSqlite from 'better-sqlite3';
import { MysqlSink, Sink, SqliteSink } from './db';
import { cycleIds, freezeHomesSql, generate, Manifest, sizeFor, SizeParams } from './generate';
import { drive, Figures } from './load';
import { loadAverage, Proc, rssMb, startHello, startRedis, startServer, waitIdle } from './processes';
import { renderMarkdown, Report, ScenarioRow } from './report';
import { buildScenarios, roomSql } from './scenarios';
import { importMarkdown, timeImport } from './import-timing';
import { ROOT } from './server-lib';
import { costMarkdown, costOf, CostRow } from './costs';

interface Args {
  quick: boolean;
  mariadb: boolean;
  instances: number;
  /** a private redis-server shared by the instances (REDIS_URL), as production runs several */
  redis: boolean;
  ratings: number;
  homes: number;
  sizes: number[];
  durationS: number;
  connections: number;
  only: string[];
  regenerate: boolean;
  logLevel: string;
  cpuProf: boolean;
  label: string | null;
  generateOnly: boolean;
  /** rows of a bulk-import file to time instead of the load scenarios (0: off) */
  importRows: number;
  /** the per-request cost table (profiled, by stage) instead of the load scenarios */
  costs: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = {
    quick: false,
    mariadb: false,
    instances: 1,
    redis: false,
    ratings: 5_000_000,
    homes: 50_000,
    sizes: [],
    durationS: 15,
    connections: 64,
    only: [],
    regenerate: false,
    logLevel: 'info',
    cpuProf: false,
    label: null,
    generateOnly: false,
    importRows: 0,
    costs: false,
  };
  const value = (i: number) => {
    if (argv[i + 1] === undefined) throw new Error(`${argv[i]} needs a value`);
    return argv[i + 1];
  };
  let durationSet = false;
  for (let i = 0; i < argv.length; i++) {
    const f = argv[i];
    if (f === '--quick') a.quick = true;
    else if (f === '--mariadb') a.mariadb = true;
    else if (f === '--regenerate') a.regenerate = true;
    else if (f === '--cpu-prof') a.cpuProf = true;
    else if (f === '--redis') a.redis = true;
    else if (f === '--generate-only') a.generateOnly = true;
    else if (f === '--costs') a.costs = true;
    else if (f === '--instances') a.instances = Number(value(i++));
    else if (f === '--ratings') a.ratings = Number(value(i++));
    else if (f === '--homes') a.homes = Number(value(i++));
    else if (f === '--sizes') a.sizes = value(i++).split(',').map(Number);
    else if (f === '--duration') {
      a.durationS = Number(value(i++));
      durationSet = true;
    } else if (f === '--connections') a.connections = Number(value(i++));
    else if (f === '--only') a.only = value(i++).split(',');
    else if (f === '--log-level') a.logLevel = value(i++);
    else if (f === '--label') a.label = value(i++);
    else if (f === '--import') a.importRows = Number(value(i++));
    else throw new Error(`unknown option ${f}`);
  }
  if (a.quick) {
    a.ratings = 50_000;
    a.homes = 2_000;
    if (!durationSet) a.durationS = 4;
  }
  for (const [k, v] of Object.entries({
    instances: a.instances,
    ratings: a.ratings,
    homes: a.homes,
    duration: a.durationS,
    connections: a.connections,
  })) {
    if (!Number.isFinite(v) || v < 1) throw new Error(`--${k} must be a positive number`);
  }
  return a;
}

const DATA = join(ROOT, 'bench/.data');
const log = (s: string) => process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}\n`);

interface Database {
  kind: 'sqlite' | 'mysql';
  manifest: Manifest;
  /** server environment for this database */
  env: Record<string, string>;
  dataDir: string;
  /** a fresh copy for a run (SQLite); MariaDB keeps the loaded database */
  prepareRun(): void;
}

async function migrate(env: Record<string, string>, dataDir: string): Promise<void> {
  const server = await startServer({ ...env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, join(dataDir, 'migrate.log'));
  await server.stop();
}

async function load(
  sinkFor: () => Promise<Sink>,
  p: SizeParams,
  secrets: Manifest['secrets'],
  env: Record<string, string>,
  dir: string,
): Promise<Manifest> {
  log(
    `migrating an empty database (server start), then loading ${p.ratings} + ${p.earlier} ratings over ${p.homes} homes, ${p.grievances} grievances`,
  );
  await migrate({ ...env, ...secrets }, dir);
  const sink = await sinkFor();
  const manifest = await generate(sink, p, secrets, log);
  await sink.close();
  manifest.loadSeconds = Math.round(manifest.loadSeconds);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  log(`loaded in ${manifest.loadSeconds} s: ${JSON.stringify(manifest.counts)}`);
  return manifest;
}

const newSecrets = (): Manifest['secrets'] => ({
  JWT_SECRET: randomBytes(32).toString('base64url'),
  RATER_KEY_SECRET: randomBytes(32).toString('base64url'),
});

async function sqliteDatabase(p: SizeParams, regenerate: boolean): Promise<Database> {
  const dir = join(DATA, `sqlite-${p.homes}-${p.ratings}`);
  const pristine = join(dir, 'pristine.sqlite');
  const file = join(dir, 'run.sqlite');
  let manifest: Manifest;
  if (!regenerate && existsSync(join(dir, 'manifest.json')) && existsSync(pristine)) {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    log(`reusing ${dir} (loaded in ${manifest.loadSeconds} s; --regenerate to make it anew)`);
    const db = new BetterSqlite(pristine);
    try {
      if (!(db.prepare('SELECT COUNT(*) AS n FROM campaign_homes').get() as { n: number }).n) {
        for (const id of cycleIds(manifest)) db.exec(freezeHomesSql(id));
        log(`froze the homes into the cycles (data loaded before the generator did)`);
      }
    } finally {
      db.close();
    }
  } else {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    manifest = await load(async () => new SqliteSink(pristine), p, newSecrets(), { DATABASE_URL: `sqlite:${pristine}` }, dir);
  }
  return {
    kind: 'sqlite',
    manifest,
    dataDir: dir,
    env: { DATABASE_URL: `sqlite:${file}` },
    prepareRun: () => {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
      copyFileSync(pristine, file);
      const run = new BetterSqlite(file);
      for (const sql of roomSql(manifest)) run.exec(sql);
      run.close();
    },
  };
}

/** A private MariaDB (scripts/mariadb.sh) in bench/.data/mariadb; the loaded database is kept between runs. */
async function mariadbDatabase(p: SizeParams, regenerate: boolean): Promise<{ db: Database; stop: () => void }> {
  const folder = join(DATA, 'mariadb');
  mkdirSync(folder, { recursive: true });
  chmodSync(folder, 0o755);
  const scratch = execFileSync('bash', [join(ROOT, 'scripts/mariadb.sh'), 'start', folder], {
    env: { ...process.env, MARIADB_DATABASE: 'bench_scratch' },
    encoding: 'utf8',
  }).trim();
  const stop = () => execFileSync('bash', [join(ROOT, 'scripts/mariadb.sh'), 'stop', folder], { stdio: 'inherit' });
  const name = `bench_${p.homes}_${p.ratings}`;
  const url = scratch.replace(/\/bench_scratch$/, `/${name}`);
  const dir = join(DATA, `mariadb-${p.homes}-${p.ratings}`);
  const admin = await MysqlSink.open(scratch);
  // The test instance has a 256 MB buffer pool; the benchmark's data set needs one that holds it.
  await admin.exec('SET GLOBAL innodb_buffer_pool_size = 4294967296');
  let manifest: Manifest;
  if (!regenerate && existsSync(join(dir, 'manifest.json')) && (await admin.all(`SHOW DATABASES LIKE '${name}'`)).length) {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    log(`reusing MariaDB database ${name} (loaded in ${manifest.loadSeconds} s)`);
  } else {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    await admin.exec(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.exec(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    // Loading only: commits flushed once a second. Durable commits (=1) again before any measurement.
    await admin.exec('SET GLOBAL innodb_flush_log_at_trx_commit = 2');
    try {
      manifest = await load(() => MysqlSink.open(url), p, newSecrets(), { DATABASE_URL: url }, dir);
    } finally {
      await admin.exec('SET GLOBAL innodb_flush_log_at_trx_commit = 1');
    }
  }
  await admin.close();
  // Room for the scenarios' new ratings (roomSql), once per start of the benchmark.
  const room = await MysqlSink.open(url);
  if (!Number((await room.all<{ n: number }>('SELECT COUNT(*) AS n FROM campaign_homes'))[0].n)) {
    for (const id of cycleIds(manifest)) await room.exec(freezeHomesSql(id));
    log(`froze the homes into the cycles (data loaded before the generator did)`);
  }
  for (const sql of roomSql(manifest)) await room.exec(sql);
  await room.close();
  return { db: { kind: 'mysql', manifest, dataDir: dir, env: { DATABASE_URL: url }, prepareRun: () => undefined }, stop };
}

interface Servers {
  procs: Proc[];
  stop: () => Promise<void>;
}

/** The server's environment for a run on this database. */
const serverEnv = (db: Database, a: Args): Record<string, string> => ({
  ...db.env,
  ...db.manifest.secrets,
  DATA_DIR: db.dataDir,
  LOG_LEVEL: a.logLevel,
  // Every request comes from 127.0.0.1 and a few thousand users: limits high enough not to be what is measured.
  RATE_LIMIT_WRITES_PER_USER: '1000000',
  RATE_LIMIT_WRITES_PER_IP: '1000000',
});

async function startServers(db: Database, a: Args, tag: string): Promise<Servers> {
  const redis = a.redis ? await startRedis() : null;
  const env = { ...(redis ? { REDIS_URL: redis.url } : {}), ...serverEnv(db, a) };
  const profDir = join(DATA, 'prof');
  if (a.cpuProf) mkdirSync(profDir, { recursive: true });
  const procs: Proc[] = [];
  for (let i = 0; i < a.instances; i++) {
    procs.push(
      await startServer(env, join(db.dataDir, `server-${tag}-${i}.log`), a.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []),
    );
  }
  return {
    procs,
    stop: async () => {
      await Promise.all(procs.map((p) => p.stop()));
      await redis?.stop();
    },
  };
}

function machineNote(): Report['machine'] {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverageStart: loadAverage(),
    loadAverageEnd: '',
  };
}

async function baseline(a: Args, durationS: number): Promise<Figures> {
  const hello = await startHello();
  try {
    return await drive('baseline', 'bare node:http hello (same connections and duration)', null, {
      urls: [hello.url],
      connections: a.connections,
      durationS,
      pids: [hello.pid],
    });
  } finally {
    await hello.stop();
  }
}

/** One full pass over the scenarios against one database. */
async function runScenarios(
  db: Database,
  a: Args,
  durationS: number,
  only: string[],
): Promise<{ rows: Figures[]; base: Figures[]; readyMs: number[]; rssIdle: number }> {
  db.prepareRun();
  const base = [await baseline(a, durationS)];
  log(`baseline ${base[0].rps} req/s, p99 ${base[0].p99} ms`);
  const servers = await startServers(db, a, 'run');
  const readyMs = servers.procs.map((p) => Math.round(p.readyMs));
  log(`server${servers.procs.length > 1 ? 's' : ''} ready in ${readyMs.join(', ')} ms`);
  const rssIdle = Math.round(servers.procs.reduce((s, p) => s + (rssMb(p.pid) ?? 0), 0));
  const rows: Figures[] = [];
  try {
    const scenarios = buildScenarios(db.manifest).filter((s) => !only.length || only.includes(s.name));
    const opts = (d: number) => ({
      urls: servers.procs.map((p) => p.url),
      connections: a.connections,
      durationS: d,
      pids: servers.procs.map((p) => p.pid),
    });
    // Warm-up (JIT, caches): a short mixed run, not recorded.
    const mixed = buildScenarios(db.manifest).find((s) => s.name === 'mixed')!;
    await drive('warmup', '', mixed.next, opts(a.quick ? 2 : 5));
    for (const s of scenarios) {
      await waitIdle(opts(0).pids);
      // One connection first: the cost of one request without queueing, and how long a 64-connection
      // run must last to complete several rounds.
      const single = await drive(`${s.name}-1conn`, '', s.next, { ...opts(a.quick ? 2 : Math.min(durationS, 5)), connections: 1 });
      await waitIdle(opts(0).pids);
      if (!single.requests) {
        // Not one answer within the 1-connection run: time one request to its end.
        const r = s.next();
        const t0 = Date.now();
        const status = await fetch(servers.procs[0].url + r.path, {
          method: r.method,
          headers: r.headers,
          body: r.body,
          signal: AbortSignal.timeout(300_000),
        })
          .then(async (res) => (await res.arrayBuffer(), res.status))
          .catch(() => 0);
        single.p50 = single.p99 = Date.now() - t0;
        single.valid = status >= 200 && status < 300;
      }
      if (single.p50 * a.connections >= 30_000) {
        // 64 connections would only pile up minutes of work that later scenarios would wait behind.
        const note = `one request takes ${single.p50} ms; the ${a.connections}-connection run was skipped`;
        rows.push({
          ...single,
          name: s.name,
          description: `${s.description} — ${note}`,
          valid: false,
          single: { rps: single.rps, p50: single.p50, p99: single.p99, valid: single.valid },
        });
        log(`${s.name}: ${note}`);
        await waitIdle(opts(0).pids);
        continue;
      }
      const rounds = Math.ceil(((single.p50 || 1) * a.connections * 4) / 1000);
      const d = Math.min(Math.max(durationS, rounds), a.quick ? 8 : 90);
      const f: Figures = {
        ...(await drive(s.name, s.description, s.next, opts(d))),
        single: { rps: single.rps, p50: single.p50, p99: single.p99, valid: single.valid },
      };
      rows.push(f);
      log(
        `${s.name}: ${f.rps} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms (1 connection: p50 ${single.p50} ms), rss ${f.rssMb} MB${f.valid ? '' : `, INVALID: ${JSON.stringify(f.statusCodes)} errors ${f.errors} timeouts ${f.timeouts}`}`,
      );
    }
  } finally {
    await servers.stop();
  }
  // A second start on the same database (migrations applied, files in the page cache).
  const again = await startServers(db, { ...a, instances: 1, cpuProf: false }, 'restart');
  readyMs.push(Math.round(again.procs[0].readyMs));
  await again.stop();
  base.push(await baseline(a, durationS));
  log(`baseline again ${base[1].rps} req/s`);
  return { rows, base, readyMs, rssIdle };
}

function toRows(rows: Figures[], base: Figures[], manifest: Manifest): ScenarioRow[] {
  const rps = base.reduce((s, b) => s + b.rps, 0) / base.length;
  const p50 = base.reduce((s, b) => s + b.p50, 0) / base.length;
  const p99 = base.reduce((s, b) => s + b.p99, 0) / base.length;
  const targets = new Map(buildScenarios(manifest).map((s) => [s.name, s.target]));
  return rows.map((f) => {
    const target = targets.get(f.name);
    const ratio = Math.round((f.rps / rps) * 1000) / 1000;
    const meets =
      target && f.valid ? (target.ratio === undefined || ratio >= target.ratio) && (target.p99 === undefined || f.p99 <= target.p99) : null;
    return {
      ...f,
      ratioRps: ratio,
      ratioP50: p50 ? Math.round((f.p50 / p50) * 10) / 10 : null,
      ratioP99: p99 ? Math.round((f.p99 / p99) * 10) / 10 : null,
      target: target ?? null,
      meets,
    };
  });
}

/** `--import N`: the bulk import of an N-row file into the generated province, timed (bench/src/import-timing.ts). */
async function timeImportRun(db: Database, a: Args, machine: Report['machine']): Promise<void> {
  db.prepareRun();
  const servers = await startServers(db, { ...a, instances: 1, cpuProf: false }, 'import');
  try {
    const figures = await timeImport(servers.procs[0].url, db.manifest, a.importRows, log);
    const label = a.label ?? `${db.kind === 'mysql' ? 'mariadb' : 'sqlite'}-import-${a.importRows}`;
    const command = `bash bench/run.sh ${process.argv.slice(2).join(' ')}`.trim();
    const results = join(ROOT, 'bench/results');
    const note = `${machine.cpus} × ${machine.cpuModel}, load ${loadAverage()}`;
    writeFileSync(
      join(results, `${label}.json`),
      JSON.stringify({ label, date: new Date().toISOString(), command, machine, figures }, null, 2) + '\n',
    );
    writeFileSync(join(results, `${label}.md`), importMarkdown(label, command, db.kind, figures, note));
    log(`wrote bench/results/${label}.json and .md`);
  } finally {
    await servers.stop();
  }
}

/**
 * `--costs`: the per-request cost table (bench/src/costs.ts) for the rating PUT, a cached and an uncached
 * home dashboard, a county dashboard and a league page, each on a profiled server of its own.
 */
async function costRun(db: Database, a: Args, machine: Report['machine']): Promise<void> {
  const all = buildScenarios(db.manifest);
  const byName = (n: string) => all.find((s) => s.name === n)!;
  const plan: { scenario: ReturnType<typeof byName>; env: Record<string, string> }[] = (
    [
      { scenario: byName('rating-put'), env: {} },
      { scenario: { ...byName('home-dashboard-hot'), name: 'home-dashboard (cached)' }, env: {} },
      { scenario: { ...byName('home-dashboard'), name: 'home-dashboard (uncached)' }, env: { DASHBOARD_CACHE_SECONDS: '0' } },
      { scenario: byName('org-county'), env: {} },
      { scenario: byName('league-page'), env: {} },
    ] as { scenario: ReturnType<typeof byName>; env: Record<string, string> }[]
  ).filter((p) => !a.only.length || a.only.some((o) => p.scenario.name.startsWith(o)));
  const rows: CostRow[] = [];
  // A fresh copy of the data (4 GB at full size) only where a scenario before wrote to it.
  let dirty = true;
  for (const p of plan) {
    if (dirty) db.prepareRun();
    dirty = p.scenario.name.startsWith('rating');
    const env = { ...serverEnv(db, a), ...p.env };
    const { row, figures } = await costOf(
      p.scenario,
      env,
      join(DATA, 'prof-costs', p.scenario.name.replace(/[^a-z-]+/g, '_')),
      join(db.dataDir, 'server-costs.log'),
      {
        connections: a.connections,
        warmS: a.quick ? 3 : 5,
        measureS: Math.max(5, a.durationS),
      },
    );
    if (!figures.valid) throw new Error(`${p.scenario.name}: invalid run ${JSON.stringify(figures.statusCodes)} errors ${figures.errors}`);
    log(`${row.scenario}: ${row.busyUs} µs busy per request (${row.requests} requests, ${row.rps} req/s)`);
    rows.push(row);
  }
  const label = a.label ?? `${db.kind === 'mysql' ? 'mariadb' : 'sqlite'}-${a.quick ? 'quick' : 'full'}-costs`;
  const command = `bash bench/run.sh ${process.argv.slice(2).join(' ')}`.trim();
  const md = [
    `# Per-request cost ${label}`,
    '',
    `${new Date().toISOString()} · \`${command}\``,
    '',
    `Machine: ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}; load average ${machine.loadAverageStart} at start, ${loadAverage()} at end.`,
    `Each column: a server of its own under \`node --cpu-prof --cpu-prof-interval 200\`, ${a.connections} connections, a warm-up, then a measured window; CPU samples in the window by stage (bench/src/costs.ts) ÷ requests answered. Sampling under load counts waiting for the CPU as time too: compare columns and stages within one run.`,
    '',
    costMarkdown(rows),
  ].join('\n');
  const results = join(ROOT, 'bench/results');
  writeFileSync(
    join(results, `${label}.json`),
    JSON.stringify({ label, date: new Date().toISOString(), command, machine, rows }, null, 2) + '\n',
  );
  writeFileSync(join(results, `${label}.md`), md);
  log(`wrote bench/results/${label}.json and .md`);
  process.stdout.write(md);
}

async function main() {
  const a = parseArgs(process.argv.slice(2));
  mkdirSync(DATA, { recursive: true });
  const results = join(ROOT, 'bench/results');
  mkdirSync(results, { recursive: true });
  const machine = machineNote();
  const started = Date.now();
  const sizes = a.sizes.length ? a.sizes : [a.ratings];
  const dbKind = a.mariadb ? 'mariadb' : 'sqlite';
  const label =
    a.label ??
    (a.sizes.length
      ? `${dbKind}-sizes`
      : `${dbKind}-${a.quick ? 'quick' : 'full'}${a.instances > 1 ? `-x${a.instances}` : ''}${a.redis ? '-redis' : ''}`);
  const runs: Report['runs'] = [];
  let stopMariadb: (() => void) | null = null;
  try {
    for (const ratings of sizes) {
      const p = a.quick ? { ...sizeFor(ratings, a.homes), raters: 1_000 } : sizeFor(ratings, a.homes);
      let db: Database;
      if (a.mariadb) {
        const m = await mariadbDatabase(p, a.regenerate);
        stopMariadb = m.stop;
        db = m.db;
      } else db = await sqliteDatabase(p, a.regenerate);
      if (a.generateOnly) continue;
      if (a.importRows) {
        await timeImportRun(db, a, machine);
        continue;
      }
      if (a.costs) {
        await costRun(db, a, machine);
        continue;
      }
      const only = a.only.length
        ? a.only
        : a.sizes.length
          ? ['home-dashboard', 'home-dashboard-hot', 'org-county', 'org-city', 'org-province', 'league-page']
          : [];
      const r = await runScenarios(db, a, a.durationS, only);
      runs.push({
        database: db.kind,
        params: db.manifest.params,
        counts: db.manifest.counts,
        loadSeconds: db.manifest.loadSeconds,
        hotHome: db.manifest.hotHomes[0],
        readyMs: r.readyMs,
        rssIdleMb: r.rssIdle,
        baseline: r.base,
        scenarios: toRows(r.rows, r.base, db.manifest),
      });
    }
  } finally {
    if (stopMariadb) stopMariadb();
  }
  if (a.generateOnly || a.importRows || a.costs) return;
  machine.loadAverageEnd = loadAverage();
  const report: Report = {
    label,
    date: new Date().toISOString(),
    command:
      `${process.env.BENCH_SERVER_NODE_OPTIONS ? `BENCH_SERVER_NODE_OPTIONS='${process.env.BENCH_SERVER_NODE_OPTIONS}' ` : ''}bash bench/run.sh ${process.argv.slice(2).join(' ')}`.trim(),
    settings: {
      connections: a.connections,
      durationS: a.durationS,
      instances: a.instances,
      redis: a.redis ? 'shared redis-server (REDIS_URL)' : 'none',
      logLevel: a.logLevel,
      rateLimits: 'RATE_LIMIT_WRITES_PER_USER=RATE_LIMIT_WRITES_PER_IP=1000000',
      nodeEnv: 'production',
    },
    machine,
    elapsedS: Math.round((Date.now() - started) / 1000),
    runs,
  };
  writeFileSync(join(results, `${label}.json`), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(join(results, `${label}.md`), renderMarkdown(report));
  log(`wrote bench/results/${label}.json and .md (${report.elapsedS} s)`);
  process.stdout.write(renderMarkdown(report));
  if (runs.some((r) => r.scenarios.some((s) => !s.valid))) process.exitCode = 2;
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
