import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';

// Every core of one machine: `node server/dist/cluster.js` runs CLUSTER_WORKERS server processes
// (default: one per core) behind one port (node:cluster hands each connection to a worker). Each worker is
// the whole server (main.ts); what they must share lives in the database and in Redis — rate-limit
// counters, token versions, job locks — so REDIS_URL is required. The first worker starts alone (it runs
// the migrations), the others once it is ready; a worker that dies is replaced. SIGTERM/SIGINT: each
// worker drains its requests and closes its database (main.ts), then this process exits.
// On SQLite each worker holds its own connection to the one file: reads run side by side, write
// transactions begin IMMEDIATE (database-options.ts) and take turns, each waiting up to busy_timeout for
// the other's lock (begun deferred they collided with "database is locked": 33 writes answered 500 in a
// mixed run with two workers). On MySQL/MariaDB writes run side by side too.

function primary(): void {
  const workers = Number(process.env.CLUSTER_WORKERS || availableParallelism());
  if (!Number.isInteger(workers) || workers < 1) {
    process.stderr.write(`CLUSTER_WORKERS must be a positive whole number, got "${process.env.CLUSTER_WORKERS}"\n`);
    process.exit(78);
  }
  if (!process.env.REDIS_URL) {
    process.stderr.write('REDIS_URL is required with several workers: rate limits, token versions and job locks are shared there\n');
    process.exit(78);
  }
  const ready = new Set<number>();
  let stopping = false;
  const fork = () => {
    const w = cluster.fork();
    w.on('message', (m: { ready?: boolean; port?: number }) => {
      if (!m?.ready || ready.has(w.id)) return;
      ready.add(w.id);
      if (ready.size === 1) for (let i = 1; i < workers; i++) fork();
      if (ready.size === workers) process.stdout.write(`PINGJIA_READY port=${m.port} workers=${workers}\n`);
    });
  };
  cluster.on('exit', (w, code, signal) => {
    if (stopping) {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(0);
      return;
    }
    process.stderr.write(`worker ${w.process.pid} exited (${signal ?? code}); starting another\n`);
    fork();
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      stopping = true;
      const alive = Object.values(cluster.workers ?? {});
      if (!alive.length) process.exit(0);
      for (const w of alive) w?.process.kill(signal);
    });
  }
  fork();
}

if (cluster.isPrimary) primary();
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a worker is the whole server: main.ts runs on load
else require('./main');
