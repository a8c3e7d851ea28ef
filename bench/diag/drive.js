// node bench/diag/drive.js ROOT DATA N [snap]: ROOT's built server on DATA with memlog.js, each bench scenario N times
// (8 at once), the memory after each; `snap`: a heap snapshot (SIGUSR2, after a GC) at the end.
const fs = require('fs');
const os = require('os');
const path = require('path');
const [root, dataDir, nStr, snap] = process.argv.slice(2);
const N = Number(nStr);
process.env.BENCH_SERVER_DIR = path.resolve(root);
process.env.BENCH_SERVER_NODE_OPTIONS = `--require ${path.join(__dirname, 'memlog.js')}`;
const { startServer } = require(path.join(__dirname, '../dist/processes.js'));
const { buildScenarios } = require(path.join(__dirname, '../dist/scenarios.js'));
const { diagEnv } = require('./diag-env.js');
const m = JSON.parse(fs.readFileSync(path.join(dataDir, 'manifest.json'), 'utf8'));
const memFile = path.join(os.tmpdir(), `drive-${Date.now()}.jsonl`);
const st = (pid) => {
  const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Object.fromEntries(
    ['VmRSS', 'VmHWM', 'RssAnon'].map((k) => [k, Math.round(Number(new RegExp(k + ':\\s+(\\d+)').exec(s)[1]) / 1024)]),
  );
};
const last = () => {
  const l = fs.readFileSync(memFile, 'utf8').trim().split('\n');
  return JSON.parse(l[l.length - 1]);
};
(async () => {
  const proc = await startServer({ ...diagEnv(dataDir, 'warn'), MEMLOG: memFile }, path.join(os.tmpdir(), `drive-${process.pid}.log`));
  const child = { pid: proc.pid, kill: (sig) => process.kill(proc.pid, sig) };
  const base = proc.url;
  await new Promise((r) => setTimeout(r, 1000));
  console.log('ready', JSON.stringify(st(child.pid)), JSON.stringify(last()));
  const only = process.env.ONLY ? process.env.ONLY.split(',') : null;
  for (const s of buildScenarios(m).filter((s) => s.name !== 'league-page' && (!only || only.includes(s.name)))) {
    let i = 0,
      bad = 0;
    const t = Date.now();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (i++ < N) {
          const r = s.next();
          const res = await fetch(base + r.path, { method: r.method, headers: r.headers, body: r.body });
          await res.arrayBuffer();
          if (res.status >= 300) bad++;
        }
      }),
    );
    console.log(s.name.padEnd(20), `${N} in ${Date.now() - t} ms, bad ${bad}`, JSON.stringify(st(child.pid)), JSON.stringify(last()));
  }
  if (snap) {
    child.kill('SIGUSR2');
    await new Promise((r) => setTimeout(r, 30000));
    console.log('after snapshot (GC)', JSON.stringify(st(child.pid)), JSON.stringify(last()));
  }
  await proc.stop();
})();
