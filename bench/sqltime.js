// Time spent in SQLite by statement, for finding which SQL a scenario pays for: preload it into the
// server under test, e.g.
//   BENCH_SERVER_NODE_OPTIONS="--require $PWD/bench/sqltime.js" bash bench/run.sh --only rating-put
// Every better-sqlite3 run/all/get/iterate/exec/prepare is timed by its SQL text (savepoint numbers and
// quoted ids folded); the top 40 are written to bench/.data/sqltime-<pid>.txt every 2 s and at exit.
// Each statement that took longer than 30 ms (SQLTIME_SLOW_MS) is also appended, when it ends, as one JSON line
// {t, ms, thread, sql} to bench/.data/sqlslow-<pid>.jsonl (t: Date.now(), the timeline of bench/eldelay.js;
// thread 1 is the request thread): which statement blocked a thread, and when.
const Module = require('module');
const orig = Module.prototype.require;
let patched = false;
const stats = new Map();
const slowMs = Number(process.env.SQLTIME_SLOW_MS || 30);
const thread = require('node:worker_threads').threadId;
const slowFile = require('path').join(__dirname, '.data', `sqlslow-${process.pid}.jsonl`);
function count(k, d) {
  const o = stats.get(k) || { n: 0, ms: 0 };
  o.n++;
  o.ms += d;
  stats.set(k, o);
  if (slowMs && d > slowMs)
    require('fs').appendFileSync(
      slowFile,
      JSON.stringify({ t: Date.now(), ms: Math.round(d * 10) / 10, thread, sql: k.slice(0, 200) }) + '\n',
    );
}
const norm = (s) =>
  s
    .replace(/typeorm_\d+/g, 'typeorm_N')
    .replace(/'[0-9a-f-]{36}'/g, "'ID'")
    .slice(0, 400);
function wrap(proto, name) {
  const f = proto[name];
  proto[name] = function (...a) {
    const t0 = process.hrtime.bigint();
    try {
      return f.apply(this, a);
    } finally {
      count(name + ' ' + norm(this.source), Number(process.hrtime.bigint() - t0) / 1e6);
    }
  };
}
Module.prototype.require = function (id) {
  const m = orig.apply(this, arguments);
  if (!patched && id === 'better-sqlite3') {
    patched = true;
    const db = new m(':memory:');
    const st = db.prepare('select 1');
    const proto = Object.getPrototypeOf(st);
    for (const n of ['run', 'all', 'get', 'iterate']) wrap(proto, n);
    const dproto = m.prototype;
    const ex = dproto.exec;
    dproto.exec = function (s) {
      const t0 = process.hrtime.bigint();
      try {
        return ex.call(this, s);
      } finally {
        count('exec ' + norm(s), Number(process.hrtime.bigint() - t0) / 1e6);
      }
    };
    const pr = dproto.prepare;
    dproto.prepare = function (s) {
      const t0 = process.hrtime.bigint();
      try {
        return pr.apply(this, arguments);
      } finally {
        count('PREPARE ' + norm(s).slice(0, 120), Number(process.hrtime.bigint() - t0) / 1e6);
      }
    };
  }
  return m;
};
const dump = () => {
  const rows = [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, 40);
  require('fs').writeFileSync(
    require('path').join(__dirname, '.data', `sqltime-${process.pid}.txt`),
    rows.map(([k, o]) => `${o.ms.toFixed(0).padStart(7)} ms ${String(o.n).padStart(7)} × ${(o.ms / o.n).toFixed(3)} ms  ${k}`).join('\n') +
      '\n',
  );
};
process.on('exit', dump);
setInterval(dump, 2000).unref();
