// node drive.js SERVER_ROOT DATA_DIR N_PER_SCENARIO [snapshot]: starts the server with memlog, runs each bench scenario N times (8 at once), prints memory after each
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const [root, dataDir, nStr, snap] = process.argv.slice(2);
const N = Number(nStr);
const { buildScenarios } = require(path.join(__dirname, '../dist/scenarios.js'));
const m = JSON.parse(fs.readFileSync(path.join(dataDir, 'manifest.json'), 'utf8'));
const memFile = `${require('os').tmpdir()}/drive-${Date.now()}.jsonl`;
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
  const child = spawn(process.execPath, [path.join(root, 'server/dist/main.js')], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://bench.pingjia.invalid',
      PORT: '0',
      HOST: '127.0.0.1',
      H5_DIR: '',
      SHUTDOWN_DELAY_MS: '0',
      NODE_OPTIONS: `--require ${path.join(__dirname, 'memlog.js')}`,
      MEMLOG: memFile,
      RATE_LIMIT_WRITES_PER_USER: '1000000',
      RATE_LIMIT_WRITES_PER_IP: '1000000',
      DATABASE_URL: 'sqlite:' + path.join(dataDir, 'run.sqlite'),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...m.secrets,
      ...(process.env.EXTRA ? JSON.parse(process.env.EXTRA) : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let buf = '';
  const port = await new Promise((res) =>
    child.stdout.on('data', (d) => {
      buf += d;
      const x = /PINGJIA_READY port=(\d+)/.exec(buf);
      if (x) res(Number(x[1]));
    }),
  );
  const base = `http://127.0.0.1:${port}`;
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
  child.kill('SIGTERM');
  await new Promise((r) => child.on('exit', r));
})();
