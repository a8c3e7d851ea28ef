// preload (NODE_OPTIONS=--require): memory split every 500 ms to MEMLOG file; heap snapshot on SIGUSR2 or once past MEMLOG_SNAP_MB
const fs = require('fs');
const v8 = require('v8');
const file = process.env.MEMLOG || `${require('os').tmpdir()}/mem-${process.pid}.jsonl`;
const snapMb = Number(process.env.MEMLOG_SNAP_MB || 0);
let snapped = false;
const status = () => {
  const s = fs.readFileSync('/proc/self/status', 'utf8');
  const g = (k) => Number((new RegExp(k + ':\\s+(\\d+)').exec(s) || [0, 0])[1]) / 1024;
  return { rss: g('VmRSS'), anon: g('RssAnon'), fileMb: g('RssFile'), hwm: g('VmHWM') };
};
const mb = (x) => Math.round(x / 1048576);
setInterval(() => {
  const m = process.memoryUsage();
  const st = status();
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name.replace('_space', ''), mb(s.space_size)]));
  fs.appendFileSync(
    file,
    JSON.stringify({
      t: Date.now(),
      thread: require('worker_threads').threadId,
      rss: Math.round(st.rss),
      anon: Math.round(st.anon),
      file: Math.round(st.fileMb),
      hwm: Math.round(st.hwm),
      heapTotal: mb(m.heapTotal),
      heapUsed: mb(m.heapUsed),
      external: mb(m.external),
      arrayBuffers: mb(m.arrayBuffers),
      spaces,
    }) + '\n',
  );
  if (snapMb && !snapped && st.rss > snapMb) {
    snapped = true;
    v8.writeHeapSnapshot(`${require('os').tmpdir()}/peak-${process.pid}.heapsnapshot`);
  }
}, 500).unref();
process.on('SIGUSR2', () => v8.writeHeapSnapshot(`${require('os').tmpdir()}/usr2-${process.pid}-${Date.now()}.heapsnapshot`));
