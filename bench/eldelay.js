// How long the server's one thread was blocked, measured inside it: preload into the server under test, e.g.
//   BENCH_SERVER_NODE_OPTIONS="--require $PWD/bench/eldelay.js" bash bench/run.sh --only mixed --duration 60
// Node's event-loop delay histogram (perf_hooks.monitorEventLoopDelay, 10 ms resolution) is read and reset
// every second; each second with its max, p99 and mean delay in ms is appended as one JSON line to
// bench/.data/eldelay-<pid>.jsonl. A request log cannot tell a blocked thread from every connection waiting on
// one slow answer (bench/gaps.js); this can: a delay of D ms means a timer fired D ms late, so nothing ran.
//   node bench/eldelay.js bench/.data/eldelay-<pid>.jsonl [THRESHOLD_MS=100]   summarises a file.
'use strict';
const { appendFileSync, mkdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

if (require.main === module) {
  const [file, thresholdArg] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node bench/eldelay.js bench/.data/eldelay-<pid>.jsonl [THRESHOLD_MS]');
    process.exit(2);
  }
  const threshold = Number(thresholdArg ?? 100);
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const seconds = lines.filter((l) => l.max !== undefined);
  const gcs = lines.filter((l) => l.gc !== undefined);
  const over = seconds.filter((s) => s.max > threshold);
  const first = seconds.length ? seconds[0].t : 0;
  console.log(
    `${seconds.length} seconds; ${over.length} with a delay over ${threshold} ms; largest ${Math.max(0, ...seconds.map((s) => s.max))} ms`,
  );
  for (const s of over) {
    // the pauses of the second that ended at s.t
    const paused = gcs.filter((g) => g.t > s.t - 1000 && g.t <= s.t).map((g) => `${g.gc} GC ${g.ms} ms`);
    console.log(
      `  +${Math.round((s.t - first) / 1000)} s: max ${s.max} ms, p99 ${s.p99} ms, mean ${s.mean} ms${paused.length ? `; ${paused.join(', ')}` : ''}`,
    );
  }
  const big = gcs.filter((g) => g.ms >= 100);
  console.log(
    `GC pauses of 20 ms or more: ${gcs.length}; of 100 ms or more: ${big.length} (${big.map((g) => `${g.gc} ${g.ms} ms`).join(', ')})`,
  );
} else if (require('node:worker_threads').isMainThread) {
  // the request thread only (a preload also runs in worker threads, e.g. the subtree worker)
  const { monitorEventLoopDelay } = require('node:perf_hooks');
  const dir = join(__dirname, '.data');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `eldelay-${process.pid}.jsonl`);
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  const ms = (ns) => Math.round(ns / 1e5) / 10;
  const timer = setInterval(() => {
    if (h.count === 0) return;
    appendFileSync(file, JSON.stringify({ t: Date.now(), max: ms(h.max), p99: ms(h.percentile(99)), mean: ms(h.mean) }) + '\n');
    h.reset();
  }, 1000);
  timer.unref();
  // Garbage-collection pauses of 20 ms or more, on the same timeline: {t, gc: kind, ms}.
  const { PerformanceObserver, constants } = require('node:perf_hooks');
  const kinds = { [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major', [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor' };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.duration >= 20)
        appendFileSync(
          file,
          JSON.stringify({
            t: Math.round(performance.timeOrigin + e.startTime),
            gc: kinds[e.detail?.kind] ?? 'other',
            ms: Math.round(e.duration),
          }) + '\n',
        );
  }).observe({ entryTypes: ['gc'] });
}
