// Issue 19: staff opt in to WeChat subscribe messages (bind by wx.login code, accept the template), and
// new and escalated grievances message them (generic text only); WeChat's media check on attached images
// (held until WeChat's signed push clears them, rejected when risky, held on doubt or error).
// A server of its own: the media check needs PUBLIC_URL (where WeChat downloads) and a push token.
import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import sharp from 'sharp';
import { FAKE_CYCLE_TEMPLATE_ID, FAKE_STAFF_TEMPLATE_ID } from '../fakes/wechat-server';
import { openDb } from '../support/db';
import { complaint, GOOD_CONTENT, grantRole, grievanceFixtures, PDF_TRACES, PDF_WITH_METADATA, Person } from './grievances.fixtures';
import { OwnServer, startOwnServer } from './own-server';

const PUSH_TOKEN = 'notifyPushToken0123';
let own: OwnServer;
const fx = () => grievanceFixtures(own.api, own.target);

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

beforeAll(async () => {
  const port = await freePort();
  own = await startOwnServer('notify', {
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    WECHAT_STAFF_TEMPLATE_ID: FAKE_STAFF_TEMPLATE_ID,
    WECHAT_CYCLE_TEMPLATE_ID: FAKE_CYCLE_TEMPLATE_ID,
    WECHAT_MEDIA_CHECK: 'true',
    WECHAT_PUSH_TOKEN: PUSH_TOKEN,
    TEST_CLOCK: 'true',
  });
  await own.wx.push(`${own.server.url}/api/wechat/push`, PUSH_TOKEN);
}, 120_000);
afterAll(async () => own?.close());

/** Waits (polling, no fixed sleep) until WeChat has accepted `n` messages for this openid. */
async function messagesFor(openid: string, n: number) {
  for (let i = 0; ; i++) {
    const got = await own.wx.messages(openid);
    if (got.length >= n || i > 200) return got;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('staff WeChat messages (opt-in)', () => {
  const me = (p: Person) => own.api.get('/api/me/wechat', { token: p.token });

  it('binds a chair by wx.login code; each accepted template is one generic message, for a new grievance', async () => {
    const w = await fx().world();
    expect((await me(w.chairA)).body).toEqual({ available: true, bound: false, templateId: FAKE_STAFF_TEMPLATE_ID, remaining: 0 });
    // A member has no staff opt-in; a bad code binds nothing.
    expect((await me(w.worker)).status).toBe(403);
    const bad = await own.api.put('/api/me/wechat', { token: w.chairA.token, body: { code: 'not-a-code' } });
    expect([bad.status, bad.body.code]).toEqual([401, 'WECHAT_CODE_INVALID']);
    const early = await own.api.post('/api/me/wechat/subscriptions', {
      token: w.chairA.token,
      body: { templateIds: [FAKE_STAFF_TEMPLATE_ID] },
    });
    expect(early.status).toBe(409);

    const { code, openid } = await own.wx.code();
    const bound = await own.api.put('/api/me/wechat', { token: w.chairA.token, body: { code } });
    expect(bound.body).toMatchObject({ bound: true, remaining: 0 });
    expect(JSON.stringify(bound.body)).not.toContain(openid);
    const accepted = await own.api.post('/api/me/wechat/subscriptions', {
      token: w.chairA.token,
      body: { templateIds: [FAKE_STAFF_TEMPLATE_ID] },
    });
    expect(accepted.body.remaining).toBe(1);
    // WeChat's side of the same tap: one message allowed.
    await own.wx.allowMessage(openid, FAKE_STAFF_TEMPLATE_ID);

    const filed = await fx().file(w.worker, complaint(w.homeA.id));
    expect(filed.status).toBe(201);
    const [msg] = await messagesFor(openid, 1);
    expect(msg).toMatchObject({ template_id: FAKE_STAFF_TEMPLATE_ID, page: 'pages/grievance/queue/index' });
    expect(msg.data.thing1.value).toBe('有新的诉求待受理');
    // Generic: no content, no place, no reporter.
    for (const secret of [GOOD_CONTENT.slice(0, 8), w.homeA.name, filed.body.trackingCode])
      expect(JSON.stringify(msg)).not.toContain(secret);
    expect((await me(w.chairA)).body.remaining).toBe(0);
    // In the app too: a notice of kind "new" for the home's chair, none for another home's.
    const notices = await own.api.get('/api/notifications', { token: w.chairA.token });
    expect(notices.body.items).toEqual([expect.objectContaining({ kind: 'new', grievanceId: filed.body.id, read: false })]);
    expect(notices.body.items[0].text).not.toContain(GOOD_CONTENT.slice(0, 8));
    // Where it was filed, by name (the filing passes the home's name it read; nothing else is said).
    expect(notices.body.items[0].text).toBe(`${w.homeA.name}：有一件新的诉求待受理`);
    // Anonymous: the notice carries the day it arrived (midnight China time), not the moment.
    expect(notices.body.items[0].createdAt).toMatch(/T16:00:00\.000Z$/);
    expect((await own.api.get('/api/notifications', { token: w.chairB.token })).body.items).toEqual([]);

    // Used up: the next grievance is a notice in the app only.
    expect((await fx().file(w.worker, complaint(w.homeA.id))).status).toBe(201);
    expect((await own.api.get('/api/notifications', { token: w.chairA.token })).body.items).toHaveLength(2);
    await own.wx.allowMessage(openid, FAKE_STAFF_TEMPLATE_ID);
    expect(await own.wx.messages(openid)).toHaveLength(1);

    // Unbound: no message even with one accepted.
    await own.api.post('/api/me/wechat/subscriptions', { token: w.chairA.token, body: { templateIds: [FAKE_STAFF_TEMPLATE_ID] } });
    expect((await own.api.del('/api/me/wechat', { token: w.chairA.token })).status).toBe(204);
    expect((await me(w.chairA)).body).toMatchObject({ bound: false, remaining: 0 });
    expect((await fx().file(w.worker, complaint(w.homeA.id))).status).toBe(201);
    expect((await own.api.get('/api/notifications', { token: w.chairA.token })).body.items).toHaveLength(3);
    expect(await own.wx.messages(openid)).toHaveLength(1);
  });

  it('messages the level above when the chair escalates, and not the chair', async () => {
    const w = await fx().world();
    const bindAndAccept = async (p: Person) => {
      const { code, openid } = await own.wx.code();
      expect((await own.api.put('/api/me/wechat', { token: p.token, body: { code } })).status).toBe(200);
      await own.api.post('/api/me/wechat/subscriptions', { token: p.token, body: { templateIds: [FAKE_STAFF_TEMPLATE_ID] } });
      await own.wx.allowMessage(openid, FAKE_STAFF_TEMPLATE_ID);
      return openid;
    };
    const filed = await fx().file(w.worker, complaint(w.homeA.id));
    const cityOpenid = await bindAndAccept(w.cityAdmin);
    const chairOpenid = await bindAndAccept(w.chairA);
    const escalated = await fx().act(w.chairA, filed.body.id, { action: 'escalate', message: '需要上级协调' });
    expect(escalated.status).toBe(200);
    const [msg] = await messagesFor(cityOpenid, 1);
    expect(msg.data.thing1.value).toBe('有超时诉求转由本级督办');
    expect(await own.wx.messages(chairOpenid)).toEqual([]);
  });
});

const photo = (colour: string) =>
  sharp({ create: { width: 48, height: 32, channels: 3, background: colour } })
    .png()
    .toBuffer();
async function upload(id: string, bytes: Buffer, token: string) {
  const res = await fetch(`${own.server.url}/api/grievances/${id}/attachments`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}` },
    body: new Uint8Array(bytes),
  });
  return { status: res.status, body: (await res.json()) as { id: string; status: string } };
}
const view = async (p: Person, id: string) => (await own.api.get(`/api/grievances/${id}`, { token: p.token })).body;
const open = async (p: Person, id: string, attachmentId: string) =>
  (await fetch(`${own.server.url}/api/grievances/${id}/attachments/${attachmentId}`, { headers: { authorization: `Bearer ${p.token}` } }))
    .status;
/** The attachments waiting for a person's decision in the org's subtree, as this admin sees them. */
async function heldIds(p: Person, orgId: string): Promise<string[]> {
  const res = await own.api.get(`/api/orgs/${orgId}/held-attachments`, { token: p.token });
  expect(res.status).toBe(200);
  return res.body.items.map((a: { id: string }) => a.id);
}
const sweep = async () => (await own.api.post('/api/__test/grievances/sweep')).body as { rechecked: number };
/** Moves this server's clock on (pauses before a media check is asked again). */
async function later(ms: number) {
  expect((await own.api.post('/api/__test/clock', { body: { advanceMs: ms + 1000 } })).status).toBe(200);
}

describe("WeChat's media check on attached images", () => {
  /** The check WeChat was asked for about this upload (the newest with this worker's openid). */
  async function checkOf(worker: Person) {
    const checks = (await own.wx.mediaChecks()).filter((c) => c.openid === worker.openid);
    expect(checks).toHaveLength(1);
    return checks[0];
  }

  it('holds an image from the handler until WeChat passes it; a risky one is rejected and deleted; a forged push changes nothing', async () => {
    const w = await fx().world();
    const g = (await fx().file(w.worker, complaint(w.homeA.id, { anonymous: false }))).body;
    const up = await upload(g.id, await photo('#36c'), w.worker.token);
    expect([up.status, up.body.status]).toEqual([201, 'held']);
    const check = await checkOf(w.worker);
    expect(check.mediaUrl).toMatch(new RegExp(`^${own.server.url}/api/wechat/media/[A-Za-z0-9_-]{32}$`));
    // Held: the reporter sees it with its status; the handler neither sees nor opens it, nor does the
    // reporter (the server serves nothing unchecked); nor is it yet for a person to decide.
    expect((await view(w.worker, g.id)).attachments).toEqual([expect.objectContaining({ id: up.body.id, status: 'held' })]);
    expect((await view(w.chairA, g.id)).attachments).toEqual([]);
    expect(await open(w.chairA, g.id, up.body.id)).toBe(404);
    expect(await open(w.worker, g.id, up.body.id)).toBe(404);
    expect(await heldIds(w.cityAdmin, w.city.id)).toEqual([]);

    // A push without WeChat's signature is refused and changes nothing.
    expect((await own.wx.mediaVerdict(check.traceId, 'pass', { badSignature: true })).pushed.status).toBe(403);
    const unsigned = await own.api.post('/api/wechat/push?signature=00&timestamp=1&nonce=2', {
      body: { Event: 'wxa_media_check', trace_id: check.traceId, result: { suggest: 'pass' } },
    });
    expect(unsigned.status).toBe(403);
    expect((await view(w.chairA, g.id)).attachments).toEqual([]);

    // WeChat downloads the image from the address it was given, then pushes "pass": the handler sees it.
    const passed = await own.wx.mediaVerdict(check.traceId, 'pass');
    expect(passed.downloaded).toMatchObject({ status: 200, type: 'image/png' });
    expect(passed.downloaded.bytes).toBeGreaterThan(0);
    expect(passed.pushed).toEqual({ status: 200, body: 'success' });
    expect((await view(w.chairA, g.id)).attachments).toEqual([expect.objectContaining({ id: up.body.id, status: 'approved' })]);
    expect(await open(w.chairA, g.id, up.body.id)).toBe(200);
    // The download address ended with the verdict.
    expect((await fetch(check.mediaUrl)).status).toBe(404);

    // Risky: rejected, and its file deleted.
    const files = () => readdirSync(join(own.target.dataDir!, 'attachments')).filter((n) => !n.startsWith('.')).length;
    const risky = await upload(g.id, await photo('#c63'), w.worker.token);
    const before = files();
    expect((await own.wx.mediaVerdict((await checkOf(w.worker)).traceId, 'risky')).pushed.status).toBe(200);
    expect((await view(w.worker, g.id)).attachments.map((a: any) => [a.id, a.status])).toEqual([
      [up.body.id, 'approved'],
      [risky.body.id, 'rejected'],
    ]);
    expect(await open(w.worker, g.id, risky.body.id)).toBe(404);
    expect(files()).toBe(before - 1);
    expect((await view(w.chairA, g.id)).attachments.map((a: any) => a.id)).toEqual([up.body.id]);

    // Review (doubt): stays held, WeChat's download address is closed, and the level above decides.
    const doubtful = await upload(g.id, await photo('#6c3'), w.worker.token);
    const review = await checkOf(w.worker);
    expect((await own.wx.mediaVerdict(review.traceId, 'review')).pushed.status).toBe(200);
    expect((await view(w.worker, g.id)).attachments.find((a: any) => a.id === doubtful.body.id).status).toBe('held');
    expect((await view(w.chairA, g.id)).attachments.map((a: any) => a.id)).toEqual([up.body.id]);
    expect((await fetch(review.mediaUrl)).status).toBe(404);
    expect(await heldIds(w.cityAdmin, w.city.id)).toEqual([doubtful.body.id]);
  });

  it('asks WeChat again after a failed request, after a pause, and after the last failure leaves it to a person', async () => {
    const w = await fx().world();
    const g = (await fx().file(w.worker, complaint(w.homeA.id, { anonymous: false }))).body;
    const asked = async () => (await own.wx.mediaChecks()).filter((c) => c.openid === w.worker.openid);

    // WeChat busy once: held, not asked again before the pause is over, asked again after it.
    await own.wx.fail('media_check_async', -1, 1, w.worker.openid);
    const once = await upload(g.id, await photo('#333'), w.worker.token);
    expect([once.status, once.body.status]).toEqual([201, 'held']);
    expect(await asked()).toEqual([]);
    expect((await sweep()).rechecked).toBe(0);
    expect(await asked()).toEqual([]);
    await later(2 * 60_000);
    expect((await sweep()).rechecked).toBe(1);
    const retried = await checkOf(w.worker);
    expect((await own.wx.mediaVerdict(retried.traceId, 'pass')).downloaded).toMatchObject({ status: 200, type: 'image/png' });
    expect((await view(w.chairA, g.id)).attachments.map((a: any) => a.id)).toEqual([once.body.id]);

    // Refused every time (an error code, then WeChat unreachable): four requests in all, with growing
    // pauses, then it waits for a person — WeChat was never given it, nobody opened it.
    await own.wx.fail('media_check_async', 45011, 2, w.worker.openid);
    await own.wx.fail('media_check_async', 'timeout', 2, w.worker.openid);
    const stuck = await upload(g.id, await photo('#444'), w.worker.token);
    expect(stuck.body.status).toBe('held');
    for (const pause of [2, 4, 8]) {
      expect(await heldIds(w.cityAdmin, w.city.id)).toEqual([]);
      await later(pause * 60_000);
      expect((await sweep()).rechecked).toBe(0);
    }
    expect(await heldIds(w.cityAdmin, w.city.id)).toEqual([stuck.body.id]);
    expect(await asked()).toEqual([]);
    await later(60 * 60_000);
    expect((await sweep()).rechecked).toBe(0);
    expect(await asked()).toEqual([]);
    expect((await view(w.chairA, g.id)).attachments.map((a: any) => a.id)).toEqual([once.body.id]);
    expect(await open(w.chairA, g.id, stuck.body.id)).toBe(404);
  });
});

describe('held attachments decided by the level above the home', () => {
  const decide = (p: Person, id: string, how: 'release' | 'reject') =>
    own.api.post(`/api/held-attachments/${id}/${how}`, { token: p.token });
  const heldFile = async (p: Person, id: string) => {
    const res = await fetch(`${own.server.url}/api/held-attachments/${id}`, { headers: { authorization: `Bearer ${p.token}` } });
    return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
  };

  it('shows a PDF and an image sent by tracking code to the admins above, never to the chair or another federation; release and reject once, audited', async () => {
    const w = await fx().world();
    const other = await fx().world();
    // A city admin who also chairs home A: may be what the grievance is about, so decides nothing there.
    const chairAndAdmin = await fx().person();
    await grantRole(own.target, chairAndAdmin.id, 'federation_admin', w.city.id);
    await grantRole(own.target, chairAndAdmin.id, 'chair', w.homeA.id);

    const named = (await fx().file(w.worker, complaint(w.homeA.id, { anonymous: false }))).body;
    const pdf = await upload(named.id, PDF_WITH_METADATA, w.worker.token);
    expect([pdf.status, pdf.body.status]).toEqual([201, 'held']);
    // Anonymous, by tracking code: no account to ask WeChat as, so straight to a person.
    const anon = (await fx().file(w.worker, complaint(w.homeA.id))).body;
    const checksBefore = (await own.wx.mediaChecks()).length;
    const byCode = await fetch(`${own.server.url}/api/grievances/track/${anon.trackingCode}/attachments`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(await photo('#a3c')),
    });
    const image = (await byCode.json()) as { id: string; status: string };
    expect([byCode.status, image.status]).toEqual([201, 'held']);
    expect((await own.wx.mediaChecks()).length).toBe(checksBefore);

    // The list: the file and the place, nothing of the grievance or its reporter.
    const list = await own.api.get(`/api/orgs/${w.city.id}/held-attachments`, { token: w.cityAdmin.token });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items.map((a: any) => a.id).sort()).toEqual([pdf.body.id, image.id].sort());
    for (const item of list.body.items) expect(Object.keys(item).sort()).toEqual(['id', 'kind', 'mime', 'on', 'place', 'size']);
    expect(list.body.items.map((a: any) => a.place)).toEqual([{ name: w.homeA.name }, { name: w.homeA.name }]);
    expect(JSON.stringify(list.body)).not.toMatch(new RegExp(`${named.id}|${anon.id}|${w.worker.id}|${anon.trackingCode}`));
    // The province sees them too; the other city, the chair and the chair who is also an admin do not.
    expect((await heldIds(w.root as unknown as Person, w.city.id)).sort()).toEqual([pdf.body.id, image.id].sort());
    expect(await heldIds(other.cityAdmin, other.city.id)).toEqual([]);
    expect((await own.api.get(`/api/orgs/${w.city.id}/held-attachments`, { token: other.cityAdmin.token })).status).toBe(404);
    expect((await own.api.get(`/api/orgs/${w.city.id}/held-attachments`, { token: w.chairA.token })).status).toBe(404);
    expect(await heldIds(chairAndAdmin, w.city.id)).toEqual([]);

    // Opening a held file: the admin above yes (the PDF without its author, XMP or ID); nobody else.
    const seen = await heldFile(w.cityAdmin, pdf.body.id);
    expect([seen.status, seen.type]).toEqual([200, 'application/pdf']);
    for (const trace of PDF_TRACES) expect(seen.bytes.toString('latin1')).not.toContain(trace);
    expect((await heldFile(w.cityAdmin, image.id)).type).toBe('image/png');
    for (const p of [w.chairA, w.chairB, other.cityAdmin, chairAndAdmin, w.worker]) {
      expect((await heldFile(p, pdf.body.id)).status).toBe(404);
      expect((await heldFile(p, image.id)).status).toBe(404);
    }
    expect(await open(w.worker, named.id, pdf.body.id)).toBe(404);
    const byTrack = await fetch(`${own.server.url}/api/grievances/track/${anon.trackingCode}/attachments/${image.id}`);
    expect(byTrack.status).toBe(404);

    // Deciding: nobody but the level above; a double click decides once.
    for (const p of [w.chairA, other.cityAdmin, chairAndAdmin, w.worker]) {
      expect((await decide(p, pdf.body.id, 'release')).status).toBe(404);
      expect((await decide(p, image.id, 'reject')).status).toBe(404);
    }
    const twice = await Promise.all([decide(w.cityAdmin, pdf.body.id, 'release'), decide(w.cityAdmin, pdf.body.id, 'release')]);
    expect(twice.map((r) => r.status).sort()).toEqual([204, 409]);
    expect((await decide(w.cityAdmin, pdf.body.id, 'reject')).status).toBe(409);
    expect((await view(w.chairA, named.id)).attachments).toEqual([expect.objectContaining({ id: pdf.body.id, status: 'approved' })]);
    expect(await open(w.chairA, named.id, pdf.body.id)).toBe(200);
    expect((await heldFile(w.cityAdmin, pdf.body.id)).status).toBe(404);

    const files = () => readdirSync(join(own.target.dataDir!, 'attachments')).filter((n) => !n.startsWith('.')).length;
    const before = files();
    expect((await decide(w.cityAdmin, image.id, 'reject')).status).toBe(204);
    expect(files()).toBe(before - 1);
    expect((await decide(w.cityAdmin, image.id, 'release')).status).toBe(409);
    const tracked = (await own.api.get(`/api/grievances/track/${anon.trackingCode}`)).body;
    expect(tracked.attachments).toEqual([expect.objectContaining({ id: image.id, status: 'rejected' })]);
    expect(await heldIds(w.cityAdmin, w.city.id)).toEqual([]);

    // Audited: who decided what, once each.
    const log = await own.api.get(`/api/orgs/${w.city.id}/audit?pageSize=50`, { token: w.cityAdmin.token });
    const decisions = log.body.items.filter((e: any) => e.action.startsWith('attachment.'));
    expect(decisions.map((e: any) => [e.action, e.actor.userId, e.target.type, e.target.id]).sort()).toEqual(
      [
        ['attachment.release', w.cityAdmin.id, 'attachment', pdf.body.id],
        ['attachment.reject', w.cityAdmin.id, 'attachment', image.id],
      ].sort(),
    );
  });
});

describe('members told when a cycle opens for their home (opt-in)', () => {
  it('sends one message per person and home when the cycle opens, through the outbox, and none again', async () => {
    const w = await fx().world();
    const [m1, m2] = await Promise.all([fx().person(), fx().person()]);
    expect((await own.api.get('/api/cycle-messages', { token: m1.token })).body).toEqual({
      available: true,
      templateId: FAKE_CYCLE_TEMPLATE_ID,
    });
    const ask = (p: Person, homeId: string, templateIds = [FAKE_CYCLE_TEMPLATE_ID]) =>
      own.api.post(`/api/homes/${homeId}/cycle-messages`, { token: p.token, body: { templateIds } });
    // m1 taps twice (two opt-ins): still one message; m2 declined in WeChat (no template accepted).
    expect((await ask(m1, w.homeA.id)).body).toEqual({ subscribed: true });
    expect((await ask(m1, w.homeA.id)).body).toEqual({ subscribed: true });
    expect((await ask(m2, w.homeB.id, [])).body).toEqual({ subscribed: false });
    expect((await ask(m1, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await own.api.post(`/api/homes/${w.homeA.id}/cycle-messages`, { token: m1.token, body: {} })).status).toBe(400);
    await own.wx.allowMessage(m1.openid, FAKE_CYCLE_TEMPLATE_ID);
    await own.wx.allowMessage(m1.openid, FAKE_CYCLE_TEMPLATE_ID);
    // Stored without the person: no user id, the openid sealed.
    const subscriptions = async () => {
      const db = await openDb(own.target.url, own.target.dataDir);
      try {
        return await db.query<Record<string, string>>('SELECT * FROM cycle_subscriptions WHERE home_id = ?', [w.homeA.id]);
      } finally {
        await db.close();
      }
    };
    const stored = await subscriptions();
    expect(stored).toHaveLength(2);
    expect(Object.keys(stored[0]).sort()).toEqual(['created_on', 'home_id', 'id', 'openid', 'template_id']);
    expect(JSON.stringify(stored)).not.toContain(m1.openid);

    const now = Date.now();
    const open = async () => {
      const c = await own.api.post('/api/campaigns', {
        token: w.root.token,
        body: {
          orgId: w.city.id,
          name: `开评提醒${now}${Math.random()}`,
          opensAt: new Date(now - 3600e3).toISOString(),
          closesAt: new Date(now + 30 * 86400e3).toISOString(),
        },
      });
      expect(c.status).toBe(201);
      expect((await own.api.post(`/api/campaigns/${c.body.id}/open`, { token: w.root.token })).status).toBe(200);
      return c.body.id as string;
    };
    const first = await open();
    const [msg] = await messagesFor(m1.openid, 1);
    expect(msg).toMatchObject({
      template_id: FAKE_CYCLE_TEMPLATE_ID,
      page: `pages/home/index?scene=${encodeURIComponent((w.homeA as any).sceneToken)}`,
    });
    expect(msg.data.thing1.value).toBe('本职工之家开始评议了');
    expect(await own.wx.messages(m2.openid)).toEqual([]);

    // Used up by the opening (m1 still has a grant left at WeChat, but the server keeps no opt-in).
    expect(first).toBeTruthy();
    expect(await subscriptions()).toEqual([]);
    expect(await own.wx.messages(m1.openid)).toHaveLength(1);
  });
});
