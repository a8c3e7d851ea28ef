import { existsSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { GRIEVANCE_ATTACHMENT_MAX_BYTES, GRIEVANCE_ATTACHMENT_MAX_COUNT } from '@pingjia/shared';
import { client } from '../support/http';
import { complaint, GOOD_CONTENT, grievanceFixtures, Person, PDF_TRACES, PDF_WITH_METADATA, rows } from './grievances.fixtures';

// Issue 19, items 2-3: the conversation seen and continued by tracking code, questions and answers,
// withdrawal, evidence (attachments) and filing straight to a federation.
const base = () => process.env.PINGJIA_URL!;
const api = () => client(base());
const fx = () => grievanceFixtures(api(), { dataDir: process.env.PINGJIA_DATA_DIR, url: process.env.TEST_DATABASE_URL });
const track = (code: string, rest = '') => `/api/grievances/track/${code}${rest}`;

/** A raw upload, as the app sends it: the file's bytes, application/octet-stream. */
async function upload(path: string, bytes: Buffer, token?: string, type = 'application/octet-stream') {
  const res = await fetch(base() + path, {
    method: 'POST',
    headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: new Uint8Array(bytes),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/**
 * An upload over the limit, with node:http (which keeps an answer that arrives while the body is still
 * going out): declared up front, or chunked so only counting while it streams can stop it.
 */
function oversized(path: string, body: Buffer, token: string, chunked: boolean): Promise<{ status: number; error?: string }> {
  return new Promise((resolve) => {
    let answered = false;
    const headers: Record<string, string | number> = { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' };
    if (!chunked) headers['content-length'] = body.length;
    const req = request(base() + path, { method: 'POST', headers }, (res) => {
      answered = true;
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (!answered) resolve({ status: 0, error: e.code });
    });
    if (!chunked) return void req.end(body);
    const piece = 256 * 1024;
    for (let i = 0; i < body.length; i += piece) req.write(body.subarray(i, i + piece));
    req.end();
  });
}

async function download(path: string, token?: string) {
  const res = await fetch(base() + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    disposition: res.headers.get('content-disposition'),
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}

/** A phone photo: a JPEG carrying the camera's make and the GPS position where it was taken. */
const GPS_LATITUDE = '39/1 54/1 2710/100';
async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a6' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Worker Phone 7' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: GPS_LATITUDE, GPSLongitudeRef: 'E', GPSLongitude: '116/1 23/1 1700/100' },
    })
    .toBuffer();
}
const PDF = PDF_WITH_METADATA;

describe('tracking by code: the conversation, and feedback from any device', () => {
  it('shows the holder of the code the question, reply, extension reason and result, takes answers and feedback, and names no one', async () => {
    const f = fx();
    const w = await f.world();
    const filed = await f.file(w.worker, complaint(w.homeA.id, { anonymous: false, contact: '13912345678' }));
    expect(filed.status).toBe(201);
    const { id, trackingCode: code } = filed.body;
    expect((await f.act(w.chairA, id, { action: 'accept' })).status).toBe(200);
    const asked = await f.act(w.chairA, id, { action: 'ask', message: '请问拖欠的是哪几个月的加班工资？' });
    expect(asked.status).toBe(200);
    expect(asked.body.questionOpen).toBe(true);
    // One open question at a time.
    expect((await f.act(w.chairA, id, { action: 'ask', message: '还有别的问题' })).status).toBe(409);

    // A new device: nothing but the code (no token).
    let t = await api().get(track(code));
    expect(t.status).toBe(200);
    expect(t.body.can).toEqual({ answer: true, withdraw: true, feedback: false, attach: true });
    expect(t.body.timeline.at(-1)).toMatchObject({ kind: 'asked', actorRole: 'chair', message: '请问拖欠的是哪几个月的加班工资？' });
    const answered = await api().post(track(code, '/answers'), { body: { message: '七月到九月，共三个月。' } });
    expect(answered.status).toBe(200);
    expect(answered.body.can.answer).toBe(false);
    expect(answered.body.timeline.at(-1)).toMatchObject({ kind: 'answered', actorRole: 'reporter', message: '七月到九月，共三个月。' });
    // Answered once: a second answer has no question to answer.
    expect((await api().post(track(code, '/answers'), { body: { message: '再补充一句' } })).status).toBe(409);

    const chairView = await api().get(`/api/grievances/${id}`, { token: w.chairA.token });
    expect(chairView.body.questionOpen).toBe(false);
    expect(chairView.body.timeline.map((e: any) => e.kind)).toEqual(['submitted', 'accepted', 'asked', 'answered']);
    expect((await f.act(w.chairA, id, { action: 'extend', days: 3, message: '需要向企业财务核实' })).status).toBe(200);
    expect((await f.act(w.chairA, id, { action: 'resolve', message: '企业已补发三个月加班工资。' })).status).toBe(200);

    t = await api().get(track(code));
    expect(t.body.status).toBe('resolved');
    expect(t.body.can).toEqual({ answer: false, withdraw: false, feedback: true, attach: true });
    const messages = t.body.timeline.map((e: any) => e.message);
    expect(messages).toContain('需要向企业财务核实');
    expect(messages).toContain('企业已补发三个月加班工资。');
    // The code shows the conversation, not the grievance's content or who filed it.
    for (const secret of [GOOD_CONTENT, '13912345678', w.worker.id]) expect(t.text).not.toContain(secret);

    const bad = await api().post(track(code, '/feedback'), { body: { verdict: 'meh' } });
    expect(bad.status).toBe(400);
    const fed = await api().post(track(code, '/feedback'), { body: { verdict: 'satisfied', comment: '处理及时' } });
    expect(fed.status).toBe(200);
    expect(fed.body.status).toBe('closed');
    expect(fed.body.feedback).toEqual({ verdict: 'satisfied', comment: '处理及时' });
    expect((await api().post(track(code, '/feedback'), { body: { verdict: 'dissatisfied' } })).status).toBe(409);
    // The reporter's own view in the app shows the same verdict.
    const mine = await api().get(`/api/grievances/${id}`, { token: w.worker.token });
    expect(mine.body.feedback).toEqual({ verdict: 'satisfied', comment: '处理及时' });

    expect((await api().post(track('Z'.repeat(20), '/feedback'), { body: { verdict: 'satisfied' } })).status).toBe(404);
  });
});

describe('questions and answers in the app', () => {
  it('lets the signed-in reporter answer, and nobody else', async () => {
    const f = fx();
    const w = await f.world();
    const other: Person = await f.person();
    const { id } = (await f.file(w.worker, complaint(w.homeA.id, { type: 'help' }))).body;
    expect((await f.act(w.chairA, id, { action: 'ask', message: '请补充' })).status).toBe(409); // not accepted yet
    await f.act(w.chairA, id, { action: 'accept' });
    expect((await f.act(w.chairA, id, { action: 'ask', message: '   ' })).status).toBe(400);
    expect((await f.act(w.chairA, id, { action: 'ask', message: '请提供工资条' })).status).toBe(200);

    const answer = (who: Person, message: string) => api().post(`/api/grievances/${id}/answers`, { token: who.token, body: { message } });
    expect((await answer(other, '不是我的诉求')).status).toBe(404);
    expect((await answer(w.chairA, '主席不能替职工回答')).status).toBe(404);
    expect((await answer(w.chairB, '别家主席')).status).toBe(404);
    expect((await answer(w.worker, '')).status).toBe(400);
    const ok = await answer(w.worker, '工资条已拍照上传');
    expect(ok.status).toBe(200);
    expect(ok.body.questionOpen).toBe(false);
    expect(ok.body.timeline.at(-1)).toMatchObject({ kind: 'answered', actorRole: 'reporter', message: '工资条已拍照上传' });
    expect((await answer(w.worker, '再答一次')).status).toBe(409);
    // The next question may follow the answer.
    expect((await f.act(w.chairA, id, { action: 'ask', message: '是否签了劳动合同？' })).status).toBe(200);
    // The handler of an anonymous grievance sees the day of the worker's answer, not the minute.
    const seen = await api().get(`/api/grievances/${id}`, { token: w.chairA.token });
    const answeredEvent = seen.body.timeline.find((e: any) => e.kind === 'answered');
    expect(answeredEvent.at).toBeNull();
    expect(answeredEvent.on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('withdrawal', () => {
  it('lets the reporter withdraw before an answer, by session or by code, and never after', async () => {
    const f = fx();
    const w = await f.world();
    const a = (await f.file(w.worker, complaint(w.homeA.id))).body;
    const b = (await f.file(w.worker, complaint(w.homeA.id))).body;
    const c = (await f.file(w.worker, complaint(w.homeA.id, { type: 'enquiry' }))).body;
    const statsBefore = (await api().get(`/api/homes/${w.homeA.id}/grievance-stats`, { token: w.chairA.token })).body;

    expect((await api().post(`/api/grievances/${a.id}/withdraw`, { token: w.chairA.token })).status).toBe(404);
    const gone = await api().post(`/api/grievances/${a.id}/withdraw`, { token: w.worker.token });
    expect(gone.status).toBe(200);
    expect(gone.body.status).toBe('withdrawn');
    expect(gone.body.timeline.at(-1)).toMatchObject({ kind: 'withdrawn', actorRole: 'reporter' });
    expect((await f.act(w.chairA, a.id, { action: 'accept' })).status).toBe(409);
    expect((await api().post(`/api/grievances/${a.id}/withdraw`, { token: w.worker.token })).status).toBe(409);

    await f.act(w.chairA, b.id, { action: 'accept' });
    const byCode = await api().post(track(b.trackingCode, '/withdraw'));
    expect(byCode.status).toBe(200);
    expect(byCode.body.status).toBe('withdrawn');
    expect(byCode.body.can).toEqual({ answer: false, withdraw: false, feedback: false, attach: false });

    // Answered: too late to withdraw.
    await f.act(w.chairA, c.id, { action: 'accept' });
    await f.act(w.chairA, c.id, { action: 'reply', message: '依法应当按 1.5 倍支付加班工资。' });
    const late = await api().post(track(c.trackingCode, '/withdraw'));
    expect(late.status).toBe(409);
    expect((await api().get(track(c.trackingCode))).body.status).toBe('replied');

    const stats = (await api().get(`/api/homes/${w.homeA.id}/grievance-stats`, { token: w.chairA.token })).body;
    expect(stats.total).toBe(statsBefore.total);
    expect(stats.open).toBe(statsBefore.open - 2);
    // The record of the withdrawal names a role, never a person.
    const events = await rows('SELECT actor_role FROM grievance_events WHERE grievance_id = ? AND kind = ?', [a.id, 'withdrawn']);
    expect(events).toEqual([{ actor_role: 'reporter' }]);
  });
});

describe('attachments', () => {
  it('stores a photo without its GPS metadata, outside the database, readable by the reporter and the handler only', async () => {
    const f = fx();
    const w = await f.world();
    const stranger = await f.person();
    const g = (await f.file(w.worker, complaint(w.homeA.id))).body;
    const photo = await photoWithGps();
    expect((await sharp(photo).metadata()).exif?.toString('latin1')).toContain('PhoneMaker');

    const up = await upload(`/api/grievances/${g.id}/attachments`, photo, w.worker.token);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ kind: 'image', mime: 'image/jpeg', status: 'approved' });
    expect(Object.keys(up.body).sort()).toEqual(['id', 'kind', 'mime', 'on', 'size', 'status']);
    const path = `/api/grievances/${g.id}/attachments/${up.body.id}`;

    const mine = await download(path, w.worker.token);
    expect(mine.status).toBe(200);
    expect(mine.type).toBe('image/jpeg');
    const meta = await sharp(mine.bytes).metadata();
    expect(meta.format).toBe('jpeg');
    expect([meta.width, meta.height]).toEqual([64, 48]);
    expect(meta.exif).toBeUndefined();
    expect(mine.bytes.includes(Buffer.from('PhoneMaker'))).toBe(false);
    expect(mine.bytes.includes(Buffer.from('GPS'))).toBe(false);

    expect((await download(path, w.chairA.token)).status).toBe(200);
    for (const outsider of [w.chairB, stranger]) expect((await download(path, outsider.token)).status).toBe(404);
    expect((await download(path)).status).toBe(401);
    // The handler's view lists it; the chair of another home learns nothing.
    const view = await api().get(`/api/grievances/${g.id}`, { token: w.chairA.token });
    expect(view.body.attachments.map((a: any) => a.id)).toEqual([up.body.id]);
    // Strangers cannot add to it either.
    expect((await upload(`/api/grievances/${g.id}/attachments`, photo, w.chairB.token)).status).toBe(404);

    // Bytes under the data folder, not in the database.
    const [row] = await rows('SELECT * FROM grievance_attachments WHERE id = ?', [up.body.id]);
    expect(Object.keys(row).sort()).toEqual([
      'check_attempts',
      'check_openid',
      'check_retry_at',
      'check_sent_at',
      'check_token',
      'check_trace_id',
      'created_on',
      'grievance_id',
      'held_for',
      'id',
      'kind',
      'mime',
      'seq',
      'size',
      'status',
      'storage_key',
    ]);
    // No media check here (not configured): nothing WeChat could download it by.
    expect([row.check_token, row.check_trace_id, row.check_openid, row.held_for]).toEqual([null, null, null, null]);
    if (process.env.PINGJIA_DATA_DIR && !process.env.TEST_DATABASE_URL) {
      const dir = join(process.env.PINGJIA_DATA_DIR, 'attachments');
      expect(existsSync(join(dir, row.storage_key))).toBe(true);
      expect(readdirSync(dir).some((n) => n.includes(g.id))).toBe(false);
    }

    // Never in an export: the home's and the city's workbooks hold no trace of it.
    for (const p of [`/api/homes/${w.homeA.id}/export.xlsx`, `/api/orgs/${w.city.id}/export.xlsx`]) {
      const x = await download(p, p.includes('homes') ? w.chairA.token : w.cityAdmin.token);
      expect(x.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(x.bytes as any);
      const cells: string[] = [];
      book.eachSheet((s) => s.eachRow((r) => r.eachCell((c) => void cells.push(String(c.text)))));
      const all = cells.join('\n');
      expect(all).not.toContain(up.body.id);
      expect(all).not.toContain(row.storage_key);
      expect(all).not.toMatch(/附件|attachment/i);
    }
  });

  it('checks the type by content, bounds size and count, and takes uploads by tracking code', async () => {
    const f = fx();
    const w = await f.world();
    const g = (await f.file(w.worker, complaint(w.homeA.id))).body;
    const at = `/api/grievances/${g.id}/attachments`;
    // A script named like a photo, declared as a photo, or sent as the bytes it is: refused by content.
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const notImage = await upload(at, html, w.worker.token);
    expect(notImage.status).toBe(400);
    expect(notImage.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: { file: expect.any(String) } });
    expect((await upload(at, html, w.worker.token, 'image/jpeg')).status).toBe(415);
    // JPEG's magic bytes in front of garbage: not an image sharp can read.
    expect((await upload(at, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), html]), w.worker.token)).status).toBe(400);
    expect((await upload(at, Buffer.alloc(0), w.worker.token)).status).toBe(400);
    for (const chunked of [false, true]) {
      const tooBig = await oversized(at, Buffer.concat([PDF, Buffer.alloc(GRIEVANCE_ATTACHMENT_MAX_BYTES)]), w.worker.token, chunked);
      // The server refuses and closes: the client reads the 413, or sees its write refused if the close beats it.
      if (tooBig.status !== 0) expect(tooBig.status).toBe(413);
      else expect(['EPIPE', 'ECONNRESET']).toContain(tooBig.error);
    }
    expect((await api().get(`/api/grievances/${g.id}`, { token: w.worker.token })).status).toBe(200);
    expect(Number((await rows('SELECT COUNT(*) AS n FROM grievance_attachments WHERE grievance_id = ?', [g.id]))[0].n)).toBe(0);

    // By tracking code, no account: a PDF and PNGs up to the limit.
    const byCode = track(g.trackingCode, '/attachments');
    const pdf = await upload(byCode, PDF);
    expect(pdf.status).toBe(201);
    expect(pdf.body).toMatchObject({ kind: 'pdf', mime: 'application/pdf' });
    const pdfBack = await download(track(g.trackingCode, `/attachments/${pdf.body.id}`));
    expect(pdf.body.size).toBe(pdfBack.bytes.length);
    expect(pdfBack.disposition).toMatch(/^attachment;/);
    // Rebuilt from its pages: the page is there, the author, XMP, document ID and opening script are not.
    const sent = PDF.toString('latin1');
    const stored = pdfBack.bytes.toString('latin1');
    for (const trace of [...PDF_TRACES, '/JavaScript', '/Metadata', '/Info']) {
      expect(sent).toContain(trace);
      expect(stored).not.toContain(trace);
    }
    expect(stored).toContain('(Pay) Tj');
    // A PDF that cannot be read (or cleaned) is refused, and nothing is stored.
    const broken = await upload(byCode, Buffer.from('%PDF-1.7\n1 0 obj <</Type/Catalog>> endobj\n%%EOF\n'));
    expect([broken.status, broken.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const png = await sharp({ create: { width: 8, height: 8, channels: 4, background: '#fff' } })
      .png()
      .toBuffer();
    for (let i = 1; i < GRIEVANCE_ATTACHMENT_MAX_COUNT; i++) expect((await upload(byCode, png)).status).toBe(201);
    const over = await upload(byCode, png);
    expect(over.status).toBe(409);
    const t = await api().get(track(g.trackingCode));
    expect(t.body.attachments).toHaveLength(GRIEVANCE_ATTACHMENT_MAX_COUNT);
    expect(t.body.attachments.map((a: any) => a.mime)).toEqual([
      'application/pdf',
      ...Array(GRIEVANCE_ATTACHMENT_MAX_COUNT - 1).fill('image/png'),
    ]);
    // Another grievance's code does not open this one's attachments.
    const other = (await f.file(w.worker, complaint(w.homeA.id))).body;
    expect((await download(track(other.trackingCode, `/attachments/${pdf.body.id}`))).status).toBe(404);
  });
});

describe('filing straight to a federation (a workplace without a home)', () => {
  it('goes to that federation, or for a grievance about the union to the level above, and is refused with both or neither', async () => {
    const f = fx();
    const w = await f.world();
    const toCity = (over: Record<string, unknown> = {}) => {
      const { homeId: _, ...body } = complaint('', { orgId: w.city.id, ...over });
      return f.file(w.worker, body);
    };
    const filed = await toCity();
    expect(filed.status).toBe(201);
    const seen = await api().get(`/api/grievances/${filed.body.id}`, { token: w.cityAdmin.token });
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ filedTo: 'federation', handler: 'upper', canAct: true, escalated: false });
    expect(seen.body.home.id).toBe(w.city.id);
    for (const chair of [w.chairA, w.chairB])
      expect((await api().get(`/api/grievances/${filed.body.id}`, { token: chair.token })).status).toBe(404);
    // The notice of arrival names the federation it was filed to (read with the destination before the
    // filing's transaction, no longer inside it).
    const notice = async (token: string, id: string) =>
      ((await api().get('/api/notifications', { token })).body.items as { grievanceId: string; text: string }[]).find(
        (n) => n.grievanceId === id,
      );
    expect((await notice(w.cityAdmin.token, filed.body.id))?.text).toBe(`${w.city.name}：有一件新的诉求待受理`);
    expect((await f.act(w.cityAdmin, filed.body.id, { action: 'accept' })).status).toBe(200);

    // About the city's union itself: the province handles it, and the city's admins never see it.
    const aboutUnion = await toCity({ topic: 'union' });
    expect(aboutUnion.status).toBe(201);
    expect((await api().get(`/api/grievances/${aboutUnion.body.id}`, { token: w.cityAdmin.token })).status).toBe(404);
    const province = await api().get(`/api/grievances/${aboutUnion.body.id}`, { token: w.root.token });
    expect(province.status).toBe(200);
    expect(province.body.canAct).toBe(true);
    // Handled by the province, filed to the city: the notice names the city.
    expect((await notice(w.root.token, aboutUnion.body.id))?.text).toBe(`${w.city.name}：有一件新的诉求待受理`);

    expect((await f.file(w.worker, complaint(w.homeA.id, { orgId: w.city.id }))).status).toBe(400);
    const { homeId: _, ...neither } = complaint('');
    expect((await f.file(w.worker, neither)).status).toBe(400);
    const { homeId: __, ...unknown } = complaint('', { orgId: '00000000-0000-4000-8000-000000000000' });
    expect((await f.file(w.worker, unknown)).status).toBe(404);
  });
});

describe('choosing where to file without the poster', () => {
  it('walks the federation tree and finds homes by region and name, answering names only', async () => {
    const f = fx();
    const w = await f.world();
    const top = await api().get('/api/grievance-places/orgs');
    expect(top.status).toBe(200);
    expect(top.body.map((o: any) => o.id)).toContain(w.root.provinceId);
    const cities = await api().get(`/api/grievance-places/orgs?parentId=${w.root.provinceId}`);
    expect(cities.body).toContainEqual({ id: w.city.id, name: expect.any(String), level: 'city' });
    expect((await api().get(`/api/grievance-places/orgs?parentId=${w.homeA.id}`)).status).toBe(404);
    expect((await api().get('/api/grievance-places/orgs?parentId=nope')).status).toBe(400);

    const inCity = await api().get(`/api/grievance-places/homes?orgId=${w.city.id}`);
    expect(inCity.status).toBe(200);
    expect(inCity.body.map((h: any) => h.id).sort()).toEqual([w.homeA.id, w.homeB.id].sort());
    for (const h of inCity.body) expect(Object.keys(h).sort()).toEqual(['id', 'name', 'orgName']);
    const byName = await api().get(`/api/grievance-places/homes?orgId=${w.city.id}&q=${encodeURIComponent(w.homeA.name.slice(0, 3))}`);
    expect(byName.body.map((h: any) => h.id)).toEqual([w.homeA.id]);
    // Anywhere, by the whole name; LIKE's wildcards match only themselves.
    const anywhere = await api().get(`/api/grievance-places/homes?q=${encodeURIComponent(w.homeB.name)}`);
    expect(anywhere.body.map((h: any) => h.id)).toEqual([w.homeB.id]);
    expect((await api().get(`/api/grievance-places/homes?orgId=${w.city.id}&q=${encodeURIComponent('%_')}`)).body).toEqual([]);
    expect((await api().get('/api/grievance-places/homes?q=%E7%94%B2')).status).toBe(400); // one character, no region
    expect((await api().get('/api/grievance-places/homes')).status).toBe(400);

    // A deactivated home is offered no more.
    expect((await api().post(`/api/homes/${w.homeB.id}/deactivate`, { token: w.root.token })).status).toBe(200);
    const active = await api().get(`/api/grievance-places/homes?orgId=${w.city.id}`);
    expect(active.body.map((h: any) => h.id)).toEqual([w.homeA.id]);

    // Filing to the home found: it routes as from the poster (the chair handles it).
    const filed = await f.file(w.worker, complaint(byName.body[0].id));
    expect(filed.status).toBe(201);
    expect((await api().get(`/api/grievances/${filed.body.id}`, { token: w.chairA.token })).body.handler).toBe('home');
  });
});
