// Spreadsheet bombs sent as a roster by a federation admin (any chair could), against a production start.
// Memory is the server process's own: its peak resident size (VmHWM) is reset before each upload
// (clear_refs 5) and read after, so each figure is what that one upload added on top of the server's
// resident size before it.
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { postBeforeBodyEnds } from '../support/http';
import { manySheets, xlsxBomb } from '../support/xlsx-bombs';
import { ADMIN, ProdServer, login, startProdServer } from './prod-server';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MB = 1024 * 1024;

function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)![1]) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

describe('roster spreadsheet bombs', () => {
  let s: ProdServer;
  let token: string;
  let homeId: string;
  beforeAll(async () => {
    s = await startProdServer('uploads');
    token = await login(s.api, ADMIN.username, ADMIN.password);
    const me = await s.api.get('/api/me', { token });
    const provinceId = me.body.roles[0].orgId;
    const home = await s.api.post('/api/homes', {
      token,
      body: { orgId: provinceId, name: `名册厂工会${Date.now()}`, kind: 'enterprise', memberCount: 50, membershipMode: 'roster' },
    });
    expect(home.status).toBe(201);
    homeId = home.body.id;
  });
  afterAll(() => s?.close());

  const upload = async (file: Buffer) => {
    const pid = s.server.process.pid!;
    // Settle what earlier requests left, then start the peak from the present size.
    await new Promise((r) => setTimeout(r, 200));
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    const before = memory(pid);
    const started = Date.now();
    const res = await fetch(`${s.url}/api/homes/${homeId}/roster`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': XLSX },
      body: new Uint8Array(file),
    });
    const ms = Date.now() - started;
    const body = await res.json();
    const after = memory(pid);
    return { status: res.status, code: body.code, ms, growthMb: (after.peak - before.rss) / MB };
  };

  // Deflate gives at most ~1000:1, so a 400 KB file inflates to 400 MB at most (exceljs made ~1 GB of
  // objects of it in memory); rows of a real-looking member repeated give ~280:1.
  it.each([
    ['a 400 KB workbook of one member repeated (~110 MB of sheet)', 400 * 1024, {}],
    ['a 400 KB workbook of one endless name (~400 MB of sheet)', 400 * 1024, { oneLongCell: true }],
    ['a 2.3 MB workbook of one member repeated (~660 MB of sheet)', 2.3 * MB, {}],
    ['a 2.3 MB workbook of one endless name (~2.3 GB of sheet)', 2.3 * MB, { oneLongCell: true }],
    ['the 2.3 MB one of one member repeated, claiming a small size in its zip headers', 2.3 * MB, { declaredSize: false }],
    ['the 2.3 MB one of one endless name, claiming a small size in its zip headers', 2.3 * MB, { declaredSize: false, oneLongCell: true }],
  ])('refuses %s within a second, growing the server by under 50 MB', async (label, bytes, opts) => {
    const bomb = xlsxBomb(bytes, opts);
    const r = await upload(bomb.file);
    process.stdout.write(
      `xlsx bomb: ${label}: file ${(bomb.file.length / 1024).toFixed(0)} KB, sheet ${(bomb.inflatedBytes / MB).toFixed(0)} MB inflated → ${r.status} ${r.code} in ${r.ms} ms, peak RSS growth ${r.growthMb.toFixed(1)} MB\n`,
    );
    expect([400, 413]).toContain(r.status);
    expect(r.ms).toBeLessThan(1000);
    expect(r.growthMb).toBeLessThan(50);
    // Nothing was imported, and the server goes on.
    expect((await s.api.get(`/api/homes/${homeId}/grants`, { token })).status).toBe(200);
  });

  it('refuses an upload over 5 MB as sent with 413', async () => {
    const pid = s.server.process.pid!;
    const r = await postBeforeBodyEnds(
      `${s.url}/api/homes/${homeId}/roster`,
      token,
      Buffer.concat([xlsxBomb(1).file, Buffer.alloc(6 * MB)]),
    );
    // The server refuses on the declared length and closes the connection: the client either reads the
    // 413 or, if the close beats the answer, sees its write refused. Either way nothing was read.
    if (r.status !== 0) expect([r.status, r.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    else expect(['EPIPE', 'ECONNRESET']).toContain(r.error);
    expect(s.server.process.pid).toBe(pid);
    expect((await s.api.get(`/api/homes/${homeId}/grants`, { token })).status).toBe(200);
  });

  it('refuses a workbook of 1,000 sheets without inflating any', async () => {
    const r = await upload(manySheets(1000));
    expect(r.status).toBe(413);
    expect(r.ms).toBeLessThan(1000);
  });

  it('still imports an honest workbook of 20,000 members', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('名册');
    sheet.addRow(['姓名', '会员编号', '手机号']);
    for (let i = 0; i < 20_000; i++) sheet.addRow([`会员${i}`, `GH${String(i).padStart(6, '0')}`, 13800000000 + i * 7]);
    const r = await upload(Buffer.from(await book.xlsx.writeBuffer()));
    process.stdout.write(`xlsx honest: 20,000 members → ${r.status} in ${r.ms} ms, peak RSS growth ${r.growthMb.toFixed(1)} MB\n`);
    expect(r.status).toBe(201);
  });
});

/** POSTs with node:http, which keeps an answer that arrives while the body is still going out. */
