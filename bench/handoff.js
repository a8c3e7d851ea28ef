#!/usr/bin/env node
// What the request thread pays to take over a part of the tree from the subtree worker (server/src/dashboard/
// packed-rows.ts): the time to deserialise one message of N home rows, as objects (HomeRow[]) and packed
// (numbers in a transferred Float64Array, ids and names as one string each), and to make one league page.
//   node bench/handoff.js [N=50000]      (needs the built server: pnpm build)
'use strict';
const { receiveMessageOnPort } = require('node:worker_threads');
const { randomUUID } = require('node:crypto');
const { join } = require('node:path');
const { packRows, packedBuffers, HomeRows } = require(join(__dirname, '../server/dist/dashboard/packed-rows.js'));

const n = Number(process.argv[2] ?? 50000);
const names = '工会职工之家有限公司集团制造科技物流建设机械电子纺织食品化工医药';
const rows = Array.from({ length: n }, (_, i) => ({
  id: randomUUID(),
  name: Array.from({ length: 8 + (i % 6) }, (_, k) => names[(i * 7 + k * 13) % names.length]).join('') + i,
  members: 50 + (i % 400),
  workers: i % 3 ? null : 500 + i,
  ratings: i % 200,
  counts: { satisfied: i % 90, basicallySatisfied: i % 50, dissatisfied: i % 20 },
  sums: { organization: i * 3, rights: i * 2, work: i, role: i * 4, trust: i * 5 },
  previous: i % 2 ? { ratings: i % 150, counts: { satisfied: i % 70, basicallySatisfied: i % 40, dissatisfied: i % 10 } } : null,
}));

/** ms to deserialise one message on this thread (receiveMessageOnPort deserialises synchronously) */
function receive(message, transfer) {
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(message, transfer);
  const t = process.hrtime.bigint();
  const got = receiveMessageOnPort(port2).message;
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  port1.close();
  return { ms, got };
}

const best = (f) => Math.min(...Array.from({ length: 7 }, f));
const objects = best(() => receive(rows).ms);
const packedMs = best(() => {
  const p = packRows(rows);
  return receive(p, packedBuffers(p)).ms;
});
const p = packRows(rows);
const { got } = receive(p, packedBuffers(p));
const page = best(() => {
  const t = process.hrtime.bigint();
  const kept = new HomeRows(got);
  for (let i = 0; i < 20; i++) kept.at(n - 1 - i * 7);
  return Number(process.hrtime.bigint() - t) / 1e6;
});
console.log(
  `${n} rows: deserialise as objects ${objects.toFixed(1)} ms; packed ${packedMs.toFixed(2)} ms; a page of 20 rows from the packed ${page.toFixed(3)} ms`,
);
