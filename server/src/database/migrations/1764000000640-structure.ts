import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

// Structure over time (issue 17): orgs and homes can be deactivated (kept in history, hidden from new
// cycles and QR scans), and the audit log says who acted from which level and on what, by name.
// QueryRunner schema API, SQLite and MySQL alike; the backfill is plain SELECT/UPDATE.
export class Structure1764000000640 implements MigrationInterface {
  name = 'Structure1764000000640';

  async up(q: QueryRunner): Promise<void> {
    const deactivated = () => new TableColumn({ name: 'deactivated_at', type: 'varchar', length: '30', isNullable: true });
    await q.addColumn('orgs', deactivated());
    await q.addColumn('homes', deactivated());
    await q.addColumns('audit_events', [
      // the org the actor acted from (their highest grant over the target): the log is shown to that
      // level and the levels above it, never to the levels below
      new TableColumn({ name: 'actor_path', type: 'varchar', length: '400', isNullable: true }),
      // the target's name when the action was taken (names change; a deleted thing keeps its name here)
      new TableColumn({ name: 'target_name', type: 'varchar', length: '100', isNullable: true }),
    ]);
    await q.createIndex('audit_events', new TableIndex({ name: 'idx_audit_actor_at', columnNames: ['actor_path', 'at'] }));
    await this.backfill(q);
  }

  /** Entries written before: the actor's highest admin grant over the scope, else the scope itself (a chair). */
  private async backfill(q: QueryRunner): Promise<void> {
    const grants = (await q.query(
      `SELECT g.user_id AS userId, o.path AS path FROM role_grants g JOIN orgs o ON o.id = g.org_id WHERE g.role = 'federation_admin'`,
    )) as { userId: string; path: string }[];
    const byUser = new Map<string, string[]>();
    for (const g of grants) byUser.set(g.userId, [...(byUser.get(g.userId) ?? []), g.path]);
    const names = new Map<string, string>();
    for (const t of ['orgs', 'homes', 'campaigns'])
      for (const r of (await q.query(`SELECT id, name FROM ${t}`)) as { id: string; name: string }[]) names.set(r.id, r.name);
    const events = (await q.query('SELECT id, actor_user_id AS userId, scope_path AS scope, target_id AS targetId FROM audit_events')) as {
      id: string;
      userId: string;
      scope: string;
      targetId: string;
    }[];
    for (const e of events) {
      const covering = (byUser.get(e.userId) ?? []).filter((p) => e.scope.startsWith(p)).sort((a, b) => a.length - b.length);
      await q.query('UPDATE audit_events SET actor_path = ?, target_name = ? WHERE id = ?', [
        covering[0] ?? e.scope,
        names.get(e.targetId) ?? null,
        e.id,
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('audit_events', 'idx_audit_actor_at');
    await q.dropColumns('audit_events', ['actor_path', 'target_name']);
    await q.dropColumn('homes', 'deactivated_at');
    await q.dropColumn('orgs', 'deactivated_at');
  }
}
