import {
  GRIEVANCE_STATUSES,
  GRIEVANCE_TOPICS,
  isAcceptOverdue,
  isFinalOverdue,
  isGrievanceEnded,
  isGrievanceOverdue,
  routesToUpperLevel,
} from '@pingjia/shared';
import { DataSource } from 'typeorm';
import { acceptOverdueSql, chairTopicSql, endedSql, finalOverdueSql, overdueSql } from './grievance-store';

// Each SQL twin must pick exactly the rows its shared TS rule picks: every status and topic, completed
// or not, each limit before, at and after "now".
const NOW = '2026-10-20T08:00:00.000Z';
const TIMES = ['2026-10-20T07:59:59.999Z', NOW, '2026-10-20T08:00:00.001Z'];

interface Row {
  id: number;
  status: (typeof GRIEVANCE_STATUSES)[number];
  topic: (typeof GRIEVANCE_TOPICS)[number];
  completed_at: string | null;
  accept_due_at: string;
  due_at: string;
}

function rows(): Row[] {
  const out: Row[] = [];
  for (const status of GRIEVANCE_STATUSES)
    for (const completed of [null, '2026-10-19T00:00:00.000Z'])
      for (const accept of TIMES)
        for (const due of TIMES)
          out.push({
            id: out.length,
            status,
            topic: GRIEVANCE_TOPICS[out.length % GRIEVANCE_TOPICS.length],
            completed_at: completed,
            accept_due_at: accept,
            due_at: due,
          });
  return out;
}

describe('grievance rules and their SQL twins', () => {
  let ds: DataSource;
  const all = rows();

  beforeAll(async () => {
    ds = await new DataSource({ type: 'better-sqlite3', database: ':memory:', logging: false }).initialize();
    await ds.query(
      'CREATE TABLE grievances (id INTEGER PRIMARY KEY, status TEXT, topic TEXT, completed_at TEXT, accept_due_at TEXT, due_at TEXT)',
    );
    for (const r of all)
      await ds.query('INSERT INTO grievances VALUES (?, ?, ?, ?, ?, ?)', [
        r.id,
        r.status,
        r.topic,
        r.completed_at,
        r.accept_due_at,
        r.due_at,
      ]);
  });
  afterAll(() => ds.destroy());

  const picked = async (where: string) =>
    (
      await ds
        .createQueryBuilder()
        .select('g.id', 'id')
        .from('grievances', 'g')
        .where(where, { now: NOW })
        .orderBy('g.id')
        .getRawMany<{ id: number }>()
    ).map((r) => Number(r.id));
  const deadlines = (r: Row) => ({ status: r.status, completed: r.completed_at !== null, acceptDueAt: r.accept_due_at, dueAt: r.due_at });

  it.each([
    ['overdue', overdueSql('g'), isGrievanceOverdue],
    ['accept overdue', acceptOverdueSql('g'), isAcceptOverdue],
    ['final overdue', finalOverdueSql('g'), isFinalOverdue],
    ['ended', endedSql('g'), (r: ReturnType<typeof deadlines>) => isGrievanceEnded(r.status)],
  ] as const)('%s: the SQL picks the rows the shared rule does', async (_, sql, rule) => {
    const expected = all.filter((r) => rule(deadlines(r), NOW)).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    expect(await picked(sql)).toEqual(expected);
    expect(await picked(`NOT ${sql}`)).toEqual(all.filter((r) => !rule(deadlines(r), NOW)).map((r) => r.id));
  });

  it('a union-topic grievance: the SQL keeps from the chair exactly the topics that go to the level above', async () => {
    expect(await picked(chairTopicSql('g'))).toEqual(all.filter((r) => !routesToUpperLevel(r.topic)).map((r) => r.id));
    expect(GRIEVANCE_TOPICS.filter(routesToUpperLevel)).toEqual(['union']);
  });
});
