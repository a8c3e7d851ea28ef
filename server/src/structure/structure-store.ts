import type { EntityManager } from 'typeorm';
import { ancestorPaths } from '../orgs/org-paths';

// Every column that holds an org path ('/root/…/org/'): a moved or merged subtree rewrites them all in
// one transaction, so access checks, dashboards, grievance routing and the audit log follow the move.
// (A new table holding a path must be listed here.)
const PATH_COLUMNS: Array<[table: string, column: string]> = [
  ['orgs', 'path'],
  ['homes', 'org_path'],
  ['campaigns', 'org_path'],
  ['grievances', 'org_path'],
  ['grievances', 'handler_org_path'],
  ['invites', 'scope_path'],
  ['audit_events', 'scope_path'],
  ['audit_events', 'actor_path'],
];

/** Replaces the prefix `from` by `to` in every path at or below `from` (paths hold only ids and '/'). */
export async function rewritePaths(m: EntityManager, from: string, to: string): Promise<void> {
  const mysql = m.connection.options.type === 'mysql';
  for (const [table, column] of PATH_COLUMNS) {
    const rest = `SUBSTR(${column}, ${from.length + 1})`;
    const joined = mysql ? `CONCAT(?, ${rest})` : `? || ${rest}`;
    await m.query(`UPDATE ${table} SET ${column} = ${joined} WHERE ${column} LIKE ?`, [to, `${from}%`]);
  }
}

/** What a home has that must not be lost: a phrase for the refusal, or null when it has none. */
export async function homeHistory(m: EntityManager, homeId: string, o: { staff: boolean } = { staff: true }): Promise<string | null> {
  return firstFound(m, homeId, [
    ['ratings', 'home_id', '评议记录'],
    ['rating_totals', 'home_id', '评议结果'],
    ['grievances', 'home_id', '维权诉求'],
    ['rectifications', 'home_id', '整改记录'],
    ['roster_entries', 'home_id', '会员名册'],
    ...(o.staff ? [['role_grants', 'org_id', '工会主席账号（请先撤销）'] as [string, string, string]] : []),
  ]);
}

/** The same for an org: its own cycles and grievances it handled; its staff too, unless merging (which hands them over). */
export async function orgHistory(m: EntityManager, orgId: string, o: { staff: boolean } = { staff: true }): Promise<string | null> {
  return firstFound(m, orgId, [
    ['campaigns', 'org_id', '本级评议周期'],
    ['grievances', 'handler_org_id', '办理过的维权诉求'],
    ...(o.staff ? [['role_grants', 'org_id', '管理员账号（请先撤销）'] as [string, string, string]] : []),
  ]);
}

async function firstFound(
  m: EntityManager,
  id: string,
  checks: Array<[table: string, column: string, label: string]>,
): Promise<string | null> {
  for (const [table, column, label] of checks) {
    const rows = (await m.query(`SELECT 1 AS x FROM ${table} WHERE ${column} = ? LIMIT 1`, [id])) as unknown[];
    if (rows.length) return label;
  }
  return null;
}

/** A merged duplicate's staff (admins of an org, chairs of a home) now hold the role on the kept one; its unused invites go. */
export async function handOver(m: EntityManager, role: 'federation_admin' | 'chair', fromId: string, toId: string): Promise<void> {
  // Who already holds the role on the kept one just loses the duplicate's grant (one grant per user, role and org).
  await m.query(
    'DELETE FROM role_grants WHERE org_id = ? AND role = ? AND user_id IN (SELECT user_id FROM (SELECT user_id FROM role_grants WHERE org_id = ? AND role = ?) kept)',
    [fromId, role, toId, role],
  );
  await m.query('UPDATE role_grants SET org_id = ? WHERE org_id = ? AND role = ?', [toId, fromId, role]);
  await m.query('DELETE FROM invites WHERE org_id = ? AND used_at IS NULL', [fromId]);
}

/**
 * The staff who can no longer reach what a move takes from under `oldParentPath` to `newParentPath`:
 * admins of the orgs above the old place that are not above the new one (and not admins there too).
 */
export async function adminsLosing(m: EntityManager, oldParentPath: string, newParentPath: string): Promise<string[]> {
  const kept = ancestorPaths(newParentPath);
  const lost = ancestorPaths(oldParentPath).filter((p) => !kept.includes(p));
  if (!lost.length) return [];
  const list = (paths: string[]) => paths.map(() => '?').join(', ');
  const rows = (await m.query(
    `SELECT DISTINCT g.user_id AS user_id FROM role_grants g JOIN orgs o ON o.id = g.org_id
      WHERE g.role = 'federation_admin' AND o.path IN (${list(lost)})
        AND g.user_id NOT IN (SELECT k.user_id FROM role_grants k JOIN orgs ko ON ko.id = k.org_id
                               WHERE k.role = 'federation_admin' AND ko.path IN (${list(kept)}))`,
    [...lost, ...kept],
  )) as { user_id: string }[];
  return rows.map((r) => r.user_id);
}

/** Who holds a grant on the org or home (before a merge hands them over). */
export async function holders(m: EntityManager, orgId: string): Promise<string[]> {
  const rows = (await m.query('SELECT DISTINCT user_id FROM role_grants WHERE org_id = ?', [orgId])) as { user_id: string }[];
  return rows.map((r) => r.user_id);
}
