// After the last restart: is every acknowledged write there, exactly once, and do the totals add up?
import { client } from '../support/http';
import type { Db } from '../support/db';
import { VERDICTS, type GrievanceEntry, type Ledger, type RatingBody, type World } from './workload';
import { CRITERION_KEYS, SCORES } from '@pingjia/shared';

export interface Findings {
  lost: string[];
  duplicated: string[];
  totals: string[];
}

const sameRating = (stored: any, sent: RatingBody) =>
  stored &&
  stored.comment === sent.comment &&
  stored.verdict === sent.verdict &&
  CRITERION_KEYS.every((k) => stored.scores?.[k] === sent.scores[k]) &&
  [...(stored.groups ?? [])].sort().join(',') === [...sent.groups].sort().join(',');

export async function verify(world: World, ledger: Ledger, db: Db): Promise<Findings> {
  const api = client(world.base());
  const found: Findings = { lost: [], duplicated: [], totals: [] };
  const present = new Map<string, number>(); // homeId → members whose rating reads back

  // Ratings: each member's own rating reads back as the last acknowledged body, or as a later attempt
  // whose answer never arrived (it may have committed just before the crash).
  for (const e of ledger.ratings.values()) {
    const res = await api.get(`/api/campaigns/${world.campaignId}/homes/${e.homeId}/my-rating`, { token: world.members[e.member].token });
    if (res.status === 200) present.set(e.homeId, (present.get(e.homeId) ?? 0) + 1);
    const candidates = e.after;
    if (e.acked) {
      if (res.status !== 200 || ![e.acked, ...candidates].some((b) => sameRating(res.body.rating, b))) {
        found.lost.push(
          `rating m${e.member}/${e.homeId}: acknowledged "${e.acked.comment}", read ${res.status} ${JSON.stringify(res.body?.rating?.comment ?? res.body)}`,
        );
      }
    } else if (res.status === 200 && !candidates.some((b) => sameRating(res.body.rating, b))) {
      found.lost.push(`rating m${e.member}/${e.homeId}: never acknowledged, yet reads "${res.body.rating.comment}"`);
    } else if (res.status !== 200 && res.status !== 404) {
      found.lost.push(`rating m${e.member}/${e.homeId}: read ${res.status} ${res.text}`);
    }
  }

  // One row per member and home: the table's count equals the ratings that read back.
  const rows = await db.query<{ home_id: string; n: number | string }>(
    'SELECT home_id, COUNT(*) AS n FROM ratings WHERE campaign_id = ? GROUP BY home_id',
    [world.campaignId],
  );
  for (const homeId of world.homeIds) {
    const n = Number(rows.find((r) => r.home_id === homeId)?.n ?? 0);
    if (n !== (present.get(homeId) ?? 0))
      found.duplicated.push(`home ${homeId}: ${n} rating rows, ${present.get(homeId) ?? 0} members read one back`);
  }
  found.totals.push(...(await recountTotals(world, db)));

  // A moderator's acknowledged decision stays, unless the member has since replaced the comment.
  for (const [comment, decision] of ledger.decisions) {
    const [row] = await db.query<{ comment_status: string }>('SELECT comment_status FROM ratings WHERE comment = ?', [comment]);
    if (row && row.comment_status !== decision) found.lost.push(`comment ${decision} "${comment}": reads ${row.comment_status}`);
  }

  // Grievances: an acknowledged one is there; one whose answer was lost is sent again with the same
  // Idempotency-Key, as the mini-program does, and must then exist exactly once.
  for (const g of ledger.grievances) await checkGrievance(api, world, g, found);
  const dup = await db.query<{ content: string; n: number | string }>(
    'SELECT content, COUNT(*) AS n FROM grievances WHERE home_id IN (?, ?, ?) GROUP BY content HAVING COUNT(*) > 1',
    world.homeIds,
  );
  for (const d of dup) found.duplicated.push(`grievance stored ${d.n} times: ${d.content.slice(0, 20)}`);
  return found;
}

async function checkGrievance(api: ReturnType<typeof client>, world: World, g: GrievanceEntry, found: Findings) {
  const token = world.members[g.member].token;
  if (!g.id) {
    const retry = await api.post('/api/grievances', { token, body: g.body, headers: { 'idempotency-key': g.key } });
    if (retry.status !== 201) {
      found.lost.push(`grievance retry ${g.key}: ${retry.status} ${retry.text}`);
      return;
    }
    g.id = retry.body.id as string;
  }
  const one = await api.get(`/api/grievances/${g.id}`, { token });
  if (one.status !== 200 || one.body.content !== g.body.content) found.lost.push(`grievance ${g.id}: read ${one.status}`);
}

/** Mine lists each of a member's grievances once. */
export async function checkMine(world: World, ledger: Ledger, found: Findings) {
  const api = client(world.base());
  const byMember = new Map<number, string[]>();
  for (const g of ledger.grievances) if (g.id) byMember.set(g.member, [...(byMember.get(g.member) ?? []), g.id]);
  for (const [member, ids] of byMember) {
    const mine = await api.get('/api/grievances/mine', { token: world.members[member].token });
    const listed: string[] = (mine.body.items ?? []).map((i: { id: string }) => i.id);
    for (const id of ids) {
      const n = listed.filter((x) => x === id).length;
      if (n === 0) found.lost.push(`grievance ${id} missing from mine`);
      if (n > 1) found.duplicated.push(`grievance ${id} listed ${n} times in mine`);
    }
  }
}

/** The running totals row of each home against a recount of its rating rows. */
async function recountTotals(world: World, db: Db): Promise<string[]> {
  const problems: string[] = [];
  for (const homeId of world.homeIds) {
    const ratings = await db.query<Record<string, any>>('SELECT * FROM ratings WHERE campaign_id = ? AND home_id = ?', [
      world.campaignId,
      homeId,
    ]);
    const [totals] = await db.query<Record<string, any>>('SELECT * FROM rating_totals WHERE campaign_id = ? AND home_id = ?', [
      world.campaignId,
      homeId,
    ]);
    const expect: Record<string, number> = { ratings: ratings.length, comments_approved: 0 };
    for (const v of VERDICTS) expect[v] = 0;
    for (const k of CRITERION_KEYS) {
      expect[`sum_${k}`] = 0;
      for (const s of SCORES) expect[`d_${k}_${s}`] = 0;
    }
    for (const r of ratings) {
      expect[r.verdict]++;
      if (r.comment_status === 'approved') expect.comments_approved++;
      for (const k of CRITERION_KEYS) {
        expect[`sum_${k}`] += Number(r[`s_${k}`]);
        expect[`d_${k}_${r[`s_${k}`]}`]++;
      }
      for (const g of String(r.member_groups ?? '')
        .split(',')
        .filter(Boolean)) {
        expect[`g_${g}`] = (expect[`g_${g}`] ?? 0) + 1;
        expect[`gv_${g}_${r.verdict}`] = (expect[`gv_${g}_${r.verdict}`] ?? 0) + 1;
      }
    }
    for (const [column, n] of Object.entries(expect)) {
      const stored = Number(totals?.[column] ?? 0);
      if (stored !== n) problems.push(`home ${homeId} ${column}: totals ${stored}, recount ${n}`);
    }
    // Group columns never written by a rating must be zero too.
    for (const column of Object.keys(totals ?? {})) {
      if (/^gv?_/.test(column) && !(column in expect) && Number(totals[column]) !== 0)
        problems.push(`home ${homeId} ${column}: totals ${totals[column]}, recount 0`);
    }
  }
  return problems;
}
