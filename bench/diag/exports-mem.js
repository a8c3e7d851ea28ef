// node bench/diag/exports-mem.js ROOT DATA STEP[,STEP…] [rows]: ROOT's built server on DATA (run.sqlite, copied
// from pristine.sqlite first), then the largest exports one after another, each with the server's RSS sampled
// every 50 ms (all threads; the peak during the step) and its time:
//   league  — the province's league workbook (GET /orgs/:province/export.xlsx, the latest cycle: every home is a
//             row), after its dashboard has loaded the subtree (so the step is the export's own memory)
//   audit   — the province's audit log workbook (the newest 10,000 entries; PRISTINE=another copy in DATA with
//             that many, e.g. made with one INSERT … SELECT over homes)
//   import  — a `rows`-row import file (default 50,000) uploaded, its dry run until checked, then its report
//   report  — (after import) the report again
//   apply   — (after import) the apply until applied
// BENCH memlog: MEMLOG=file with BENCH_SERVER_NODE_OPTIONS="--require …/memlog.js" as for bench/run.sh.
const fs = require('fs');
const os = require('os');
const path = require('path');
const [root, dataDir, stepsArg, rowsArg] = process.argv.slice(2);
const steps = (stepsArg || 'league,audit,import,report').split(',');
const rows = Number(rowsArg || 50000);
process.env.BENCH_SERVER_DIR = path.resolve(root);
const { startServer } = require(path.join(__dirname, '../dist/processes.js'));
const { mintToken } = require(path.join(__dirname, '../dist/scenarios.js'));
const { importRows, importXlsx } = require(path.join(__dirname, '../dist/import-file.js'));
const { diagEnv } = require('./diag-env.js');
const m = JSON.parse(fs.readFileSync(path.join(dataDir, 'manifest.json'), 'utf8'));
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const rss = (pid) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024);

(async () => {
  if (!process.env.KEEP) fs.copyFileSync(path.join(dataDir, process.env.PRISTINE || 'pristine.sqlite'), path.join(dataDir, 'run.sqlite'));
  const proc = await startServer(diagEnv(dataDir, 'warn'), path.join(os.tmpdir(), `exports-mem-${process.pid}.log`));
  const base = `${proc.url}/api`;
  const auth = { authorization: `Bearer ${mintToken(m.secrets.JWT_SECRET, m.users.provinceAdmin)}` };
  await new Promise((r) => setTimeout(r, 1000));
  const step = async (name, fn) => {
    const before = rss(proc.pid);
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, rss(proc.pid))), 50);
    const t0 = Date.now();
    const what = await fn();
    const ms = Date.now() - t0;
    clearInterval(timer);
    peak = Math.max(peak, rss(proc.pid));
    console.log(`${name.padEnd(8)} ${String(ms).padStart(6)} ms  RSS ${before} → peak ${peak} MB (+${peak - before})  ${what}`);
  };
  const get = async (url) => {
    const res = await fetch(base + url, { headers: auth });
    const body = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${body.toString().slice(0, 200)}`);
    return body;
  };
  const until = async (id, states) => {
    for (;;) {
      const job = JSON.parse((await get(`/imports/${id}`)).toString());
      if (states.includes(job.status)) return job;
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  let jobId = null;
  console.log(
    `ready: RSS ${rss(proc.pid)} MB; load ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  for (const s of steps) {
    if (s === 'league') {
      await get(`/orgs/${m.provinceId}/dashboard`);
      await step('league', async () => `${(await get(`/orgs/${m.provinceId}/export.xlsx`)).length} bytes`);
    } else if (s === 'audit') {
      await step('audit', async () => `${(await get(`/orgs/${m.provinceId}/audit.xlsx`)).length} bytes`);
    } else if (s === 'import') {
      const file = await importXlsx(importRows(rows, Math.random().toString(36).slice(2, 5).toUpperCase()));
      await step('import', async () => {
        const res = await fetch(`${base}/orgs/${m.provinceId}/imports`, {
          method: 'POST',
          headers: { ...auth, 'content-type': XLSX },
          body: new Uint8Array(file),
        });
        if (res.status !== 202) throw new Error(`upload: ${res.status} ${await res.text()}`);
        jobId = JSON.parse(await res.text()).id;
        const job = await until(jobId, ['checked', 'failed']);
        return `${rows} rows: ${job.status} ${JSON.stringify(job.counts)}`;
      });
    } else if (s === 'report') {
      await step('report', async () => `${(await get(`/imports/${jobId}/report.xlsx`)).length} bytes`);
    } else if (s === 'apply') {
      await step('apply', async () => {
        const res = await fetch(`${base}/imports/${jobId}/apply`, { method: 'POST', headers: auth });
        if (res.status !== 202) throw new Error(`apply: ${res.status} ${await res.text()}`);
        const job = await until(jobId, ['applied', 'failed']);
        return `${job.status} ${JSON.stringify(job.applied)}`;
      });
    } else throw new Error(`unknown step ${s}`);
  }
  console.log(
    `end: load ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  await proc.stop();
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
