import { GRIEVANCE_TOPICS, GRIEVANCE_TYPES, isTrackingCode } from '@pingjia/shared';
import { client } from '../support/http';
import { fakeWechat } from '../support/wechat';
import { FAKE_TEMPLATE_ID } from '../fakes/wechat-server';
import { complaint, eventually, GOOD_CONTENT, grievanceFixtures, Person, rows, uniq } from './grievances.fixtures';

const api = () => client(process.env.PINGJIA_URL!);
const fx = () => grievanceFixtures(api(), { dataDir: process.env.PINGJIA_DATA_DIR, url: process.env.TEST_DATABASE_URL });
const countFor = async (homeId: string) =>
  Number((await rows<{ n: number }>('SELECT COUNT(*) AS n FROM grievances WHERE home_id = ?', [homeId]))[0].n);

describe('filing a grievance', () => {
  it('takes every type and every topic, answering 201 with a tracking code and due dates', async () => {
    const f = fx();
    const w = await f.world();
    const ids: Record<string, string> = {};
    for (const type of GRIEVANCE_TYPES) {
      const res = await f.file(w.worker, complaint(w.homeA.id, { type }));
      expect(res.status).toBe(201);
      expect(Object.keys(res.body).sort()).toEqual(['acceptDueAt', 'deadlineProvisional', 'dueAt', 'id', 'status', 'trackingCode']);
      expect(isTrackingCode(res.body.trackingCode)).toBe(true);
      expect(res.body.status).toBe('submitted');
      expect(res.body.dueAt > res.body.acceptDueAt).toBe(true);
      ids[type] = res.body.id;
      const seen = await api().get(`/api/grievances/${res.body.id}`, { token: w.chairA.token });
      expect(seen.body).toMatchObject({ type, topic: 'wages', content: GOOD_CONTENT, status: 'submitted', handler: 'home' });
    }
    const filed = Object.values(ids);
    for (const topic of GRIEVANCE_TOPICS) {
      const res = await f.file(w.worker, complaint(w.homeB.id, { topic }));
      expect(res.status).toBe(201);
      filed.push(res.body.id);
      const byChair = await api().get(`/api/grievances/${res.body.id}`, { token: w.chairB.token });
      // A grievance about the union itself never reaches that union's chair.
      expect(byChair.status).toBe(topic === 'union' ? 404 : 200);
      if (topic !== 'union') expect(byChair.body.topic).toBe(topic);
    }

    // The handler's list, soonest due first: an enquiry (3 working days) before a complaint (13).
    const list = await api().get('/api/grievances', { token: w.chairA.token });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(GRIEVANCE_TYPES.length);
    const dues = list.body.items.map((g: any) => g.dueAt);
    expect(dues).toEqual([...dues].sort());
    expect(list.body.items[0].id).toBe(ids.enquiry);
    const chairB = await api().get('/api/grievances', { token: w.chairB.token });
    expect(chairB.body.total).toBe(GRIEVANCE_TOPICS.length - 1);
    expect(chairB.body.items.map((g: any) => g.topic)).not.toContain('union');
    const submitted = await api().get('/api/grievances?status=submitted&overdue=false', { token: w.chairA.token });
    expect(submitted.body.total).toBe(GRIEVANCE_TYPES.length);
    expect((await api().get('/api/grievances?status=closed', { token: w.chairA.token })).body.total).toBe(0);

    // One worker filed 13 grievances: past the first 10 reporter-key slots a filing looks at, the 11th to
    // 13th take slots of the second chunk. Each has its own key, and the worker finds every one again.
    expect(filed).toHaveLength(GRIEVANCE_TYPES.length + GRIEVANCE_TOPICS.length);
    expect(filed.length).toBeGreaterThan(10);
    const marks = filed.map(() => '?').join(',');
    const keys = await rows<{ k: string }>(`SELECT reporter_key AS k FROM grievances WHERE id IN (${marks})`, filed);
    expect(new Set(keys.map((r) => r.k)).size).toBe(filed.length);
    const mine = await api().get('/api/grievances/mine', { token: w.worker.token });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((i: any) => i.id).sort()).toEqual([...filed].sort());
  });

  it('answers a retry with the same Idempotency-Key with the first grievance, and a changed body with 422', async () => {
    const f = fx();
    const w = await f.world();
    const key = `retry-${uniq('k')}`;
    const first = await f.file(w.worker, complaint(w.homeA.id), key);
    expect(first.status).toBe(201);
    const again = await f.file(w.worker, complaint(w.homeA.id), key);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    // Concurrent retries of the same submission still make one grievance.
    const burst = await Promise.all([1, 2, 3].map(() => f.file(w.worker, complaint(w.homeA.id), key)));
    for (const r of burst) expect(r.body.id).toBe(first.body.id);
    expect(await countFor(w.homeA.id)).toBe(1);

    const changed = await f.file(w.worker, complaint(w.homeA.id, { content: `${GOOD_CONTENT}（补充）` }), key);
    expect(changed.status).toBe(422);
    expect(changed.body.code).toBe('IDEMPOTENCY_MISMATCH');
    expect(await countFor(w.homeA.id)).toBe(1);

    // Keys belong to their caller: another worker's identical key is another submission.
    const other = await f.file(w.chairB, complaint(w.homeA.id), key);
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(first.body.id);
    expect(await countFor(w.homeA.id)).toBe(2);
    // The key is stored as a hash, for this caller's keyed hash, never as a user id.
    const stored = await rows('SELECT * FROM idempotency_keys WHERE response LIKE ?', [`%${first.body.id}%`]);
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(key);
    expect(JSON.stringify(stored)).not.toContain(w.worker.id);
    expect(JSON.stringify(stored)).not.toContain(first.body.trackingCode);
  });

  it.each<[string, (homeId: string) => Record<string, unknown>, Record<string, string>?]>([
    ['content of 9 characters', (h) => complaint(h, { content: '一二三四五六七八九' })],
    ['content over 2000 characters', (h) => complaint(h, { content: '长'.repeat(2001) })],
    ['content of invisible characters only', (h) => complaint(h, { content: '\u200B'.repeat(20) })],
    ['an unknown type', (h) => complaint(h, { type: 'petition' })],
    ['an unknown topic', (h) => complaint(h, { topic: 'weather' })],
    ['no anonymous flag', (h) => ({ homeId: h, type: 'help', topic: 'wages', content: GOOD_CONTENT })],
    ['anonymous as text', (h) => complaint(h, { anonymous: 'true' })],
    ['a phone that is not a mainland mobile', (h) => complaint(h, { anonymous: false, contact: '12345678901' })],
    ['a contact on an anonymous grievance', (h) => complaint(h, { anonymous: true, contact: '13800138000' })],
    ['an unknown field', (h) => complaint(h, { userId: 'someone' })],
    ['a home id that is not a UUID', () => complaint('home-1')],
    ['a malformed Idempotency-Key', (h) => complaint(h), { 'idempotency-key': 'abc def' }],
    // (headers has a default so Jest does not take it for a `done` callback on two-element rows)
  ])('refuses %s with 400 VALIDATION_FAILED and stores nothing', async (_, body, headers = undefined) => {
    const f = fx();
    const w = await f.world();
    const res = await api().post('/api/grievances', { token: w.worker.token, body: body(w.homeA.id), headers });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.fields).toBeDefined();
    expect(await countFor(w.homeA.id)).toBe(0);
  });

  it('answers 404 for an unknown home and 401 without a login', async () => {
    const f = fx();
    const w = await f.world();
    expect((await f.file(w.worker, complaint('00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    expect((await api().post('/api/grievances', { body: complaint(w.homeA.id) })).status).toBe(401);
  });

  it('refuses risky content with 422 and keeps held content for its handler, flagged', async () => {
    const f = fx();
    const w = await f.world();
    const risky = await f.file(w.worker, complaint(w.homeA.id, { content: `${GOOD_CONTENT}违禁内容` }));
    expect(risky.status).toBe(422);
    expect(risky.body.code).toBe('CONTENT_REFUSED');
    expect(await countFor(w.homeA.id)).toBe(0);
    const held = await f.file(w.worker, complaint(w.homeA.id, { content: `${GOOD_CONTENT}待人工复核` }));
    expect(held.status).toBe(201);
    const seen = await api().get(`/api/grievances/${held.body.id}`, { token: w.chairA.token });
    expect(seen.body).toMatchObject({ contentHeld: true, content: `${GOOD_CONTENT}待人工复核` });
    const clean = await f.file(w.worker, complaint(w.homeA.id));
    expect((await api().get(`/api/grievances/${clean.body.id}`, { token: w.chairA.token })).body.contentHeld).toBe(false);
  });
});

describe('routing and who sees what', () => {
  it('sends a grievance about the union to the federation above; its chair gets 404 everywhere', async () => {
    const f = fx();
    const w = await f.world();
    const g = (await f.file(w.worker, complaint(w.homeA.id, { topic: 'union', content: '工会主席长期不召开会员大会，会费使用也不公开。' })))
      .body;
    expect((await api().get(`/api/grievances/${g.id}`, { token: w.chairA.token })).status).toBe(404);
    expect((await f.act(w.chairA, g.id, { action: 'accept' })).status).toBe(404);
    expect((await api().get('/api/grievances', { token: w.chairA.token })).body.items.map((i: any) => i.id)).not.toContain(g.id);
    // Nor does the chair's own figure give it away.
    expect((await api().get(`/api/homes/${w.homeA.id}/grievance-stats`, { token: w.chairA.token })).body.total).toBe(0);

    const byCity = await api().get(`/api/grievances/${g.id}`, { token: w.cityAdmin.token });
    expect(byCity.status).toBe(200);
    expect(byCity.body).toMatchObject({ handler: 'upper', escalated: false, canAct: true, topic: 'union' });
    expect((await api().get('/api/grievances', { token: w.cityAdmin.token })).body.items.map((i: any) => i.id)).toEqual([g.id]);
    expect((await api().get(`/api/homes/${w.homeA.id}/grievance-stats`, { token: w.cityAdmin.token })).body.total).toBe(1);
    const accepted = await f.act(w.cityAdmin, g.id, { action: 'accept' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.timeline.at(-1)).toMatchObject({ kind: 'accepted', actorRole: 'federation' });
    // Already at the upper level: nothing to escalate to.
    expect((await f.act(w.cityAdmin, g.id, { action: 'escalate' })).status).toBe(409);
  });

  it('keeps ordinary grievances with the chair until escalated, then with the federation', async () => {
    const f = fx();
    const w = await f.world();
    const g = (await f.file(w.worker, complaint(w.homeA.id))).body;
    expect((await api().get(`/api/grievances/${g.id}`, { token: w.cityAdmin.token })).status).toBe(404);
    expect((await api().get('/api/grievances', { token: w.cityAdmin.token })).body.total).toBe(0);
    expect((await f.act(w.cityAdmin, g.id, { action: 'accept' })).status).toBe(404);

    expect((await f.act(w.chairA, g.id, { action: 'accept' })).status).toBe(200);
    const escalated = await f.act(w.chairA, g.id, { action: 'escalate', message: '涉及多家企业，请上级协调' });
    expect(escalated.status).toBe(200);
    expect(escalated.body).toMatchObject({ handler: 'upper', escalated: true, canAct: false });
    // The chair still sees it but no longer acts on it.
    const late = await f.act(w.chairA, g.id, { action: 'resolve', message: '已处理' });
    expect(late.status).toBe(403);
    expect(late.body.code).toBe('FORBIDDEN');
    const byCity = await api().get(`/api/grievances/${g.id}`, { token: w.cityAdmin.token });
    expect(byCity.body).toMatchObject({ canAct: true, content: GOOD_CONTENT });
    // The federation's figures count it as escalated, for the home and over the subtree.
    expect((await api().get(`/api/homes/${w.homeA.id}/grievance-stats`, { token: w.cityAdmin.token })).body).toMatchObject({
      total: 1,
      escalated: 1,
    });
    const dash = await api().get(`/api/orgs/${w.city.id}/dashboard`, { token: w.cityAdmin.token });
    expect(dash.status).toBe(200);
    expect(dash.body.grievances).toMatchObject({ total: 1, escalated: 1 });
    expect((await f.act(w.cityAdmin, g.id, { action: 'resolve', message: '已协调企业补发工资' })).status).toBe(200);
  });

  it("shows nothing to another home's chair, other admins or strangers (404)", async () => {
    const f = fx();
    const w = await f.world();
    const other = await f.world();
    const stranger = await f.person();
    const g = (await f.file(w.worker, complaint(w.homeA.id, { topic: 'union' }))).body;
    const h = (await f.file(w.worker, complaint(w.homeA.id))).body;
    for (const who of [w.chairB, other.chairA, other.cityAdmin, stranger]) {
      for (const id of [g.id, h.id]) {
        expect((await api().get(`/api/grievances/${id}`, { token: who.token })).status).toBe(404);
        expect((await f.act(who, id, { action: 'accept' })).status).toBe(404);
      }
      expect((await api().get('/api/grievances', { token: who.token })).body.items.map((i: any) => i.id)).not.toEqual(
        expect.arrayContaining([g.id]),
      );
      expect((await api().get(`/api/homes/${w.homeA.id}/grievance-stats`, { token: who.token })).status).toBe(404);
    }
    expect((await api().get('/api/grievances/not-a-uuid', { token: w.chairA.token })).status).toBe(404);
  });
});

describe('anonymity', () => {
  it('stores no user id or openid with an anonymous grievance, and no answer names the reporter', async () => {
    const f = fx();
    const w = await f.world();
    const key = `anon-${uniq('k')}`;
    const filed = await f.file(w.worker, complaint(w.homeA.id, { subscribe: true }), key);
    expect(filed.status).toBe(201);
    const id = filed.body.id;
    await fakeWechat().allowMessage(w.worker.openid, FAKE_TEMPLATE_ID);

    const answers = [
      filed,
      await api().get(`/api/grievances/${id}`, { token: w.chairA.token }),
      await api().get('/api/grievances', { token: w.chairA.token }),
      await f.act(w.chairA, id, { action: 'accept' }),
      await f.act(w.chairA, id, { action: 'resolve', message: '已与企业沟通，补发工资。' }),
      await api().get(`/api/grievances/track/${filed.body.trackingCode}`),
      await api().get(`/api/homes/${w.homeA.id}/grievance-stats`, { token: w.chairA.token }),
      await api().get('/api/grievances/mine', { token: w.worker.token }),
      await api().get(`/api/grievances/${id}`, { token: w.worker.token }),
      await f.feedback(w.worker, id, { verdict: 'satisfied', comment: '处理及时' }),
      await api().get(`/api/grievances/${id}`, { token: w.chairA.token }),
    ];
    for (const a of answers) {
      expect(a.status).toBeLessThan(300);
      expect(a.text).not.toContain(w.worker.id);
      expect(a.text).not.toContain(w.worker.openid);
    }
    const chairView = answers.at(-1)!.body;
    expect(chairView.reporter).toBeNull();
    // The chair sees the day of the worker's own steps, not the minute.
    for (const e of chairView.timeline.filter((e: any) => e.actorRole === 'reporter')) {
      expect(e.at).toBeNull();
      expect(e.on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(answers[8].body.timeline[0].at).not.toBeNull();

    // The message went out, and with it the last trace of the worker's openid.
    expect(
      await eventually(
        () => fakeWechat().messages(w.worker.openid),
        (m) => m.length === 1,
      ),
    ).toHaveLength(1);
    const stored = await rows('SELECT * FROM grievances WHERE id = ?', [id]);
    expect(Object.keys(stored[0]).sort()).toEqual(
      [
        'id',
        'home_id',
        'org_id',
        'org_path',
        'handler_org_id',
        'handler_org_path',
        'escalated',
        'type',
        'topic',
        'content',
        'content_status',
        'anonymous',
        'reporter_key',
        'reporter_name',
        'contact',
        'tracking_hash',
        'status',
        'version',
        'accept_due_at',
        'due_at',
        'completed_at',
        'on_time',
        'extended',
        'reopened',
        'accept_reminded',
        'final_reminded',
        'question_open',
        'feedback_verdict',
        'feedback_comment',
        'created_at',
        'updated_at',
      ].sort(),
    );
    expect(stored[0].reporter_name).toBeNull();
    expect(stored[0].contact).toBeNull();
    const everything = JSON.stringify([
      stored,
      await rows('SELECT * FROM grievance_events WHERE grievance_id = ?', [id]),
      await rows('SELECT * FROM grievance_subscriptions'),
      await rows('SELECT * FROM notification_outbox'),
      await rows('SELECT * FROM idempotency_keys'),
    ]);
    expect(everything).not.toContain(w.worker.id);
    expect(everything).not.toContain(w.worker.openid);
    expect(everything).not.toContain(filed.body.trackingCode);
  });

  it("shows a named reporter's contact to the handler and the reporter only", async () => {
    const f = fx();
    const w = await f.world();
    const g = (await f.file(w.worker, complaint(w.homeA.id, { anonymous: false, contact: '13912345678' }))).body;
    const byChair = await api().get(`/api/grievances/${g.id}`, { token: w.chairA.token });
    expect(byChair.body.reporter).toEqual({ name: null, contact: '13912345678' });
    expect((await api().get(`/api/grievances/${g.id}`, { token: w.worker.token })).body.reporter.contact).toBe('13912345678');
    const track = await api().get(`/api/grievances/track/${g.trackingCode}`);
    expect(track.text).not.toContain('13912345678');
    expect(track.text).not.toContain(GOOD_CONTENT);
    expect((await api().get(`/api/grievances/${g.id}`, { token: w.chairB.token })).status).toBe(404);
  });
});

describe('handling', () => {
  it('runs the closed loop, with a public timeline that has no content', async () => {
    const f = fx();
    const w = await f.world();
    const g = (await f.file(w.worker, complaint(w.homeA.id))).body;
    for (const [action, status] of [
      ['accept', 'accepted'],
      ['reply', 'replied'],
      ['resolve', 'resolved'],
    ] as const) {
      const res = await f.act(w.chairA, g.id, { action, message: action === 'accept' ? undefined : `${action}：已联系企业人事部门` });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe(status);
    }
    const closed = await f.feedback(w.worker, g.id, { verdict: 'satisfied' });
    expect(closed.body.status).toBe('closed');
    expect(closed.body.feedback).toEqual({ verdict: 'satisfied', comment: null });
    const timeline = closed.body.timeline;
    expect(timeline.map((e: any) => [e.kind, e.actorRole])).toEqual([
      ['submitted', 'reporter'],
      ['accepted', 'chair'],
      ['replied', 'chair'],
      ['resolved', 'chair'],
      ['feedback', 'reporter'],
      ['closed', 'reporter'],
    ]);
    expect(timeline[2].message).toBe('reply：已联系企业人事部门');

    const code = g.trackingCode as string;
    const track = await api().get(
      `/api/grievances/track/${code
        .toLowerCase()
        .match(/.{1,4}/g)!
        .join('-')}`,
    );
    expect(track.status).toBe(200);
    expect(Object.keys(track.body).sort()).toEqual([
      'attachments',
      'can',
      'deadlineProvisional',
      'dueAt',
      'feedback',
      'overdue',
      'reopened',
      'status',
      'timeline',
      'type',
    ]);
    expect(track.body.status).toBe('closed');
    expect(track.body.timeline.map((e: any) => e.kind)).toEqual(['submitted', 'accepted', 'replied', 'resolved', 'feedback', 'closed']);
    // The conversation (issue 19), but never the content.
    expect(track.body.timeline[2].message).toBe('reply：已联系企业人事部门');
    expect(track.text).not.toContain(GOOD_CONTENT);
    expect((await api().get(`/api/grievances/track/${'Z'.repeat(20)}`)).status).toBe(404);
    expect((await api().get('/api/grievances/track/short')).status).toBe(404);

    const mine = await api().get('/api/grievances/mine', { token: w.worker.token });
    expect(mine.body.items.map((i: any) => [i.id, i.status, i.mine])).toEqual([[g.id, 'closed', true]]);
    expect((await api().get('/api/grievances/mine', { token: w.chairA.token })).body.items).toEqual([]);
  });

  it('answers 409 STATE_CONFLICT to every illegal transition and changes nothing', async () => {
    const f = fx();
    const w = await f.world();
    const fresh = async (type = 'complaint') => (await f.file(w.worker, complaint(w.homeA.id, { type }))).body.id as string;
    const expect409 = async (who: Person, id: string, body: Record<string, unknown>, feedback = false) => {
      const before = (await api().get(`/api/grievances/${id}`, { token: w.chairA.token })).body;
      const res = feedback ? await f.feedback(who, id, body) : await f.act(who, id, body);
      expect([body, res.status, res.body.code]).toEqual([body, 409, 'STATE_CONFLICT']);
      const after = (await api().get(`/api/grievances/${id}`, { token: w.chairA.token })).body;
      expect(after.timeline).toHaveLength(before.timeline.length);
      expect(after.status).toBe(before.status);
    };

    const submitted = await fresh();
    await expect409(w.chairA, submitted, { action: 'reply', message: '答复' });
    await expect409(w.chairA, submitted, { action: 'resolve', message: '办结' });
    await expect409(w.chairA, submitted, { action: 'extend', message: '需要调查', days: 3 });
    await expect409(w.worker, submitted, { verdict: 'satisfied' }, true);

    const accepted = await fresh();
    await f.act(w.chairA, accepted, { action: 'accept' });
    await expect409(w.chairA, accepted, { action: 'accept' });
    await expect409(w.worker, accepted, { verdict: 'dissatisfied' }, true);
    await f.act(w.chairA, accepted, { action: 'extend', message: '需要到企业调查取证', days: 3 });
    await expect409(w.chairA, accepted, { action: 'extend', message: '再延一次', days: 3 });
    await f.act(w.chairA, accepted, { action: 'reply', message: '正在协调' });
    await expect409(w.chairA, accepted, { action: 'reply', message: '再答复一次' });
    await expect409(w.worker, accepted, { verdict: 'satisfied' }, true); // an interim reply to a complaint is not its result

    const enquiry = await fresh('enquiry');
    await f.act(w.chairA, enquiry, { action: 'accept' });
    await f.act(w.chairA, enquiry, { action: 'reply', message: '加班费按国家规定计算' });
    await expect409(w.chairA, enquiry, { action: 'extend', message: '延期', days: 2 });
    await expect409(w.chairA, enquiry, { action: 'escalate' });

    const closed = await fresh();
    await f.act(w.chairA, closed, { action: 'accept' });
    await f.act(w.chairA, closed, { action: 'resolve', message: '已办结' });
    await expect409(w.chairA, closed, { action: 'resolve', message: '再办结' });
    await expect409(w.chairA, closed, { action: 'escalate' });
    await f.feedback(w.worker, closed, { verdict: 'satisfied' });
    for (const body of [
      { action: 'accept' },
      { action: 'reply', message: '答复' },
      { action: 'resolve', message: '办结' },
      { action: 'extend', message: '延期', days: 1 },
      { action: 'escalate' },
    ]) {
      await expect409(w.chairA, closed, body);
    }
    await expect409(w.worker, closed, { verdict: 'dissatisfied' }, true);
  });

  it('reopens once when the worker is dissatisfied, and closes on the second', async () => {
    const f = fx();
    const w = await f.world();
    const g = (await f.file(w.worker, complaint(w.homeA.id))).body;
    await f.act(w.chairA, g.id, { action: 'accept' });
    await f.act(w.chairA, g.id, { action: 'resolve', message: '已办结' });
    const reopened = await f.feedback(w.worker, g.id, { verdict: 'dissatisfied', comment: '工资仍未补发' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({
      status: 'accepted',
      reopened: true,
      feedback: { verdict: 'dissatisfied', comment: '工资仍未补发' },
    });
    expect(reopened.body.timeline.slice(-2).map((e: any) => e.kind)).toEqual(['feedback', 'reopened']);
    expect(reopened.body.timeline.at(-2).verdict).toBe('dissatisfied');
    const chairSees = (await api().get(`/api/grievances/${g.id}`, { token: w.chairA.token })).body;
    expect(chairSees.feedback.comment).toBe('工资仍未补发');

    await f.act(w.chairA, g.id, { action: 'resolve', message: '已督促企业补发' });
    const second = await f.feedback(w.worker, g.id, { verdict: 'dissatisfied' });
    expect(second.body.status).toBe('closed');
    expect(second.body.timeline.slice(-2).map((e: any) => e.kind)).toEqual(['feedback', 'closed']);
    expect((await f.feedback(w.worker, g.id, { verdict: 'dissatisfied' })).status).toBe(409);
  });

  it('takes feedback from the reporter only: anyone else gets 404', async () => {
    const f = fx();
    const w = await f.world();
    const stranger = await f.person();
    const g = (await f.file(w.worker, complaint(w.homeA.id, { topic: 'union' }))).body;
    await f.act(w.cityAdmin, g.id, { action: 'accept' });
    await f.act(w.cityAdmin, g.id, { action: 'resolve', message: '已约谈工会主席' });
    for (const who of [w.chairA, w.chairB, w.cityAdmin, stranger]) {
      const res = await f.feedback(who, g.id, { verdict: 'dissatisfied' });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    expect((await f.feedback(w.worker, g.id, { verdict: 'satisfied' })).status).toBe(200);
  });

  it('needs a reason for an extension, which the worker then sees with the new due date', async () => {
    const f = fx();
    const w = await f.world();
    const g = (await f.file(w.worker, complaint(w.homeA.id))).body;
    await f.act(w.chairA, g.id, { action: 'accept' });
    for (const body of [
      { action: 'extend', days: 3 },
      { action: 'extend', message: '   ', days: 3 },
      { action: 'extend', message: '需调查' },
      { action: 'extend', message: '需调查', days: 0 },
      { action: 'extend', message: '需调查', days: 14 },
      { action: 'extend', message: '需调查', days: '3' },
    ]) {
      const res = await f.act(w.chairA, g.id, body);
      expect([body, res.status, res.body.code]).toEqual([body, 400, 'VALIDATION_FAILED']);
    }
    const extended = await f.act(w.chairA, g.id, { action: 'extend', message: '需要劳动监察部门配合调查', days: 5 });
    expect(extended.status).toBe(200);
    expect(extended.body.extended).toBe(true);
    expect(extended.body.dueAt > g.dueAt).toBe(true);
    const track = (await api().get(`/api/grievances/track/${g.trackingCode}`)).body;
    expect(track.dueAt).toBe(extended.body.dueAt);
    expect(track.timeline.at(-1)).toMatchObject({ kind: 'extended', message: '需要劳动监察部门配合调查', days: 5 });
  });

  it('refuses malformed actions with 400 and changes nothing', async () => {
    const f = fx();
    const w = await f.world();
    const g = (await f.file(w.worker, complaint(w.homeA.id))).body;
    for (const body of [
      { action: 'close' },
      { action: 'accept', days: 2 },
      { action: 'reply' },
      { action: 'resolve', message: '' },
      {},
      { action: 'accept', extra: 1 },
      // null where a message may be left out (was a 500: normalizeText(null))
      { action: 'extend', message: null },
      { action: 'reply', message: null },
    ]) {
      const res = await f.act(w.chairA, g.id, body);
      expect([body, res.status]).toEqual([body, 400]);
    }
    expect((await f.feedback(w.worker, g.id, { verdict: 'meh' })).status).toBe(400);
    expect((await api().get('/api/grievances?status=lost', { token: w.chairA.token })).status).toBe(400);
    expect((await api().get('/api/grievances?overdue=yes', { token: w.chairA.token })).status).toBe(400);
    const after = (await api().get(`/api/grievances/${g.id}`, { token: w.chairA.token })).body;
    expect(after.status).toBe('submitted');
    expect(after.timeline).toHaveLength(1);
  });
});

describe('notifications', () => {
  it('sends one subscribe message per opt-in on a status change, with no content in it', async () => {
    const f = fx();
    const w = await f.world();
    const wx = fakeWechat();
    const g = (await f.file(w.worker, complaint(w.homeA.id, { subscribe: true }))).body;
    await wx.allowMessage(w.worker.openid, FAKE_TEMPLATE_ID);
    expect((await f.act(w.chairA, g.id, { action: 'accept' })).status).toBe(200);
    const first = await eventually(
      () => wx.messages(w.worker.openid),
      (m) => m.length === 1,
    );
    expect(first).toHaveLength(1);
    expect(first[0].template_id).toBe(FAKE_TEMPLATE_ID);
    expect(first[0].page).toBe(`pages/grievance/index?id=${g.id}`);
    expect(first[0].data.phrase1.value).toBe('办理中');
    const text = JSON.stringify(first[0]);
    for (const secret of [GOOD_CONTENT.slice(0, 6), w.homeA.name, '投诉', '工资']) expect(text).not.toContain(secret);

    // The opt-in is used up: the next change sends nothing…
    await wx.allowMessage(w.worker.openid, FAKE_TEMPLATE_ID);
    await f.act(w.chairA, g.id, { action: 'reply', message: '正在协调' });
    await new Promise((r) => setTimeout(r, 500));
    expect(await wx.messages(w.worker.openid)).toHaveLength(1);
    // …until the worker opts in again.
    expect((await api().post(`/api/grievances/${g.id}/subscriptions`, { token: w.worker.token })).status).toBe(204);
    expect((await api().post(`/api/grievances/${g.id}/subscriptions`, { token: w.chairA.token })).status).toBe(404);
    await f.act(w.chairA, g.id, { action: 'resolve', message: '已办结' });
    const second = await eventually(
      () => wx.messages(w.worker.openid),
      (m) => m.length === 2,
    );
    expect(second.map((m) => m.data.phrase1.value)).toEqual(['办理中', '已办结']);

    // An opt-in still unused when the worker closes the grievance goes with it, openid and all.
    await api().post(`/api/grievances/${g.id}/subscriptions`, { token: w.worker.token });
    expect(await rows('SELECT * FROM grievance_subscriptions WHERE grievance_id = ?', [g.id])).toHaveLength(1);
    await f.feedback(w.worker, g.id, { verdict: 'satisfied' });
    expect(await rows('SELECT * FROM grievance_subscriptions WHERE grievance_id = ?', [g.id])).toHaveLength(0);
  });

  it('neither blocks nor fails an action when the worker refused the message (43101)', async () => {
    const f = fx();
    const w = await f.world();
    const g = (await f.file(w.worker, complaint(w.homeA.id, { subscribe: true }))).body;
    // No allowMessage: WeChat answers 43101.
    const res = await f.act(w.chairA, g.id, { action: 'accept' });
    expect(res.status).toBe(200);
    // Openids are sealed in the delivery tables: rows are found by the grievance.
    const left = await eventually(
      () => rows('SELECT * FROM notification_outbox WHERE page LIKE ?', [`%id=${g.id}`]),
      (r) => r.length === 0,
    );
    expect(left).toHaveLength(0);
    expect(await fakeWechat().messages(w.worker.openid)).toHaveLength(0);
    expect(await rows('SELECT * FROM grievance_subscriptions WHERE grievance_id = ?', [g.id])).toHaveLength(0);
  });
});

describe('figures', () => {
  it('counts grievances, on-time handling and satisfaction per home for its staff', async () => {
    const f = fx();
    const w = await f.world();
    const file = async () => (await f.file(w.worker, complaint(w.homeA.id))).body.id as string;
    const [a, b, c] = [await file(), await file(), await file()];
    for (const id of [a, b]) {
      await f.act(w.chairA, id, { action: 'accept' });
      await f.act(w.chairA, id, { action: 'resolve', message: '已办结' });
    }
    await f.feedback(w.worker, a, { verdict: 'satisfied' });
    await f.feedback(w.worker, b, { verdict: 'dissatisfied' });
    await f.file(w.worker, complaint(w.homeA.id, { topic: 'union' }));
    void c;

    const byChair = await api().get(`/api/homes/${w.homeA.id}/grievance-stats`, { token: w.chairA.token });
    expect(byChair.status).toBe(200);
    // 3 ordinary ones (the union one is not the chair's to count): a closed, b reopened, c submitted → 2 open.
    // a and b were both resolved before their limit → decided 2, on time 2, rate 2/2 = 1.
    // Feedback: a satisfied, b dissatisfied → 1/2 = 0.5.
    expect(byChair.body).toEqual({
      total: 3,
      open: 2,
      overdue: 0,
      escalated: 0,
      decided: 2,
      onTime: 2,
      onTimeRate: 1,
      feedback: { satisfied: 1, dissatisfied: 1 },
      satisfactionRate: 0.5,
    });
    const byCity = await api().get(`/api/homes/${w.homeA.id}/grievance-stats`, { token: w.cityAdmin.token });
    expect(byCity.body.total).toBe(4);
    expect((await api().get(`/api/homes/${w.homeA.id}/grievance-stats`, { token: w.chairB.token })).status).toBe(404);
  });
});

describe('the working-day calendar', () => {
  it("is national and read-only, with entries per province set by that province's admins only, each audited with its actor", async () => {
    const f = fx();
    const w = await f.world();
    const province = w.root.provinceId;
    const day = '2031-01-02';
    // The national calendar cannot be changed through the API at all.
    expect((await api().put(`/api/calendar/days/${day}`, { token: w.root.token, body: { kind: 'holiday' } })).status).toBe(404);

    const put = await api().put(`/api/orgs/${province}/calendar/days/${day}`, {
      token: w.root.token,
      body: { kind: 'holiday', note: '测试调休' },
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ day, kind: 'holiday', source: 'override', note: '测试调休' });
    const own = await api().get(`/api/calendar/days?from=2031-01-01&to=2031-01-03&provinceId=${province}`, { token: w.worker.token });
    expect(own.body.items.map((d: any) => [d.day, d.kind, d.source])).toEqual([
      ['2031-01-01', 'workday', 'weekday'], // before a 2031 list exists, only the weekday rule knows it
      [day, 'holiday', 'override'],
      ['2031-01-03', 'workday', 'weekday'],
    ]);
    // The national calendar is untouched by the province's entry.
    const national = await api().get(`/api/calendar/days?from=${day}&to=${day}`, { token: w.worker.token });
    expect(national.body.items[0]).toMatchObject({ kind: 'workday', source: 'weekday' });
    const holidays = await api().get('/api/calendar/days?from=2026-10-07&to=2026-10-10', { token: w.worker.token });
    expect(holidays.body.items.map((d: any) => [d.kind, d.source])).toEqual([
      ['holiday', 'holidays'],
      ['workday', 'weekday'],
      ['workday', 'weekday'],
      ['workday', 'holidays'],
    ]);

    // Below the province nobody reaches its calendar; a city keeps none of its own.
    expect(
      (await api().put(`/api/orgs/${province}/calendar/days/${day}`, { token: w.cityAdmin.token, body: { kind: 'workday' } })).status,
    ).toBe(404);
    expect(
      (await api().put(`/api/orgs/${province}/calendar/days/${day}`, { token: w.chairA.token, body: { kind: 'workday' } })).status,
    ).toBe(404);
    expect(
      (await api().put(`/api/orgs/${w.city.id}/calendar/days/${day}`, { token: w.cityAdmin.token, body: { kind: 'workday' } })).status,
    ).toBe(403);
    expect(
      (await api().put(`/api/orgs/${province}/calendar/days/2031-02-30`, { token: w.root.token, body: { kind: 'holiday' } })).status,
    ).toBe(400);
    expect((await api().put(`/api/orgs/${province}/calendar/days/${day}`, { token: w.root.token, body: { kind: 'weekend' } })).status).toBe(
      400,
    );
    expect((await api().del(`/api/orgs/${province}/calendar/days/${day}`, { token: w.root.token })).status).toBe(204);
    const after = await api().get(`/api/calendar/days?from=${day}&to=${day}&provinceId=${province}`, { token: w.worker.token });
    expect(after.body.items[0]).toMatchObject({ kind: 'workday', source: 'weekday' });

    // Both changes are in the province's audit log, with who made them.
    const me = await api().get('/api/me', { token: w.root.token });
    const audit = await api().get(`/api/orgs/${province}/audit?pageSize=200`, { token: w.root.token });
    const mine = audit.body.items
      .filter((e: any) => e.action.startsWith('calendar.') && e.detail?.day === day)
      .map((e: any) => [e.action, e.actor.userId, e.detail.kind ?? null]);
    expect(mine).toEqual(
      expect.arrayContaining([
        ['calendar.set', me.body.id, 'holiday'],
        ['calendar.remove', me.body.id, null],
      ]),
    );
  });
});
