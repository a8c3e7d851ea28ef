import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { GrievanceAccess } from './grievance-access';
import { REPORTER_KEY_PREFIX } from './keys';

const BATCH = 500;

// Rows written before reporter keys were per grievance: each reporter's grievances shared one key,
// and the delivery tables held openids in clear. At boot (the secret is needed, so not in a
// migration), every old key is replaced by the reporter's per-grievance keys in filing order, openids
// are sealed, and idempotency records under old caller keys go. Does nothing once no old row is left;
// instances booting together compute the same keys, so running twice is harmless.
@Injectable()
export class ReporterRekey implements OnApplicationBootstrap {
  private readonly logger = new Logger('ReporterRekey');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: GrievanceAccess,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const keys = this.access.keys;
    const like = `${REPORTER_KEY_PREFIX}%`;
    if (await this.anyOldKey()) {
      let rekeyed = 0;
      for (let offset = 0; ; offset += BATCH) {
        const users = (await this.dataSource.query('SELECT id FROM users ORDER BY id LIMIT ? OFFSET ?', [BATCH, offset])) as {
          id: string;
        }[];
        if (!users.length) break;
        const legacy = new Map(users.map((u) => [keys.legacyReporterKey(u.id), u.id]));
        const rows = (await this.dataSource.query(
          `SELECT id, reporter_key FROM grievances WHERE reporter_key IN (${[...legacy.keys()].map(() => '?').join(', ')}) ORDER BY created_at, id`,
          [...legacy.keys()],
        )) as { id: string; reporter_key: string }[];
        const next = new Map<string, number>();
        for (const r of rows) {
          const userId = legacy.get(r.reporter_key)!;
          const slot = next.get(userId) ?? 0;
          next.set(userId, slot + 1);
          const fresh = keys.reporterKeys(userId)[slot];
          // Past the last slot the grievance keeps a random key: trackable by its code, not listed as "mine".
          await this.dataSource.query('UPDATE grievances SET reporter_key = ? WHERE id = ?', [
            fresh ?? REPORTER_KEY_PREFIX + randomBytes(32).toString('base64url'),
            r.id,
          ]);
          rekeyed++;
        }
      }
      // Keys of no user left (an account since deleted): a random key each, so the next boot has nothing to do.
      const orphans = (await this.dataSource.query('SELECT id FROM grievances WHERE reporter_key NOT LIKE ?', [like])) as { id: string }[];
      for (const o of orphans)
        await this.dataSource.query('UPDATE grievances SET reporter_key = ? WHERE id = ?', [
          REPORTER_KEY_PREFIX + randomBytes(32).toString('base64url'),
          o.id,
        ]);
      this.logger.log(`re-keyed ${rekeyed + orphans.length} grievances to per-grievance reporter keys`);
    }
    for (const t of ['grievance_subscriptions', 'notification_outbox']) {
      const plain = (await this.dataSource.query(`SELECT id, openid FROM ${t} WHERE openid NOT LIKE 's1:%'`)) as {
        id: string;
        openid: string;
      }[];
      for (const r of plain) await this.dataSource.query(`UPDATE ${t} SET openid = ? WHERE id = ?`, [keys.seal(r.openid), r.id]);
    }
    // Only grievance records: the staff pages' keep theirs under other scopes (common/idempotency.ts).
    await this.dataSource.query("DELETE FROM idempotency_keys WHERE scope = 'grievances.create' AND caller_key NOT LIKE ?", [like]);
  }

  /**
   * Whether any grievance has a key without the per-grievance prefix. Asked as the two ranges of its index
   * around the prefix (keys before 'r2:' and from 'r2;' on), two index seeks: `NOT LIKE` reads the whole
   * table at every boot (130 ms of a 1.5 s start at full size).
   */
  private async anyOldKey(): Promise<boolean> {
    const after = REPORTER_KEY_PREFIX.replace(/.$/, (c) => String.fromCharCode(c.charCodeAt(0) + 1)); // 'r2;'
    const [{ n }] = await this.dataSource.query(
      'SELECT (EXISTS (SELECT 1 FROM grievances WHERE reporter_key < ?) OR EXISTS (SELECT 1 FROM grievances WHERE reporter_key >= ?)) AS n',
      [REPORTER_KEY_PREFIX, after],
    );
    return Number(n) > 0;
  }
}
