import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { CheckpointReport } from './wal-checkpointer';

// The WAL checkpointer's thread (wal-checkpointer.ts): its own connection to the SQLite file copies the
// committed pages of the WAL back into the database file, so no COMMIT of the app's connection does it.
const { file, everyMs } = workerData as { file: string; everyMs: number };
const db = new Database(file, { fileMustExist: true });
// The checkpoint syncs the WAL before it copies and the database file after, as the app's own would.
db.pragma('synchronous = FULL');
// PASSIVE never waits for readers or the writer; what it cannot copy now it copies next time. Another
// process's checkpoint (node:cluster workers) answers busy at once instead of waiting here.
db.pragma('busy_timeout = 0');

// The PRAGMA answers the WAL's frames and how many of them are in the database file by now (by any
// checkpoint); the frames this one copied are the difference to the last answer, unless the WAL restarted.
let last = { log: 0, checkpointed: 0 };
setInterval(() => {
  const started = performance.now();
  let report: CheckpointReport;
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    const copiedFrames = Math.max(0, row.log >= last.log ? row.checkpointed - last.checkpointed : row.checkpointed);
    last = row;
    report = { busy: row.busy === 1, walFrames: row.log, copiedFrames, ms: performance.now() - started };
  } catch (e) {
    report = { error: e instanceof Error ? e.message : String(e), ms: performance.now() - started };
  }
  parentPort!.postMessage(report);
}, everyMs);
