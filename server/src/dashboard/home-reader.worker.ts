import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { CampaignHomes } from '../campaigns/campaign-homes';
import { Campaign } from '../campaigns/campaign.entity';
import { Clock } from '../common/clock';
import { readerOptions } from '../database/database-options';
import { Grievance } from '../grievances/grievance.entity';
import { GrievanceStatsService } from '../grievances/grievance-stats.service';
import { RatingTotalsStore } from '../ratings/rating-totals.store';
import { RoleGrant } from '../auth/role-grant.entity';
import { AccessPolicy } from '../orgs/access-policy';
import { Org } from '../orgs/org.entity';
import { CampaignScope } from './campaign-scope';
import { DashboardService } from './dashboard.service';
import { GrievanceFigures } from './grievance-figures';
import { homeAnswer } from './home-answer';
import type { ReaderAnswer, ReaderJob } from './home-readers';

// A home reader (SQLite; home-readers.ts): decides a caller's access to a home (AccessPolicy.homeWithLevel)
// and computes home dashboards missing from the caches (homeAnswer: DashboardService.forHome) with the
// services' own code on its own read-only connection, so the request thread does not run their statements.
// Jobs run one at a time, an answer at the server's clock when it was asked (tests move it). Each statement reads the latest committed data (WAL): a write answered
// before the job was sent is in it.
const { file, cacheKb } = workerData as { file: string; cacheKb: number };
const dataSource = new DataSource({
  ...readerOptions(file, cacheKb),
  entities: [join(__dirname, '..', '*', '*.entity.{js,ts}')],
});

/** The job's "now": daysLeft of an open cycle, overdue grievances. */
class JobClock extends Clock {
  at = new Date();
  override now(): Date {
    return this.at;
  }
}
const clock = new JobClock();
const campaignHomes = new CampaignHomes(dataSource);
const access = new AccessPolicy(dataSource.getRepository(RoleGrant), dataSource.getRepository(Org));
const dashboard = new DashboardService(
  dataSource,
  access,
  new CampaignScope(dataSource.getRepository(Campaign), campaignHomes),
  new GrievanceFigures(new GrievanceStatsService(dataSource.getRepository(Grievance), undefined as never, clock)),
  clock,
  new RatingTotalsStore(dataSource),
  campaignHomes,
);

// A failed initialisation rejects unhandled: the worker fails, and the pool computes on the request thread.
void dataSource.initialize().then(() => parentPort!.postMessage({ ready: true } satisfies ReaderAnswer));

let queue: Promise<unknown> = Promise.resolve();
parentPort!.on('message', (msg: { id: number } & ReaderJob) => {
  queue = queue.then(async () => {
    try {
      if ('access' in msg) {
        const decided = await access.homeWithLevel(msg.access.userId, msg.access.homeId);
        parentPort!.postMessage({ id: msg.id, access: decided } satisfies ReaderAnswer);
        return;
      }
      clock.at = new Date(msg.now);
      // Its own buffer (a short Buffer shares Node's pool), transferred rather than copied.
      const bytes = new Uint8Array(await homeAnswer(dashboard, msg.answer));
      parentPort!.postMessage({ id: msg.id, bytes } satisfies ReaderAnswer, [bytes.buffer]);
    } catch {
      // Whatever it was (no access: 404; a cycle that does not cover the home), the request thread does it
      // again and meets it itself.
      parentPort!.postMessage({ id: msg.id, failed: true } satisfies ReaderAnswer);
    }
  });
});
