// node start.js SERVER_ROOT DATA_DIR N [nodeargs...]: starts the built server N times, prints ready ms
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const [root, dataDir, n, ...nodeArgs] = process.argv.slice(2);
const m = JSON.parse(fs.readFileSync(path.join(dataDir, 'manifest.json'), 'utf8'));
(async () => {
  const out = [];
  const cpu = [];
  const rss = [];
  for (let i = 0; i < Number(n); i++) {
    const t = process.hrtime.bigint();
    const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'server/dist/main.js')], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        PUBLIC_URL: 'https://bench.pingjia.invalid',
        PORT: '0',
        HOST: '127.0.0.1',
        H5_DIR: '',
        SHUTDOWN_DELAY_MS: '0',
        DATABASE_URL: 'sqlite:' + path.join(dataDir, 'run.sqlite'),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        ...m.secrets,
        ...(process.env.EXTRA ? JSON.parse(process.env.EXTRA) : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buf = '',
      err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    const ms = await new Promise((res, rej) => {
      child.stdout.on('data', (d) => {
        buf += d;
        if (/PINGJIA_READY/.test(buf)) res(Number(process.hrtime.bigint() - t) / 1e6);
      });
      child.on('exit', (c) => rej(new Error('exit ' + c + buf.slice(-2000) + err.slice(-2000))));
    });
    out.push(Math.round(ms));
    const st = require('fs').readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    cpu.push(Math.round((Number(st[11]) + Number(st[12])) * 10));
    await new Promise((r) => setTimeout(r, 2000));
    rss.push(Math.round(Number(/VmRSS:\s+(\d+)/.exec(require('fs').readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) / 1024));
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
    if (err.includes('MODTRACE'))
      process.stderr.write(
        err
          .split('\n')
          .filter((l) => l.startsWith('MODTRACE'))
          .join('\n') + '\n',
      );
  }
  console.log(
    `ready ms: ${out.join(', ')}  cpu ms to ready: ${cpu.join(', ')}  idle rss MB: ${rss.join(', ')}  median ${out.slice().sort((a, b) => a - b)[Math.floor(out.length / 2)]}  load ${require('os')
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
