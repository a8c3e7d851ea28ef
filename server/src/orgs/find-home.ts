import { Home } from './home.entity';

// A home by id in plain SQL (a cached prepared statement on SQLite, the same text on MySQL): asked on
// every dashboard request and every rating, where a repository find's query building cost more than
// the lookup itself.
const HOME_COLUMNS =
  'id, org_id, org_path, name, kind, member_count, worker_count, membership_mode, ownership, industry, scene_token, created_on, deactivated_at';

/** The home's columns under their own names, for a query that reads a home (alias `a`) beside other rows. */
export const homeColumns = (a: string) =>
  HOME_COLUMNS.split(', ')
    .map((c) => `${a}.${c} AS ${c}`)
    .join(', ');

export async function findHome(db: { query(sql: string, params: unknown[]): Promise<unknown> }, id: string): Promise<Home | null> {
  const [r] = (await db.query(`SELECT ${HOME_COLUMNS} FROM homes WHERE id = ?`, [id])) as Record<string, unknown>[];
  return r ? homeFromRow(r) : null;
}

/** A home from a row holding its columns (findHome, homeColumns). */
export function homeFromRow(r: Record<string, unknown>): Home {
  const int = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return Object.assign(new Home(), {
    id: r.id,
    orgId: r.org_id,
    orgPath: r.org_path,
    name: r.name,
    kind: r.kind,
    memberCount: Number(r.member_count),
    workerCount: int(r.worker_count),
    membershipMode: r.membership_mode,
    ownership: r.ownership ?? null,
    industry: r.industry ?? null,
    sceneToken: r.scene_token,
    createdOn: r.created_on,
    deactivatedAt: (r.deactivated_at as string | null) ?? null,
  });
}
