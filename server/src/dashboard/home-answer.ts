import type { Home } from '../orgs/home.entity';
import type { DashboardService } from './dashboard.service';

/** A caller's access to a home as AccessPolicy.homeWithLevel decides it. */
export interface HomeAccess {
  home: Home;
  /** the caller is above the home, not its chair */
  upperLevel: boolean;
}

/** A home dashboard to compute: for a caller whose access was decided already (DashboardAnswers.home). */
export interface HomeJob {
  home: Home;
  /** the caller is above the home, not its chair */
  upperLevel: boolean;
  /** the cycle asked for (a valid id), or undefined for the latest */
  cid?: string;
}

/**
 * A home dashboard's answer as it is sent: the JSON bytes of `DashboardService.forHome`. The one
 * computation, run on the request thread (MySQL, and the fallback) and in the home readers' worker
 * threads (home-reader.worker.ts), each on its own connection.
 */
export async function homeAnswer(dashboard: DashboardService, { home, upperLevel, cid }: HomeJob): Promise<Buffer> {
  return Buffer.from(JSON.stringify(await dashboard.forHome(home, upperLevel, cid)));
}
