import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../database/database-options';
import { Grievance } from './grievance.entity';
import { StaffNotification } from './staff-notification.entity';
import { insertRows } from '../common/insert-rows';

// insertRows replaced the entity inserts of the grievance filing: it must store exactly what m.insert
// stored (booleans, nulls, every column), and several rows in one statement.
describe('insertRows', () => {
  let ds: DataSource;

  beforeAll(async () => {
    ds = await new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [Grievance, StaffNotification],
      migrations: MIGRATIONS,
      logging: false,
    }).initialize();
    await ds.runMigrations();
  });
  afterAll(() => ds.destroy());

  const grievance = (id: string, over: Partial<Grievance> = {}): Grievance => ({
    id,
    homeId: randomUUID(),
    orgId: null,
    orgPath: '/p/c/',
    handlerOrgId: null,
    handlerOrgPath: null,
    escalated: false,
    questionOpen: false,
    type: 'complaint',
    topic: 'wages',
    content: '拖欠工资',
    contentStatus: 'approved',
    anonymous: true,
    reporterKey: `r2:${id}`,
    reporterName: null,
    contact: null,
    trackingHash: id.replace(/-/g, ''),
    status: 'submitted',
    version: 1,
    acceptDueAt: '2026-12-07T16:00:00.000Z',
    dueAt: '2026-12-23T16:00:00.000Z',
    completedAt: null,
    onTime: null,
    extended: false,
    reopened: true,
    acceptReminded: false,
    finalReminded: true,
    feedbackVerdict: null,
    feedbackComment: null,
    createdAt: '2026-12-05T23:00:00.000Z',
    updatedAt: '2026-12-05T23:00:00.000Z',
    ...over,
  });

  it('stores a row exactly as the entity insert does', async () => {
    for (const over of [{}, { anonymous: false, reporterName: '张三', contact: '13800000001', onTime: true, escalated: true }]) {
      const [a, b] = [randomUUID(), randomUUID()];
      await ds.manager.insert(Grievance, grievance(a, over));
      await insertRows(ds.manager, Grievance, [grievance(b, over)]);
      const [byEntity, byRows] = await Promise.all(
        [a, b].map(async (id) => {
          const [row] = (await ds.query('SELECT * FROM grievances WHERE id = ?', [id])) as Record<string, unknown>[];
          return { ...row, id: null, reporter_key: null, tracking_hash: null, home_id: null };
        }),
      );
      expect(byRows).toEqual(byEntity);
      // read back through the entity: the booleans are booleans again
      expect(await ds.manager.findOneByOrFail(Grievance, { id: b })).toEqual(grievance(b, { ...over, homeId: expect.any(String) }));
    }
  });

  it('inserts several rows in one statement, and nothing for none', async () => {
    const grievanceId = randomUUID();
    const rows = [1, 2, 3].map((i) => ({
      id: randomUUID(),
      userId: randomUUID(),
      grievanceId,
      kind: 'new' as const,
      text: `家${i}：有一件新的诉求待受理`,
      createdAt: '2026-12-05T16:00:00.000Z',
      readAt: null,
    }));
    const query = jest.spyOn(ds.manager, 'query');
    await insertRows(ds.manager, StaffNotification, rows);
    await insertRows(ds.manager, StaffNotification, []);
    expect(query).toHaveBeenCalledTimes(1);
    query.mockRestore();
    const stored = (await ds.query('SELECT id, text FROM staff_notifications WHERE grievance_id = ? ORDER BY text', [grievanceId])) as {
      id: string;
      text: string;
    }[];
    expect(stored).toEqual(rows.map((r) => ({ id: r.id, text: r.text })));
  });
});
