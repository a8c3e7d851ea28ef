// Helpers for the grievance suites, against the shared server or a suite's own one.
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { queryDb } from '../support/db';
import { client } from '../support/http';
import { ADMIN } from './global-setup';

export type Api = ReturnType<typeof client>;

export interface Person {
  token: string;
  id: string;
  openid: string;
}

/** Where the server keeps its data: for writing role grants that no API gives yet. */
export interface DbTarget {
  dataDir?: string;
  url?: string;
}

export const uniq = (label: string) => `${label}${randomBytes(3).toString('hex')}`;

/** Polls until `ok` holds (or the time is up) and returns the last value, for the caller to assert on. */
export async function eventually<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const GOOD_CONTENT = '车间连续三个月拖欠加班工资，工友们多次反映无果，请工会帮助协调。';

/** An anonymous wage complaint against a home, with any field changed. */
export const complaint = (homeId: string, over: Record<string, unknown> = {}) => ({
  homeId,
  type: 'complaint',
  topic: 'wages',
  content: GOOD_CONTENT,
  anonymous: true,
  ...over,
});

/** Rows straight from the suite's database (SQLite file or MariaDB). */
export async function rows<T = Record<string, any>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return await queryDb<T>(sql, params);
}

/** A chair's grant (or a federation admin's) written straight into the database. */
export async function grantRole(db: DbTarget, userId: string, role: 'chair' | 'federation_admin', orgId: string): Promise<void> {
  const sql = 'INSERT INTO role_grants (id, user_id, role, org_id) VALUES (?, ?, ?, ?)';
  const params = [randomUUID(), userId, role, orgId];
  if (db.url) {
    const mysql = await import('mysql2/promise');
    const conn = await mysql.createConnection(db.url);
    try {
      await conn.query(sql, params);
    } finally {
      await conn.end();
    }
    return;
  }
  const Database = (await import('better-sqlite3')).default;
  const conn = new Database(join(db.dataDir!, 'pingjia.sqlite'), { fileMustExist: true, timeout: 10_000 });
  try {
    conn.prepare(sql).run(...params);
  } finally {
    conn.close();
  }
}

export function grievanceFixtures(api: Api, db: DbTarget) {
  const person = async (): Promise<Person> => {
    const openid = `g_${randomBytes(8).toString('hex')}`;
    const res = await api.post('/api/auth/dev', { body: { openid } });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`);
    // The dev login stores the device id as `dev_<id>`: that is the openid WeChat would be sent.
    return { token: res.body.token, id: res.body.user.id, openid: `dev_${openid}` };
  };

  const admin = async () => {
    const res = await api.post('/api/auth/password', { body: ADMIN });
    if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${res.text}`);
    return {
      token: res.body.token as string,
      provinceId: res.body.user.roles.find((r: any) => r.role === 'federation_admin').orgId as string,
    };
  };

  /** A city with two homes, a chair for each, an admin of the city, and a worker. */
  const world = async () => {
    const root = await admin();
    const city = await api.post('/api/orgs', {
      token: root.token,
      body: { parentId: root.provinceId, name: uniq('诉求市'), level: 'city' },
    });
    if (city.status !== 201) throw new Error(`city: ${city.status} ${city.text}`);
    const home = async (name: string) => {
      const h = await api.post('/api/homes', {
        token: root.token,
        body: { orgId: city.body.id, name: uniq(name), kind: 'enterprise', memberCount: 50, membershipMode: 'open' },
      });
      if (h.status !== 201) throw new Error(`home: ${h.status} ${h.text}`);
      return h.body as { id: string; name: string; orgId: string };
    };
    const homeA = await home('甲厂工会');
    const homeB = await home('乙厂工会');
    const [chairA, chairB, cityAdmin, worker] = await Promise.all([person(), person(), person(), person()]);
    await grantRole(db, chairA.id, 'chair', homeA.id);
    await grantRole(db, chairB.id, 'chair', homeB.id);
    await grantRole(db, cityAdmin.id, 'federation_admin', city.body.id);
    return { root, city: city.body as { id: string; name: string }, homeA, homeB, chairA, chairB, cityAdmin, worker };
  };

  const file = (who: Person, body: Record<string, unknown>, idempotencyKey?: string) =>
    api.post('/api/grievances', { token: who.token, body, headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : undefined });

  const act = (who: Person, id: string, body: Record<string, unknown>) =>
    api.post(`/api/grievances/${id}/actions`, { token: who.token, body });
  const feedback = (who: Person, id: string, body: Record<string, unknown>) =>
    api.post(`/api/grievances/${id}/feedback`, { token: who.token, body });

  return { person, admin, world, file, act, feedback };
}

/** Traces a PDF writer leaves that name the worker (document info, XMP, document ID, an annotation's author). */
export const PDF_TRACES = ['ZhangAuthor', 'ZhangCreator', 'ZhangProducer', 'ZhangXMP', 'ZhangAnnot', 'DEADBEEF01'];
const XMP = '<?xpacket begin=""?><x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>ZhangXMP</dc:creator></x:xmpmeta><?xpacket end="w"?>';
/** A one-page PDF carrying each of PDF_TRACES, and a script the catalog would run on opening. */
export const PDF_WITH_METADATA = Buffer.from(
  [
    '%PDF-1.7',
    '1 0 obj <</Type/Catalog/Pages 2 0 R/Metadata 5 0 R/OpenAction<</S/JavaScript/JS(app.alert\\(1\\))>>>> endobj',
    '2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj',
    '3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R/Annots[<</Type/Annot/Subtype/Text/Rect[0 0 10 10]/T(ZhangAnnot)/Contents(note)>>]>> endobj',
    '4 0 obj <</Length 35>> stream',
    'BT /F1 12 Tf 20 100 Td (Pay) Tj ET',
    'endstream endobj',
    `5 0 obj <</Type/Metadata/Subtype/XML/Length ${XMP.length}>> stream`,
    XMP,
    'endstream endobj',
    '6 0 obj <</Author(ZhangAuthor)/Creator(ZhangCreator)/Producer(ZhangProducer)>> endobj',
    'trailer <</Root 1 0 R/Info 6 0 R/ID[<DEADBEEF01><DEADBEEF01>]/Size 7>>',
    '%%EOF',
    '',
  ].join('\n'),
  'latin1',
);
