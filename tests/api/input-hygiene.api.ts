// Text as people will read it: normalised (NFC, no bidi controls) wherever users write it, home names
// that cannot pass for another home of the same org, sorting only by allow-listed keys, and text
// handed back verbatim as JSON strings (never interpreted, never escaped into something else).
import { openDb } from '../support/db';
import { api, GOOD_SCORES, ratingPath, uniq } from './fixtures';
import { GOOD_CONTENT, grievanceFixtures } from './grievances.fixtures';
import { openCampaignOn } from './own-server';

const target = { dataDir: process.env.PINGJIA_DATA_DIR, url: process.env.TEST_DATABASE_URL };
const fx = grievanceFixtures(api(), target);
// "é" decomposed (e + combining acute), wrapped in a right-to-left override and an isolate.
const DECOMPOSED = 'cafe\u0301';
const tricky = (text: string) => `\u202e${text}${DECOMPOSED}\u2066\u202c`;
const clean = (text: string) => `${text}${DECOMPOSED.normalize('NFC')}`;
const HTML = '<img src=x onerror="window.__xss=1">&lt;b&gt;粗体&lt;/b&gt;<script>alert(1)</script>';

describe('input hygiene', () => {
  it('stores and answers names, comments and grievance text in NFC without bidi controls', async () => {
    const w = await fx.world();
    const home = await api().post('/api/homes', {
      token: w.root.token,
      body: { orgId: w.city.id, name: tricky(uniq('规范厂工会')), kind: 'enterprise', memberCount: 20, membershipMode: 'open' },
    });
    expect(home.status).toBe(201);
    expect(home.body.name).toMatch(/^规范厂工会[0-9a-f]{6}café$/);

    const campaign = await openCampaignOn(api(), w.root.token, w.city.id);
    const rated = await api().put(ratingPath(campaign.id, w.homeA.id), {
      token: w.worker.token,
      body: { scores: GOOD_SCORES, verdict: 'satisfied', comment: tricky('食堂很好') },
    });
    expect(rated.status).toBe(201);
    expect(rated.body.rating.comment).toBe(clean('食堂很好'));

    const filed = await fx.file(w.worker, {
      homeId: w.homeA.id,
      type: 'help',
      topic: 'wages',
      content: tricky(GOOD_CONTENT),
      anonymous: false,
    });
    expect(filed.status).toBe(201);
    expect((await fx.act(w.chairA, filed.body.id, { action: 'accept' })).status).toBe(200);
    const replied = await fx.act(w.chairA, filed.body.id, { action: 'reply', message: tricky('已联系车间主任') });
    expect(replied.status).toBe(200);
    const seen = await api().get(`/api/grievances/${filed.body.id}`, { token: w.worker.token });
    expect(seen.body.content).toBe(clean(GOOD_CONTENT));
    expect(JSON.stringify(seen.body.timeline)).toContain(JSON.stringify(clean('已联系车间主任')).slice(1, -1));

    const db = await openDb(target.url, target.dataDir);
    try {
      const stored = [
        ...(await db.query<{ t: string }>('SELECT name AS t FROM homes WHERE id = ?', [home.body.id])),
        ...(await db.query<{ t: string }>('SELECT comment AS t FROM ratings WHERE campaign_id = ?', [campaign.id])),
        ...(await db.query<{ t: string }>('SELECT content AS t FROM grievances WHERE id = ?', [filed.body.id])),
        ...(await db.query<{ t: string }>('SELECT message AS t FROM grievance_events WHERE grievance_id = ? AND message IS NOT NULL', [
          filed.body.id,
        ])),
      ].map((r) => r.t);
      expect(stored).toHaveLength(4);
      for (const t of stored) {
        expect(t).toBe(t.normalize('NFC'));
        expect(t).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
      }
    } finally {
      await db.close();
    }
  });

  it('refuses a home name that looks like another home of the same org with 409 DUPLICATE, storing nothing', async () => {
    const w = await fx.world();
    const base = `${uniq('力帆')}ABC工会`;
    const first = await api().post('/api/homes', {
      token: w.root.token,
      body: { orgId: w.city.id, name: base, kind: 'enterprise', memberCount: 20, membershipMode: 'open' },
    });
    expect(first.status).toBe(201);
    const countHomes = async () =>
      (await api().get(`/api/orgs/${w.city.id}/children`, { token: w.root.token })).body.items.filter(
        (i: { type: string }) => i.type === 'home',
      ).length;
    const before = await countHomes();
    // katakana カ for 力, full-width and Cyrillic letters, a zero-width space, the very same name
    for (const lookalike of [
      base.replace('力', 'カ'),
      base.replace('ABC', 'ＡＢＣ'),
      base.replace('ABC', 'АВС'),
      base.replace('工会', '工\u200b会'),
      base,
    ]) {
      const res = await api().post('/api/homes', {
        token: w.root.token,
        body: { orgId: w.city.id, name: lookalike, kind: 'enterprise', memberCount: 20, membershipMode: 'open' },
      });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('DUPLICATE');
      expect(res.body.message).toContain(`“${base}”`);
      expect(res.body.message).toMatch(/难以区分/);
    }
    expect(await countHomes()).toBe(before);
    // Another org may have a home of that name: members there pick among their own homes.
    const elsewhere = await api().post('/api/orgs', {
      token: w.root.token,
      body: { parentId: w.root.provinceId, name: uniq('另一市'), level: 'city' },
    });
    const there = await api().post('/api/homes', {
      token: w.root.token,
      body: { orgId: elsewhere.body.id, name: base.replace('力', 'カ'), kind: 'enterprise', memberCount: 20, membershipMode: 'open' },
    });
    expect(there.status).toBe(201);
  });

  it.each([
    ['sort', 'name;DROP TABLE homes'],
    ['sort', 'h.name'],
    ['sort', 'sum_trust'],
    ['sort', '(SELECT 1)'],
    ['order', 'desc, h.id'],
    ['level', 'homes UNION SELECT 1'],
  ])('answers 400 to an org dashboard sorted by %s=%s', async (param, value) => {
    const w = await fx.world();
    const campaign = await openCampaignOn(api(), w.root.token, w.city.id);
    const res = await api().get(`/api/orgs/${w.city.id}/dashboard?campaignId=${campaign.id}&${param}=${encodeURIComponent(value)}`, {
      token: w.root.token,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.body.fields)).toEqual([param]);
  });

  // The H5 and weapp pages render these as text nodes; the API's part is to hand them back unchanged.
  it('hands back a comment and a grievance holding HTML verbatim, as JSON strings', async () => {
    const w = await fx.world();
    const campaign = await openCampaignOn(api(), w.root.token, w.city.id);
    const rated = await api().put(ratingPath(campaign.id, w.homeA.id), {
      token: w.worker.token,
      body: { scores: GOOD_SCORES, verdict: 'satisfied', comment: HTML },
    });
    expect(rated.status).toBe(201);
    expect(rated.headers.get('content-type')).toMatch(/^application\/json/);
    expect(rated.body.rating.comment).toBe(HTML);
    const filed = await fx.file(w.worker, {
      homeId: w.homeA.id,
      type: 'complaint',
      topic: 'wages',
      content: `${GOOD_CONTENT}${HTML}`,
      anonymous: true,
    });
    expect(filed.status).toBe(201);
    for (const who of [w.worker, w.chairA]) {
      const seen = await api().get(`/api/grievances/${filed.body.id}`, { token: who.token });
      expect(seen.headers.get('content-type')).toMatch(/^application\/json/);
      expect(seen.body.content).toBe(`${GOOD_CONTENT}${HTML}`);
    }
    // Every answer forbids sniffing it into HTML.
    expect(rated.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses NUL, other control characters and lone surrogates in text with a field message, storing nothing; keeps newline and tab', async () => {
    const w = await fx.world();
    const campaign = await openCampaignOn(api(), w.root.token, w.city.id);
    const path = ratingPath(campaign.id, w.homeA.id);
    for (const [comment, message] of [
      ['食堂\u0000很好', /控制字符/],
      ['食堂\u001b[2J很好', /控制字符/],
      ['食堂很好\ud83d', /代理项/],
    ] as const) {
      const refused = await api().put(path, { token: w.worker.token, body: { scores: GOOD_SCORES, verdict: 'satisfied', comment } });
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
      expect(refused.body.fields.comment).toMatch(message);
    }
    expect((await api().get(path, { token: w.worker.token })).status).toBe(404);
    const filed = await fx.file(w.worker, {
      homeId: w.homeA.id,
      type: 'help',
      topic: 'wages',
      content: `${GOOD_CONTENT}\udc00`,
      anonymous: true,
    });
    expect(filed.status).toBe(400);
    expect(filed.body.fields.content).toMatch(/代理项/);

    const kept = await api().put(path, {
      token: w.worker.token,
      body: { scores: GOOD_SCORES, verdict: 'satisfied', comment: '第一行\n第二行\t完' },
    });
    expect(kept.status).toBe(201);
    expect(kept.body.rating.comment).toBe('第一行\n第二行\t完');
  });
});
