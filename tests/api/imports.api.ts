import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { openDb } from '../support/db';
import { postBeforeBodyEnds } from '../support/http';
import { member } from './fixtures';
import { api, createOrg, freshCity } from './oversight.fixtures';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = ['上级工会编码', '名称', '类型', '行业', '所有制', '会员人数', '职工人数', '评议方式', '外部编码'];

const csv = (rows: string[][]) =>
  [HEADER, ...rows].map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n');

async function xlsx(rows: Array<Array<string | number>>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('导入');
  sheet.addRow(HEADER);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function upload(token: string, orgId: string, file: string | Buffer) {
  const res = await fetch(`${process.env.PINGJIA_URL}/api/orgs/${orgId}/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': typeof file === 'string' ? 'text/csv' : XLSX },
    body: typeof file === 'string' ? file : new Uint8Array(file),
  });
  return { status: res.status, body: await res.json() };
}

/** Polls the job until it reaches one of the states (a loaded machine may take a while: no fixed wait). */
async function until(token: string, id: string, states: string[]) {
  const deadline = Date.now() + 50_000;
  for (;;) {
    const res = await api().get(`/api/imports/${id}`, { token });
    expect(res.status).toBe(200);
    if (states.includes(res.body.status)) return res.body;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${res.body.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function checked(token: string, orgId: string, file: string | Buffer) {
  const res = await upload(token, orgId, file);
  expect(res.status).toBe(202);
  expect(res.body.status).toBe('checking');
  return until(token, res.body.id, ['checked', 'failed']);
}

async function applied(token: string, id: string) {
  const res = await api().post(`/api/imports/${id}/apply`, { token });
  expect(res.status).toBe(202);
  return until(token, id, ['applied', 'failed']);
}

async function subtree(orgPathOf: string) {
  const db = await openDb();
  try {
    const [org] = await db.query<{ path: string }>(`SELECT path FROM orgs WHERE id = ?`, [orgPathOf]);
    const orgs = await db.query<{ id: string; name: string; external_code: string }>(
      `SELECT id, name, external_code FROM orgs WHERE path LIKE ? AND id <> ? ORDER BY external_code`,
      [`${org.path}%`, orgPathOf],
    );
    const homes = await db.query<{ id: string; name: string; member_count: number; external_code: string; org_id: string }>(
      `SELECT id, name, member_count, external_code, org_id FROM homes WHERE org_path LIKE ? ORDER BY external_code`,
      [`${org.path}%`],
    );
    return { orgs, homes };
  } finally {
    await db.close();
  }
}

describe('bulk import of unions and homes', () => {
  const tag = () => randomBytes(4).toString('hex').toUpperCase();

  it('serves the template with the Chinese headers, to the org’s admins only', async () => {
    const { adminToken, city } = await freshCity();
    const res = await fetch(`${process.env.PINGJIA_URL}/api/orgs/${city.id}/imports/template.xlsx`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    expect((book.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
    const m = await member();
    expect((await api().get(`/api/orgs/${city.id}/imports/template.xlsx`, { token: m.token })).status).toBe(404);
  });

  it('reports every kind of bad row with line, column and reason, writes nothing, and refuses to apply', async () => {
    const t = tag();
    const { adminToken, provinceId, city } = await freshCity();
    // Another city's county, coded: a row of this city's file may not hang under it.
    const other = await createOrg(adminToken, provinceId, 'city');
    const outside = await checked(adminToken, other.id, csv([['', '邻区总工会', '县（区）总工会', '', '', '', '', '', `${t}-OUT`]]));
    expect((await applied(adminToken, outside.id)).status).toBe('applied');

    const file = csv([
      ['', '甲区总工会', '县（区）总工会', '', '', '', '', '', `${t}-K1`], // 2: fine
      [`${t}-K1`, '甲厂工会职工之家', '企业职工之家', '制造业', '国有', '120', '150', '开放', `${t}-H1`], // 3: fine
      [`${t}-NOPE`, '乙厂工会职工之家', '企业职工之家', '', '', '50', '', '', `${t}-H2`], // 4: unknown parent
      [`${t}-K1`, '丙厂工会职工之家', '企业职工之家', '', '', '50', '', '', `${t}-DUP`], // 5: duplicate code
      [`${t}-K1`, '丁厂工会职工之家', '企业职工之家', '', '', '50', '', '', `${t}-DUP`], // 6: duplicate code
      [`${t}-K1`, '戊厂工会职工之家', '企业职工之家', '', '', '一百', '', '', `${t}-H5`], // 7: bad number
      [`${t}-K1`, '己厂工会职工之家', '合作社', '', '', '50', '', '', `${t}-H6`], // 8: unknown kind
      [`${t}-K1`, '', '企业职工之家', '', '', '50', '', '', `${t}-H7`], // 9: empty name
      [`${t}-K1`, '=HYPERLINK("http://evil.example","点我")', '企业职工之家', '', '', '50', '', '', `${t}-H8`], // 10: formula
      [`${t}-OUT`, '庚厂工会职工之家', '企业职工之家', '', '', '50', '', '', `${t}-H9`], // 11: outside the subtree
    ]);
    const job = await checked(adminToken, city.id, file);
    expect(job.status).toBe('checked');
    expect(job.counts).toEqual({ create: 2, update: 0, unchanged: 0, refused: 8 });

    const refused = await api().get(`/api/imports/${job.id}/rows?outcome=refused`, { token: adminToken });
    expect(refused.status).toBe(200);
    const byLine = Object.fromEntries(
      refused.body.items.map((r: any) => [r.line, r.problems.map((p: any) => `${p.column}：${p.message}`).join(' / ')]),
    );
    expect(Object.keys(byLine).map(Number)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    expect(byLine[4]).toBe(`上级工会编码：找不到上级工会编码「${t}-NOPE」（文件中和系统中都没有）`);
    expect(byLine[5]).toBe('外部编码：外部编码在文件中重复（第 6 行）');
    expect(byLine[6]).toBe('外部编码：外部编码在文件中重复（第 5 行）');
    expect(byLine[7]).toBe('会员人数：「一百」不是有效的人数（1 到 10000000 之间的整数）');
    expect(byLine[8]).toMatch(/^类型：无法识别的类型「合作社」/);
    expect(byLine[9]).toBe('名称：名称不能为空');
    expect(byLine[10]).toMatch(/^名称：以 = \+ - @ 开头的内容可能被表格软件当作公式执行/);
    expect(byLine[11]).toBe('上级工会编码：上级工会不在您的管辖范围内');

    // The Excel report: one line per problem, and the formula comes back as inert text.
    const res = await fetch(`${process.env.PINGJIA_URL}/api/imports/${job.id}/report.xlsx`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = book.worksheets[0];
    const lines: unknown[][] = [];
    sheet.eachRow((row) => {
      row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
      lines.push((row.values as unknown[]).slice(1));
    });
    expect(lines[0]).toEqual(['行号', '结果', '对象', '外部编码', '名称', '列', '说明']);
    expect(lines.filter((l) => l[1] === '拒绝')).toHaveLength(8);
    expect(lines.find((l) => l[0] === 10)?.[4]).toBe(`'=HYPERLINK("http://evil.example","点我")`);
    expect(lines.filter((l) => l[1] === '新建').map((l) => l[0])).toEqual([2, 3]);

    const apply = await api().post(`/api/imports/${job.id}/apply`, { token: adminToken });
    expect(apply.status).toBe(409);
    expect(apply.body.message).toContain('有 8 行被拒绝');
    expect(await subtree(city.id)).toEqual({ orgs: [], homes: [] });
  });

  it("refuses a new home named like one its existing union already has (that union's homes read when first needed)", async () => {
    const t = tag();
    const { adminToken, city } = await freshCity();
    const first = await checked(
      adminToken,
      city.id,
      csv([
        ['', '乙区总工会', '县（区）总工会', '', '', '', '', '', `${t}-K1`],
        [`${t}-K1`, '乙厂工会职工之家', '企业职工之家', '', '', '80', '', '', `${t}-H1`],
      ]),
    );
    expect((await applied(adminToken, first.id)).status).toBe('applied');
    const second = await checked(
      adminToken,
      city.id,
      csv([
        [`${t}-K1`, '乙厂工会职工之家', '企业职工之家', '', '', '60', '', '', `${t}-H2`],
        [`${t}-K1`, '丙厂工会职工之家', '企业职工之家', '', '', '60', '', '', `${t}-H3`],
        // the same name under the city itself: another union, whose homes are other homes
        ['', '乙厂工会职工之家', '企业职工之家', '', '', '60', '', '', `${t}-H4`],
      ]),
    );
    expect(second.counts).toEqual({ create: 2, update: 0, unchanged: 0, refused: 1 });
    const refused = await api().get(`/api/imports/${second.id}/rows?outcome=refused`, { token: adminToken });
    expect(refused.body.items.map((r: any) => [r.line, r.problems.map((p: any) => p.message)])).toEqual([
      [2, ['与同一工会下已有（或文件中前面）的职工之家名称相同或难以区分']],
    ]);
  });

  it('applies a clean file all at once, audited; the same file again changes nothing; a change updates in place', async () => {
    const t = tag();
    const { adminToken, city } = await freshCity();
    const rows: Array<Array<string | number>> = [
      [`${t}-K1`, '甲厂工会职工之家', '企业职工之家', '制造业', '国有', 120, 150, '开放', `${t}-H1`],
      ['', '甲区总工会', '县（区）总工会', '', '', '', '', '', `${t}-K1`],
      [`${t}-S1`, '园区联合职工之家', '联合职工之家', '', '民营', 300, '', '名册', `${t}-H2`],
      [`${t}-K1`, '甲街道工会', '街道（园区）工会', '', '', '', '', '', `${t}-S1`],
    ];
    const job = await checked(adminToken, city.id, await xlsx(rows));
    expect(job.counts).toEqual({ create: 4, update: 0, unchanged: 0, refused: 0 });
    // Nothing is written by the dry run.
    expect(await subtree(city.id)).toEqual({ orgs: [], homes: [] });

    const done = await applied(adminToken, job.id);
    expect(done.status).toBe('applied');
    expect(done.applied).toEqual({ orgsCreated: 2, homesCreated: 2, orgsUpdated: 0, homesUpdated: 0 });
    expect((await api().post(`/api/imports/${job.id}/apply`, { token: adminToken })).status).toBe(409);
    const first = await subtree(city.id);
    expect(first.orgs.map((o) => [o.external_code, o.name])).toEqual([
      [`${t}-K1`, '甲区总工会'],
      [`${t}-S1`, '甲街道工会'],
    ]);
    expect(first.homes.map((h) => [h.external_code, h.name, Number(h.member_count)])).toEqual([
      [`${t}-H1`, '甲厂工会职工之家', 120],
      [`${t}-H2`, '园区联合职工之家', 300],
    ]);
    expect(first.homes[1].org_id).toBe(first.orgs[1].id);

    const audit = await api().get(`/api/orgs/${city.id}/audit`, { token: adminToken });
    const event = audit.body.items.find((e: any) => e.action === 'import.apply');
    expect(event.detail).toMatchObject({ orgsCreated: 2, homesCreated: 2, orgsUpdated: 0, homesUpdated: 0 });
    expect(event.actor.role).toBe('federation_admin');

    // The same file again: all unchanged, and applying it writes nothing (same ids, same values).
    const again = await checked(adminToken, city.id, await xlsx(rows));
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 4, refused: 0 });
    expect((await applied(adminToken, again.id)).applied).toEqual({ orgsCreated: 0, homesCreated: 0, orgsUpdated: 0, homesUpdated: 0 });
    expect(await subtree(city.id)).toEqual(first);

    // A corrected member count: one update, in place.
    const fixed = rows.map((r) => (r[8] === `${t}-H1` ? [...r.slice(0, 5), 130, ...r.slice(6)] : r));
    const third = await checked(adminToken, city.id, csv(fixed.map((r) => r.map(String))));
    expect(third.counts).toEqual({ create: 0, update: 1, unchanged: 3, refused: 0 });
    const updates = await api().get(`/api/imports/${third.id}/rows?outcome=update`, { token: adminToken });
    expect(updates.body.items).toEqual([expect.objectContaining({ line: 2, code: `${t}-H1`, changes: ['会员人数'] })]);
    expect((await applied(adminToken, third.id)).applied).toEqual({ orgsCreated: 0, homesCreated: 0, orgsUpdated: 0, homesUpdated: 1 });
    const after = await subtree(city.id);
    expect(after.homes.map((h) => [h.id, Number(h.member_count)])).toEqual([
      [first.homes[0].id, 130],
      [first.homes[1].id, 300],
    ]);
  });

  it('keeps a job to its uploader, and refuses a non-spreadsheet body, an unreadable file, too many rows and too many bytes', async () => {
    const { adminToken, city } = await freshCity();
    const job = await checked(adminToken, city.id, csv([['', '乙区总工会', '县（区）总工会', '', '', '', '', '', `${tag()}-K`]]));
    const m = await member();
    expect((await api().get(`/api/imports/${job.id}`, { token: m.token })).status).toBe(404);
    expect((await api().post(`/api/imports/${job.id}/apply`, { token: m.token })).status).toBe(404);
    expect(
      (await api().post(`/api/orgs/${city.id}/imports`, { token: m.token, raw: 'a,b\n', headers: { 'content-type': 'text/csv' } })).status,
    ).toBe(404);
    const json = await api().post(`/api/orgs/${city.id}/imports`, { token: adminToken, body: { rows: [] } });
    expect(json.status).toBe(415);
    const noHeader = await api().post(`/api/orgs/${city.id}/imports`, {
      token: adminToken,
      raw: '甲,乙\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(noHeader.status).toBe(400);
    expect(noHeader.body.message).toContain('缺少「名称」「类型」「外部编码」列');
    const notZip = await upload(adminToken, city.id, Buffer.from('not a zip at all'));
    expect(notZip.status).toBe(400);
    // Bounded: more rows than one import takes, and more bytes than IMPORT_LIMIT_BYTES (16 MB).
    const manyRows = await upload(adminToken, city.id, `${HEADER.join(',')}\n${',甲,乙,,,,,,C\n'.repeat(100_001)}`);
    expect(manyRows.status).toBe(413);
    expect(manyRows.body.message).toContain('一次最多导入 100000 行');
    // Refused on the declared length: the 413 is read, or the server's close beats it (nothing was read either way).
    const tooBig = await postBeforeBodyEnds(
      `${process.env.PINGJIA_URL}/api/orgs/${city.id}/imports`,
      adminToken,
      Buffer.from(`${HEADER.join(',')}\n${'x'.repeat(17 * 1024 * 1024)}`),
      'text/csv',
    );
    if (tooBig.status !== 0) expect([tooBig.status, tooBig.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    else expect(['EPIPE', 'ECONNRESET']).toContain(tooBig.error);
    expect((await api().get(`/api/imports/${job.id}`, { token: adminToken })).status).toBe(200);
  });
});
