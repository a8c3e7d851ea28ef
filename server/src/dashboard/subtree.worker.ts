import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { readerOptions } from '../database/database-options';
import { Grievance } from '../grievances/grievance.entity';
import { GrievanceStatsService } from '../grievances/grievance-stats.service';
import { RatingTotalsStore } from '../ratings/rating-totals.store';
import { packedBuffers, packRows } from './packed-rows';
import { GrievanceJob, readGrievances, readSubtree, SubtreeJob } from './subtree-read';
import type { WorkerAnswer } from './subtree-reader';

// The subtree worker (SQLite): reads parts of the tree on its own read-only connection — WAL lets it read
// beside the app's writer — with the stores' own SQL (subtree-read.ts), so the request thread never runs
// the scan. Jobs run one at a time: a part's figures (the rows go back packed, their buffers transferred:
// packed-rows.ts), or a part's grievance sums.

const { file, cacheKb } = workerData as { file: string; cacheKb: number };
const dataSource = new DataSource({
  ...readerOptions(file, cacheKb),
  entities: [join(__dirname, '..', '*', '*.entity.{js,ts}')],
});
const ready = dataSource.initialize();
// forSubtree needs no access policy: the caller checked access before asking.
const grievances = new GrievanceStatsService(dataSource.getRepository(Grievance), undefined as never, new Clock());
const sql = {
  dataSource,
  store: new RatingTotalsStore(dataSource),
  grievances: (path: string, now: Date) => grievances.forSubtree(path, now),
};

let queue: Promise<unknown> = Promise.resolve();
parentPort!.on('message', (msg: { id: number; job: SubtreeJob; grievances?: undefined } | { id: number; grievances: GrievanceJob }) => {
  queue = queue.then(async () => {
    try {
      await ready;
      if (msg.grievances) {
        const answer: WorkerAnswer = { id: msg.id, grievances: await readGrievances(sql, msg.grievances) };
        parentPort!.postMessage(answer);
        return;
      }
      const { rows, orders, ...rest } = await readSubtree(sql, msg.job);
      const packed = packRows(rows);
      const answer: WorkerAnswer = { id: msg.id, ok: { ...rest, rows: packed, orders: [...orders] } };
      parentPort!.postMessage(answer, [
        ...packedBuffers(packed),
        rest.nameRank.buffer as ArrayBuffer,
        ...[...orders.values()].map((o) => o.buffer as ArrayBuffer),
      ]);
    } catch (e) {
      const answer: WorkerAnswer = { id: msg.id, error: e instanceof Error ? e.message : String(e) };
      parentPort!.postMessage(answer);
    }
  });
});
