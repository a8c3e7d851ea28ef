// node bench/diag/start-times.js ROOT DATA N [node args…]: starts ROOT's built server N times on DATA (a folder with
// manifest.json and run.sqlite) as bench/run.sh starts it; prints wall and CPU time to ready and RSS 2 s later.
const fs = require('fs');
const os = require('os');
const path = require('path');
const [root, dataDir, n, ...nodeArgs] = process.argv.slice(2);
process.env.BENCH_SERVER_DIR = path.resolve(root);
const { startServer, rssMb } = require(path.join(__dirname, '../dist/processes.js'));
const { diagEnv } = require('./diag-env.js');

(async () => {
  const wall = [];
  const cpu = [];
  const rss = [];
  const log = path.join(os.tmpdir(), `start-times-${process.pid}.log`);
  for (let i = 0; i < Number(n); i++) {
    const proc = await startServer(diagEnv(dataDir, 'info'), log, nodeArgs);
    wall.push(Math.round(proc.readyMs));
    const stat = fs.readFileSync(`/proc/${proc.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    cpu.push(Math.round((Number(stat[11]) + Number(stat[12])) * (1000 / 100))); // clock ticks of 10 ms
    await new Promise((r) => setTimeout(r, 2000));
    rss.push(Math.round(rssMb(proc.pid)));
    await proc.stop();
    const trace = fs
      .readFileSync(log, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('MODTRACE'));
    if (trace.length) process.stderr.write(trace.join('\n') + '\n');
  }
  fs.rmSync(log, { force: true });
  const load = os.loadavg().map((x) => x.toFixed(2));
  console.log(`ready ms: ${wall.join(', ')}  cpu ms to ready: ${cpu.join(', ')}  idle rss MB: ${rss.join(', ')}  load ${load.join(' ')}`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
