// The request thread's long tasks: preload into the server under test, e.g.
//   BENCH_SERVER_NODE_OPTIONS="--require $PWD/bench/longtasks.js" bash bench/run.sh --only mixed --duration 60
// bench/eldelay.js says a timer fired D ms late, but under load one turn of the event loop runs every
// callback that is ready (64 connections' requests), so a late timer can be many short callbacks or one long
// one. This times each callback (async_hooks before/after: I/O, timers, promise continuations) on the request
// thread and appends each that ran longer than 40 ms (LONGTASK_MS) as one JSON line {t, ms, type} to
// bench/.data/longtasks-<pid>.jsonl (t: Date.now() at its end; hrEndUs: the same on the CPU profile's clock; type: the resource it ran for). Each turn's
// total is in eldelay's file. Costs a promise hook on every promise: compare runs made with it only.
'use strict';
if (require('node:worker_threads').isMainThread) {
  const { appendFileSync, mkdirSync } = require('node:fs');
  const { join } = require('node:path');
  const { createHook, executionAsyncResource } = require('node:async_hooks');
  const limit = Number(process.env.LONGTASK_MS || 40);
  const dir = join(__dirname, '.data');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `longtasks-${process.pid}.jsonl`);
  let depth = 0;
  let started = 0;
  createHook({
    before() {
      if (depth++ === 0) started = performance.now();
    },
    after() {
      if (--depth !== 0) return;
      const ms = performance.now() - started;
      if (ms > limit) {
        const r = executionAsyncResource();
        const type = r?.constructor?.name ?? typeof r;
        // hrEndUs: the end on CLOCK_MONOTONIC in µs, the clock of --cpu-prof's samples (a task's samples are those in [hrEndUs - ms·1000, hrEndUs])
        appendFileSync(
          file,
          JSON.stringify({ t: Date.now(), hrEndUs: Number(process.hrtime.bigint() / 1000n), ms: Math.round(ms * 10) / 10, type }) + '\n',
        );
      }
    },
  }).enable();
}
