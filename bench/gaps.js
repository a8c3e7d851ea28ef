#!/usr/bin/env node
// Stalls of the server's one thread, from its request log (one JSON line per answered request, pino's
// `time` in ms): the gaps over THRESHOLD ms between two answers in a row, and the longest requests.
//   node bench/gaps.js bench/.data/<data>/server-run-0.log [THRESHOLD_MS=100]
// Rating and grievance writes log no line (privacy): the gaps are between the other answers, which in a
// mixed run (90% reads) come every few ms while the thread is free.
'use strict';
const { readFileSync } = require('node:fs');

const [file, thresholdArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/gaps.js SERVER_LOG [THRESHOLD_MS]');
  process.exit(2);
}
const threshold = Number(thresholdArg ?? 100);
const answers = [];
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (!line.startsWith('{') || !line.includes('"msg":"request"')) continue;
  const r = JSON.parse(line);
  answers.push({ time: r.time, ms: r.ms, url: r.req?.url ?? '' });
}
answers.sort((a, b) => a.time - b.time);
if (answers.length < 2) {
  console.log('fewer than two answers in the log');
  process.exit(0);
}
const gaps = [];
for (let i = 1; i < answers.length; i++) {
  const gap = answers[i].time - answers[i - 1].time;
  if (gap > threshold) gaps.push({ at: answers[i].time, gap, after: answers[i] });
}
const first = answers[0].time;
const span = (answers[answers.length - 1].time - first) / 1000;
const route = (url) => url.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id').replace(/\?.*/, '');
console.log(`${answers.length} answers over ${span.toFixed(1)} s; ${gaps.length} gaps over ${threshold} ms between two answers`);
console.log(
  `largest gap ${gaps.reduce((m, g) => Math.max(m, g.gap), 0)} ms; slowest answer ${answers.reduce((m, a) => Math.max(m, a.ms), 0)} ms`,
);
for (const g of gaps.sort((a, b) => b.gap - a.gap).slice(0, 15))
  console.log(`  +${((g.at - first) / 1000).toFixed(1)} s: ${g.gap} ms, then ${route(g.after.url)} (${g.after.ms} ms)`);
