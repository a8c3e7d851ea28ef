// Import jobs live in the database (issue 17): a second server on the same database answers the polls,
// pages the report and runs the apply of a job the first one checked; a job whose server was killed
// mid-run is failed with a message saying so once its heartbeat is stale (IMPORT_JOB_STALE_MS=6000
// here: long enough that a loaded machine's pauses never pass for a dead server), never forgotten, and an apply killed half-way wrote nothing. Servers of this suite's own on one
// database (SQLite file, or a MariaDB database of its own with TEST_DATABASE_URL); waits for states.
import ExcelJS from 'exceljs';
import { openDb } from '../support/db';
import { client } from '../support/http';
import { RunningServer, startServer } from '../support/server';
import { ADMIN } from './global-setup';
import { eventually } from './grievances.fixtures';
import { ownServerEnv, sharedDatabaseSuite } from './own-server';

type Api = ReturnType<typeof client>;
const HEADER = ['上级工会编码', '名称', '类型', '行业', '所有制', '会员人数', '职工人数', '评议方式', '外部编码'];
const csv = (rows: string[][]) => [HEADER, ...rows].map((r) => r.join(',')).join('\n');
/** `n` homes under the import's org; a row numbered in `refused` has no name */
const homes = (tag: string, n: number, refused: number[] = []) =>
  csv(
    Array.from({ length: n }, (_, i) => [
      '',
      refused.includes(i) ? '' : `导入之家${tag}${i}`,
      '企业职工之家',
      '',
      '',
      '50',
      '',
      '开放',
      `${tag}-${i}`,
    ]),
  );

const suite = sharedDatabaseSuite('import_jobs');

/** A server on this suite's database (started one after another, so only the first seeds it). */
async function start(): Promise<Api> {
  const server = await startServer(
    {
      ...ownServerEnv(suite.target, suite.wechat),
      CAMPAIGN_SCHEDULE_INTERVAL_MS: '0',
      IMPORT_JOB_STALE_MS: '6000',
    },
    90_000,
  );
  suite.running.push(server);
  const api = client(server.url);
  (api as Api & { server: RunningServer }).server = server;
  return api;
}

async function kill(api: Api): Promise<void> {
  const server = (api as Api & { server: RunningServer }).server;
  await server.stop('SIGKILL');
  suite.running.splice(suite.running.indexOf(server), 1);
}

async function login(api: Api) {
  const res = await api.post('/api/auth/password', { body: ADMIN });
  expect(res.status).toBe(200);
  const provinceId = res.body.user.roles.find((r: { role: string }) => r.role === 'federation_admin').orgId;
  return { token: res.body.token as string, provinceId: provinceId as string };
}

async function upload(api: Api, token: string, orgId: string, file: string): Promise<string> {
  const res = await api.post(`/api/orgs/${orgId}/imports`, { token, raw: file, headers: { 'content-type': 'text/csv' } });
  expect([res.status, res.body.status]).toEqual([202, 'checking']);
  return res.body.id;
}

async function until(api: Api, token: string, id: string, states: string[]) {
  const job = await eventually(
    async () => (await api.get(`/api/imports/${id}`, { token })).body,
    (j) => states.includes(j.status),
    120_000,
  );
  expect(states).toContain(job.status);
  return job;
}

async function importedHomes(tag: string): Promise<number> {
  const db = await openDb(suite.target.url, suite.target.dataDir);
  try {
    const [row] = await db.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM homes WHERE external_code LIKE ?', [`${tag}-%`]);
    return Number(row.n);
  } finally {
    await db.close();
  }
}

const tagOf = () => `J${Math.random().toString(36).slice(2, 8)}`;

describe('import jobs in the database', () => {
  it('are polled, paged and applied from another server on the same database', async () => {
    const a = await start();
    const b = await start();
    const { token, provinceId } = await login(a);
    const city = await a.post('/api/orgs', { token, body: { parentId: provinceId, name: `导入市${tagOf()}`, level: 'city' } });
    expect(city.status).toBe(201);

    // 2,500 rows, four refused across the stored chunks of 1,000: pages read from b, whichever chunk they lie in.
    const big = await upload(a, token, city.body.id, homes(tagOf(), 2500, [5, 999, 1000, 2400]));
    const job = await until(b, token, big, ['checked']);
    expect(job.counts).toEqual({ create: 2496, update: 0, unchanged: 0, refused: 4 });
    const refused = await b.get(`/api/imports/${big}/rows?outcome=refused&pageSize=3&page=2`, { token });
    expect([refused.body.total, refused.body.items.map((r: { line: number }) => r.line)]).toEqual([4, [2402]]);
    const firstRefused = await b.get(`/api/imports/${big}/rows?outcome=refused&pageSize=3`, { token });
    expect(firstRefused.body.items.map((r: { line: number }) => r.line)).toEqual([7, 1001, 1002]);
    const across = await b.get(`/api/imports/${big}/rows?page=10&pageSize=100`, { token });
    expect(across.body.total).toBe(2500);
    expect(across.body.items.map((r: { line: number }) => r.line)).toEqual(Array.from({ length: 100 }, (_, i) => 902 + i));
    // The Excel report, written from the stored chunks one at a time: refused rows first, then the rest, each in file order.
    const report = await fetch(`${(b as Api & { server: RunningServer }).server.url}/api/imports/${big}/report.xlsx`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(report.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await report.arrayBuffer()) as never);
    const lines: Array<[unknown, unknown]> = [];
    book.worksheets[0].eachRow((row, n) => n > 1 && lines.push([row.getCell(1).value, row.getCell(2).value]));
    const refusedLines = [7, 1001, 1002, 2402];
    expect(lines).toEqual([
      ...refusedLines.map((l) => [l, '拒绝']),
      ...Array.from({ length: 2500 }, (_, i) => i + 2)
        .filter((l) => !refusedLines.includes(l))
        .map((l) => [l, '新建']),
    ]);

    // A clean file checked on a, applied on b, seen applied on a.
    const tag = tagOf();
    const clean = await upload(a, token, city.body.id, homes(tag, 3));
    expect((await until(b, token, clean, ['checked'])).counts.create).toBe(3);
    expect((await b.post(`/api/imports/${clean}/apply`, { token })).status).toBe(202);
    const done = await until(a, token, clean, ['applied', 'failed']);
    expect([done.status, done.applied]).toEqual(['applied', { orgsCreated: 0, homesCreated: 3, orgsUpdated: 0, homesUpdated: 0 }]);
    expect(await importedHomes(tag)).toBe(3);
    expect((await a.post(`/api/imports/${clean}/apply`, { token })).status).toBe(409);
    await kill(a);
    await kill(b);
  }, 300_000);

  it('fails a job whose server was killed, after a restart and on another server, and an apply killed half-way writes nothing', async () => {
    let a = await start();
    const b = await start();
    const { token, provinceId } = await login(a);
    const city = await a.post('/api/orgs', { token, body: { parentId: provinceId, name: `中断市${tagOf()}`, level: 'city' } });
    const tag = tagOf();
    const file = homes(tag, 12_000);

    // Killed during the dry run (right after its 202), then started again: the job is failed, not lost.
    const checking = await upload(a, token, city.body.id, file);
    await kill(a);
    a = await start();
    const stopped = await until(a, token, checking, ['failed', 'checked']);
    expect(stopped.status).toBe('failed');
    expect(stopped.error.message).toMatch(/中断.*重新上传/);

    // Killed during the apply: failed as seen from the other server, and not one home written.
    const id = await upload(a, token, city.body.id, file);
    expect((await until(b, token, id, ['checked', 'failed'])).status).toBe('checked');
    expect((await a.post(`/api/imports/${id}/apply`, { token })).status).toBe(202);
    await kill(a);
    const applying = await until(b, token, id, ['failed', 'applied']);
    expect(applying.status).toBe('failed');
    expect(applying.error.message).toMatch(/中断/);
    expect(await importedHomes(tag)).toBe(0);
    // …and the user may import again at once (the stopped job no longer counts as running).
    expect((await upload(b, token, city.body.id, homes(tagOf(), 2))).length).toBeGreaterThan(0);
    await kill(b);
  }, 400_000);
});
