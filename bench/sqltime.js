// Time spent in SQLite by statement, for finding which SQL a scenario pays for: preload it into the
// server under test, e.g.
//   BENCH_SERVER_NODE_OPTIONS="--require $PWD/bench/sqltime.js" bash bench/run.sh --only rating-put
// Every better-sqlite3 run/all/get/iterate/exec/prepare is timed by its SQL text (savepoint numbers and
// quoted ids folded); the top 40 are written to bench/.data/sqltime-<pid>.txt every 2 s and at exit.
const Module = require('module');
const orig = Module.prototype.require;
let patched = false;
const stats = new Map();
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
      const d = Number(process.hrtime.bigint() - t0) / 1e6;
      const k = name + ' ' + norm(this.source);
      const o = stats.get(k) || { n: 0, ms: 0 };
      o.n++;
      o.ms += d;
      stats.set(k, o);
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
        const k = 'exec ' + norm(s);
        const o = stats.get(k) || { n: 0, ms: 0 };
        o.n++;
        o.ms += Number(process.hrtime.bigint() - t0) / 1e6;
        stats.set(k, o);
      }
    };
    const pr = dproto.prepare;
    dproto.prepare = function (s) {
      const t0 = process.hrtime.bigint();
      try {
        return pr.apply(this, arguments);
      } finally {
        const k = 'PREPARE ' + norm(s).slice(0, 120);
        const o = stats.get(k) || { n: 0, ms: 0 };
        o.n++;
        o.ms += Number(process.hrtime.bigint() - t0) / 1e6;
        stats.set(k, o);
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
