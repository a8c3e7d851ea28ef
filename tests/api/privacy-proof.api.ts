// The privacy proof: a whole cycle on a server of its own (its log at debug level is read too).
// Members rate with comments, a worker files an anonymous grievance that the chair handles, the
// federation looks at dashboards, exports and the audit log. Everything the chair and the federation
// can get, the server's log and the exported workbooks must hold no rater's or reporter's user id,
// openid or rater key; and the database must hold no link from the anonymous grievance to its reporter.
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { openDb } from '../support/db';
import type { Reply } from '../support/http';
import { GOOD_CONTENT, grievanceFixtures } from './grievances.fixtures';
import { createHomeOn, openCampaignOn, OwnServer, startOwnServer } from './own-server';
import { allCriteria } from '../support/scores';
import { confirmedMove } from '../support/campaigns';

let own: OwnServer;
beforeAll(async () => {
  own = await startOwnServer('privacy', { LOG_LEVEL: 'debug' });
}, 60_000);
afterAll(() => own?.close());

interface Secret {
  label: string;
  value: string;
}

async function wechatPerson(): Promise<{ id: string; openid: string; token: string }> {
  const { code, openid } = await own.wx.code();
  const res = await own.api.post('/api/auth/wechat', { body: { code } });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${res.text}`);
  return { id: res.body.user.id, openid, token: res.body.token };
}

/** Every cell of every sheet of a workbook the caller downloads, as text. */
async function download(path: string, token: string): Promise<string> {
  const res = await fetch(own.server.url + path, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  const cells: string[] = [];
  wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))));
  expect(cells.length).toBeGreaterThan(5);
  return cells.join('\n');
}

/** Every table's rows, as text (users excepted: a person's own row is not a link to anything). */
async function databaseDump(): Promise<Record<string, string>> {
  const db = await openDb(own.target.url, own.target.dataDir);
  try {
    const tables = own.target.url
      ? (await db.query<{ t: string }>('SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE()')).map(
          (r) => r.t,
        )
      : (await db.query<{ t: string }>("SELECT name AS t FROM sqlite_master WHERE type = 'table'")).map((r) => r.t);
    const out: Record<string, string> = {};
    for (const t of tables.filter((n) => n !== 'users')) out[t] = JSON.stringify(await db.query(`SELECT * FROM ${t}`));
    expect(Object.keys(out)).toEqual(
      expect.arrayContaining(['grievances', 'grievance_events', 'ratings', 'audit_events', 'idempotency_keys']),
    );
    return out;
  } finally {
    await db.close();
  }
}

describe('privacy proof over a whole cycle', () => {
  it('shows no rater or anonymous reporter to the chair or the federation, in answers, log or exports, and stores no link to the reporter', async () => {
    const fx = grievanceFixtures(own.api, own.target);
    const root = await fx.admin();
    const city = (
      await own.api.post('/api/orgs', { token: root.token, body: { parentId: root.provinceId, name: '隐私市', level: 'city' } })
    ).body;
    const home = await createHomeOn(own.api, root.token, city.id, '隐私厂工会', 20);

    // The chair and a city federation admin join by invite, as in real use.
    const join = async (path: string, role: string) => {
      const invite = await own.api.post(path, { token: root.token, body: { role } });
      expect(invite.status).toBe(201);
      const accepted = await own.api.post(`/api/invites/${invite.body.code}/accept`, {
        body: { username: `u_${randomUUID().slice(0, 8)}`, password: 'staff-password-123' },
      });
      expect(accepted.status).toBe(200);
      return accepted.body.token as string;
    };
    const chair = await join(`/api/homes/${home.id}/invites`, 'chair');
    const federation = await join(`/api/orgs/${city.id}/invites`, 'federation_admin');

    // Twelve members rate with comments (enough for comments and group slices to be shown).
    const campaign = await openCampaignOn(own.api, root.token, city.id);
    const ratingPath = `/api/campaigns/${campaign.id}/homes/${home.id}/my-rating`;
    const raters: Array<{ id: string; openid: string; token: string }> = [];
    for (let i = 0; i < 12; i++) {
      const r = await wechatPerson();
      const res = await own.api.put(ratingPath, {
        token: r.token,
        body: {
          scores: allCriteria({ organization: 5, rights: 4, work: (i % 5) + 1, role: 4, trust: 5 }),
          verdict: i % 4 ? 'satisfied' : 'dissatisfied',
          comment: `第${i}条意见：希望多组织培训`,
          groups: i % 2 ? ['women'] : ['migrant'],
        },
      });
      expect(res.status).toBe(201);
      raters.push(r);
    }

    // A worker files an anonymous grievance; the chair accepts, replies, resolves; the worker is satisfied.
    const worker = await wechatPerson();
    const idempotencyKey = `privacy-${randomUUID()}`;
    const filed = await own.api.post('/api/grievances', {
      token: worker.token,
      headers: { 'idempotency-key': idempotencyKey },
      body: { homeId: home.id, type: 'complaint', topic: 'wages', content: GOOD_CONTENT, anonymous: true },
    });
    expect(filed.status).toBe(201);
    const g = filed.body.id as string;
    // The worker follows it by its tracking code (the code is a secret: the log must not keep it).
    expect((await own.api.get(`/api/grievances/track/${filed.body.trackingCode}`)).status).toBe(200);
    for (const action of [
      { action: 'accept' },
      { action: 'reply', message: '已与车间核实，下月补发。' },
      { action: 'resolve', message: '已补发加班工资。' },
    ]) {
      expect((await own.api.post(`/api/grievances/${g}/actions`, { token: chair, body: action })).status).toBe(200);
    }
    expect(
      (await own.api.post(`/api/grievances/${g}/feedback`, { token: worker.token, body: { verdict: 'satisfied', comment: '谢谢工会' } }))
        .status,
    ).toBe(200);

    // The cycle closes and is published; the chair posts a rectification plan.
    for (const move of ['close', 'publish'] as const)
      expect((await confirmedMove(own.api, federation, campaign.id, move)).status).toBe(200);
    expect(
      (
        await own.api.post(`/api/campaigns/${campaign.id}/homes/${home.id}/rectification`, {
          token: chair,
          body: { plan: '每季度召开会员座谈会。' },
        })
      ).status,
    ).toBe(200);

    // Everything the chair and the federation can ask about this home, cycle and grievance.
    const views: Reply[] = [];
    for (const token of [chair, federation, root.token]) {
      for (const path of [
        `/api/homes/${home.id}`,
        `/api/homes/${home.id}/dashboard?campaignId=${campaign.id}`,
        `/api/homes/${home.id}/grievance-stats`,
        `/api/homes/${home.id}/grants`,
        `/api/homes/${home.id}/results`,
        `/api/campaigns/${campaign.id}/homes/${home.id}/rectification`,
        '/api/grievances',
        '/api/grievances?status=closed',
        `/api/grievances/${g}`,
        `/api/orgs/${city.id}`,
        `/api/orgs/${city.id}/children`,
        `/api/orgs/${city.id}/dashboard?campaignId=${campaign.id}`,
        `/api/orgs/${city.id}/held-comments`,
        `/api/orgs/${city.id}/audit?pageSize=200`,
        `/api/orgs/${city.id}/grants`,
        `/api/campaigns/${campaign.id}`,
        `/api/campaigns?orgId=${city.id}`,
        '/api/me',
      ]) {
        views.push(await own.api.get(path, { token }));
      }
    }
    // The chair sees its home and the grievance; the federation sees everything here.
    expect(views.filter((v) => v.status === 200).length).toBeGreaterThan(40);
    const chairDashboard = views[1];
    expect(chairDashboard.status).toBe(200);
    expect(chairDashboard.text).toContain('希望多组织培训'); // comments are shown, only without their authors
    const chairGrievance = views[8];
    expect(chairGrievance.status).toBe(200);
    expect(chairGrievance.body.reporter).toBeNull();

    const exports = [
      await download(`/api/homes/${home.id}/export.xlsx?campaignId=${campaign.id}`, chair),
      await download(`/api/homes/${home.id}/export.xlsx?campaignId=${campaign.id}`, federation),
      await download(`/api/orgs/${city.id}/export.xlsx?campaignId=${campaign.id}`, federation),
    ];
    expect(exports[0]).toContain('隐私厂工会');

    const db = await databaseDump();
    const raterKeys = JSON.parse(db.ratings).map((r: { rater_key: string }) => r.rater_key) as string[];
    expect(raterKeys).toHaveLength(12);
    const log = own.server.output();
    expect(log).toMatch(/"level":20|"level":30/); // a debug log with request lines was captured
    // request lines were captured, each grievance id in them redacted (it would tie the reporter's
    // requests about their anonymous grievance to their address)
    expect(log).toContain('/api/grievances/[id]/actions');
    expect(log).not.toContain(g);

    const secrets: Secret[] = [
      ...raters.flatMap((r, i) => [
        { label: `rater ${i} user id`, value: r.id },
        { label: `rater ${i} openid`, value: r.openid },
        { label: `rater ${i} key`, value: raterKeys[i] },
      ]),
      { label: 'reporter user id', value: worker.id },
      { label: 'reporter openid', value: worker.openid },
    ];
    const places: Array<[string, string]> = [
      ...views.map((v, i): [string, string] => [`answer ${i} (${v.status})`, v.text]),
      ...exports.map((x, i): [string, string] => [`export ${i}`, x]),
      ['server log', log],
    ];
    const leaks = secrets.flatMap((s) => places.filter(([, text]) => text.includes(s.value)).map(([where]) => `${s.label} in ${where}`));
    expect(leaks).toEqual([]);

    // Nor does the log hold a bearer token, the tracking code or the idempotency key.
    const tokens = [chair, federation, root.token, worker.token, ...raters.map((r) => r.token)].map((t) => t.split('.')[2]);
    const logged = [...tokens, filed.body.trackingCode as string, idempotencyKey].filter((v) => log.includes(v));
    expect(logged).toEqual([]);

    // The database: no table row outside the person's own user row holds the reporter's id or openid,
    // nor a rater's (ratings carry a keyed rater hash only).
    const stored = Object.entries(db).flatMap(([table, rows]) =>
      [worker, ...raters].flatMap((p, i) =>
        [p.id, p.openid].filter((v) => rows.includes(v)).map(() => `${i === 0 ? 'reporter' : `rater ${i - 1}`} in ${table}`),
      ),
    );
    expect(stored).toEqual([]);
  });
});
