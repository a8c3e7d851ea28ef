// The server's own functions, loaded from its build (server/dist), so generated rows are made exactly
// as the server makes them: rater keys, reporter keys, totals columns, scene tokens, working-day limits.
import { CRITERION_KEYS, SCORES, type IsWorkday } from '@pingjia/shared';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
const SERVER_DIST = join(ROOT, 'server/dist');

function load<T>(rel: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(join(SERVER_DIST, rel)) as T;
}

/** The totals table's columns as the server names them (its criteria list: shared's CRITERION_KEYS). */
function totalsColumns() {
  const t = load<{
    figureColumns(criteria: readonly string[]): string[];
    sumColumn(k: string): string;
    distColumn(k: string, score: number): string;
    groupColumn(g: string): string;
    groupVerdictColumn(g: string, v: string): string;
  }>('ratings/rating-totals.entity.js');
  return { ...t, FIGURE_COLUMNS: t.figureColumns(CRITERION_KEYS), SCORES: [...SCORES] };
}

export const serverLib = {
  raterKey: load<{ raterKey(secret: string, campaignId: string, homeId: string, userId: string): string }>('ratings/rater-key.js').raterKey,
  totals: totalsColumns(),
  scoreColumn: load<{ scoreColumn(k: string): string }>('ratings/rating.entity.js').scoreColumn,
  GrievanceKeys: load<{ GrievanceKeys: new (secret: string) => { reporterKeys(userId: string): string[] } }>('grievances/keys.js')
    .GrievanceKeys,
  newTrackingCode: load<{ newTrackingCode(): string }>('grievances/keys.js').newTrackingCode,
  sha256: load<{ sha256(text: string): string }>('common/idempotency.js').sha256,
  newSceneToken: load<{ newSceneToken(length?: number): string }>('common/ids.js').newSceneToken,
  workdayLookup: load<{ workdayLookup(overrides: Map<string, string>): IsWorkday }>('grievances/calendar.service.js').workdayLookup,
};
