import { Injectable } from '@nestjs/common';
import { chinaDay } from '@pingjia/shared';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { newId, newSceneToken } from '../common/ids';
import { Home } from '../orgs/home.entity';
import { Org } from '../orgs/org.entity';
import type { ExistingHome, ExistingOrg, ImportContext, ImportPlan, PlannedHome, PlannedOrg } from './import-plan';

// The import's reads and writes: the province's coded unions and homes (what rows match), and the
// plan written in batches inside one transaction.

/** rows per INSERT: 14 columns × 500 stays far below either database's limit on bound values */
const BATCH = 500;

const ORG_COLUMNS = ['id', 'parent_id', 'name', 'level', 'path', 'created_on', 'external_code', 'code_scope'];
const HOME_COLUMNS = [
  'id',
  'org_id',
  'org_path',
  'name',
  'kind',
  'member_count',
  'worker_count',
  'membership_mode',
  'ownership',
  'industry',
  'scene_token',
  'created_on',
  'external_code',
  'code_scope',
];

async function insertRows(m: EntityManager, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  if (!rows.length) return;
  const one = `(${columns.map(() => '?').join(', ')})`;
  await m.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${rows.map(() => one).join(', ')}`, rows.flat());
}

/** The province's id: the first id of a path '/<root>/…/'. */
const scopeOf = (path: string): string => path.split('/')[1];

export interface ImportWriteCounts {
  orgsCreated: number;
  homesCreated: number;
  orgsUpdated: number;
  homesUpdated: number;
}

@Injectable()
export class ImportStore {
  constructor(private readonly clock: Clock) {}

  async context(m: EntityManager, root: Org): Promise<ImportContext> {
    const scope = scopeOf(root.path);
    const [orgs, homes] = await Promise.all([
      m.query(
        `SELECT id, parent_id AS parentId, name, level, path, deactivated_at AS deactivatedAt, external_code AS code FROM orgs WHERE code_scope = ? AND external_code IS NOT NULL`,
        [scope],
      ) as Promise<Array<ExistingOrg & { code: string }>>,
      m.query(
        `SELECT id, org_id AS orgId, org_path AS orgPath, name, kind, industry, ownership, member_count AS memberCount,
                worker_count AS workerCount, membership_mode AS membershipMode, deactivated_at AS deactivatedAt, external_code AS code
           FROM homes WHERE code_scope = ? AND external_code IS NOT NULL`,
        [scope],
      ) as Promise<Array<ExistingHome & { code: string }>>,
    ]);
    // mysql2 answers INT columns as numbers, better-sqlite3 too; NULLs stay null. Made so in place (a province
    // has 50,000 coded homes: no second copy of them).
    for (const h of homes) {
      h.memberCount = Number(h.memberCount);
      if (h.workerCount !== null) h.workerCount = Number(h.workerCount);
    }
    return {
      root: { id: root.id, parentId: root.parentId, name: root.name, level: root.level, path: root.path, code: root.externalCode },
      orgsByCode: new Map(orgs.map((o) => [o.code, o])),
      homesByCode: new Map(homes.map((h) => [h.code, h])),
      // The homes of one org that receives homes, read when the plan first needs them (through the index on
      // org_path; org_id keeps exactly that org's), not every home of the subtree for every plan.
      homeNamesOf: (org) =>
        m.query(`SELECT id, name FROM homes WHERE org_path = ? AND org_id = ?`, [org.path, org.id]) as Promise<
          Array<{ id: string; name: string }>
        >,
    };
  }

  /** Writes the plan (inside the caller's transaction): new unions level by level, then homes, then updates. */
  async write(m: EntityManager, root: Org, plan: ImportPlan, onBatch?: (done: number) => Promise<void>): Promise<ImportWriteCounts> {
    const scope = scopeOf(root.path);
    const today = chinaDay(this.clock.now());
    const created = new Map<number, { id: string; path: string }>();
    const parentOf = (w: PlannedOrg | PlannedHome) => {
      const ref = w.parent!;
      if ('existing' in ref) return { id: ref.existing.id, path: ref.existing.path };
      const made = created.get(ref.row);
      if (!made) throw new Error(`import: row ${ref.row} written before its parent`);
      return made;
    };
    const writes = plan.writes.filter((w): w is PlannedOrg | PlannedHome => w !== null);
    // The plan lists org rows in file order; parents are higher levels, so writing level by level is enough.
    const newOrgs = writes
      .filter((w): w is PlannedOrg => w.target === 'org' && !w.existing)
      .sort((a, b) => ['city', 'county', 'street'].indexOf(a.level) - ['city', 'county', 'street'].indexOf(b.level));
    const newHomes = writes.filter((w): w is PlannedHome => w.target === 'home' && !w.existing);
    let done = 0;
    const step = async (n: number) => {
      done += n;
      if (onBatch) await onBatch(done);
    };

    // Plain multi-row INSERTs: TypeORM's insert builder spent longer on its parameters than the database on the rows.
    let batch: unknown[][] = [];
    let batchLevel: string | null = null;
    const flushOrgs = async () => {
      await insertRows(m, 'orgs', ORG_COLUMNS, batch);
      await step(batch.length);
      batch = [];
    };
    for (const w of newOrgs) {
      // A level's parents must be in the database before its rows go in (the path is built from them).
      if (batchLevel !== w.level || batch.length >= BATCH) await flushOrgs();
      batchLevel = w.level;
      const parent = parentOf(w);
      const id = newId();
      const path = `${parent.path}${id}/`;
      created.set(w.index, { id, path });
      batch.push([id, parent.id, w.name, w.level, path, today, w.code, scope]);
    }
    await flushOrgs();

    for (let i = 0; i < newHomes.length; i += BATCH) {
      const rows = newHomes.slice(i, i + BATCH).map((w) => {
        const parent = parentOf(w);
        return [
          newId(),
          parent.id,
          parent.path,
          w.name,
          w.kind,
          w.memberCount,
          w.workerCount,
          w.membershipMode,
          w.ownership,
          w.industry,
          newSceneToken(),
          today,
          w.code,
          scope,
        ];
      });
      await insertRows(m, 'homes', HOME_COLUMNS, rows);
      await step(rows.length);
    }

    let orgsUpdated = 0;
    let homesUpdated = 0;
    for (const w of writes) {
      if (!w.existing) continue;
      if (w.target === 'org') {
        await m.update(Org, { id: w.existing.id }, { name: w.name });
        orgsUpdated++;
      } else {
        const { name, kind, industry, ownership, memberCount, workerCount, membershipMode } = w;
        await m.update(Home, { id: w.existing.id }, { name, kind, industry, ownership, memberCount, workerCount, membershipMode });
        homesUpdated++;
      }
      if ((orgsUpdated + homesUpdated) % BATCH === 0) await step(BATCH);
    }
    return { orgsCreated: newOrgs.length, homesCreated: newHomes.length, orgsUpdated, homesUpdated };
  }
}
