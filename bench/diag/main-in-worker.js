// EXPERIMENT (memsrv, sixth pass): the server in a Worker whose old generation is bounded by resourceLimits. Copy into
// server/dist/ and run the bench with BENCH_SERVER_ENTRY=main-in-worker.js (APP_OLD_MB: the cap, default 128). Not a way
// to run the server: signals are not relayed (SIGTERM ends the process without the drain of main.ts), no cluster.
const { Worker } = require('node:worker_threads');
const w = new Worker(require('node:path').join(__dirname, 'main.js'), {
  resourceLimits: { maxOldGenerationSizeMb: Number(process.env.APP_OLD_MB || 128) },
});
w.on('error', (e) => {
  process.stderr.write(`worker failed: ${e.stack}\n`);
  process.exit(1);
});
w.on('exit', (c) => process.exit(c));
