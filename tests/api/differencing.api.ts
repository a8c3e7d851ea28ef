import ExcelJS from 'exceljs';
import {
  api,
  chairOf,
  createHome,
  createOrg,
  freshCity,
  member,
  moveCampaign,
  openCampaign,
  PARTICIPATION_ONLY,
  ratingPath,
  scores,
  VerdictKey,
} from './oversight.fixtures';

// Issue 14's differencing attacks, replayed step by step (docs/security.md, threat model). Each attack
// runs twice, in two worlds that differ only in the target member's answer: in world B the target and
// another real member X have swapped answers. The attacker — the chair, its extra WeChat accounts and
// the federation staff, the organiser included — takes every view it can after every step (the home
// dashboard as chair and as the organiser, the county's and the city's dashboards and league tables,
// both Excel exports, the public results). If every view is the same in both worlds, the views tell
// nothing about the target's answer beyond "it is one of the raters in a crowd of ≥ 5".

type Rater = { token: string };
type Answer = { verdict: VerdictKey; score: number; groups?: string[] };
const SATISFIED: Answer = { verdict: 'satisfied', score: 5 };
const DISSATISFIED: Answer = { verdict: 'dissatisfied', score: 1 };

async function rate(r: Rater, campaignId: string, homeId: string, a: Answer) {
  const res = await api().put(ratingPath(campaignId, homeId), {
    token: r.token,
    body: { scores: scores(a.score), verdict: a.verdict, groups: a.groups ?? [] },
  });
  expect([200, 201]).toContain(res.status);
}

async function sheets(path: string, token: string): Promise<Record<string, unknown[][]>> {
  const res = await fetch(process.env.PINGJIA_URL + path, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as any);
  const out: Record<string, unknown[][]> = {};
  wb.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    out[sheet.name] = rows;
  });
  return out;
}

async function get(path: string, token?: string) {
  const res = await api().get(path, token ? { token } : {});
  expect([path, res.status]).toEqual([path, 200]);
  return res.body;
}

/** A world: city (organiser) → county → home with 40 members and its chair; an open cycle over the city. */
async function world() {
  const { adminToken, city } = await freshCity();
  const county = await createOrg(adminToken, city.id, 'county');
  const home = await createHome(adminToken, county.id, 40);
  const chair = await chairOf(adminToken, home.id);
  const c = await openCampaign(adminToken, city.id);
  const names = [home.id, home.name, county.id, county.name, city.id, city.name, c.id, c.name];
  const q = `campaignId=${c.id}`;
  /** Every view the attacker can take now, with this world's ids, names and instants masked. */
  const views = async () => {
    const all = {
      chairDashboard: await get(`/api/homes/${home.id}/dashboard?${q}`, chair.token),
      organiserDashboard: await get(`/api/homes/${home.id}/dashboard?${q}`, adminToken),
      countyLeague: await get(`/api/orgs/${county.id}/dashboard?${q}&sort=participation`, adminToken),
      cityRollUp: await get(`/api/orgs/${city.id}/dashboard?${q}&level=children`, adminToken),
      chairExport: await sheets(`/api/homes/${home.id}/export.xlsx?${q}`, chair.token),
      countyExport: await sheets(`/api/orgs/${county.id}/export.xlsx?${q}`, adminToken),
      cityExport: await sheets(`/api/orgs/${city.id}/export.xlsx?${q}`, adminToken),
      publicResults: await get(`/api/homes/${home.id}/results`),
    };
    let text = JSON.stringify(all);
    for (const n of names) text = text.split(n).join('·');
    return JSON.parse(text.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T'));
  };
  /** `n` new accounts of the attacker (or real members) rating with a known answer. */
  const many = async (n: number, a: Answer) => {
    for (let i = 0; i < n; i++) await rate(await member(), c.id, home.id, a);
  };
  return {
    adminToken,
    home,
    c,
    views,
    many,
    rate: (r: Rater, a: Answer) => rate(r, c.id, home.id, a),
    close: () => moveCampaign(adminToken, c.id, 'close'),
    publish: () => moveCampaign(adminToken, c.id, 'publish'),
  };
}

type World = Awaited<ReturnType<typeof world>>;

/** Runs `script` in both worlds; returns each step's views side by side. */
async function inBothWorlds(
  script: (w: World, target: Answer, x: Answer, view: (label: string) => Promise<void>) => Promise<void>,
  a: { target: Answer; x: Answer },
) {
  const seen: Array<Record<string, any>> = [{}, {}];
  const answers = [a, { target: a.x, x: a.target }];
  for (const i of [0, 1]) {
    const w = await world();
    await script(w, answers[i].target, answers[i].x, async (label) => void (seen[i][label] = await w.views()));
  }
  return seen;
}

/** What an open cycle may show: participation, a multiple of 5, and nothing else. */
function expectParticipationOnly(v: Record<string, any>, ratings: number) {
  for (const d of [v.chairDashboard, v.organiserDashboard]) {
    expect(d).toMatchObject({ participation: { ratings }, ...PARTICIPATION_ONLY, commentsWithheld: 'campaign_open' });
    expect(d.openCycle).toMatchObject({ daysLeft: expect.any(Number) });
  }
  for (const o of [v.countyLeague, v.cityRollUp]) {
    expect(o.openCycle).not.toBeNull();
    expect(o.totals).toMatchObject({ ratings, reportedHomes: 0, satisfactionRate: null, satisfied: 0, dissatisfied: 0 });
    for (const row of o.league.items) expect(row).toMatchObject({ ratings, satisfactionRate: null, title: null });
    expect(Object.values(o.tiers).every((n) => n === 0)).toBe(true);
  }
  expect(v.chairExport['概况'].find((r: unknown[]) => r[0] === '满意率（%）')[1]).toBe('—');
  expect(v.chairExport['群体'].slice(1).every((r: unknown[]) => r[1] === '—')).toBe(true);
  expect(v.publicResults.results).toBeNull();
}

describe("differencing attacks (issue 14), each replayed in two worlds that differ only in one member's answer", () => {
  it("time differencing with added ratings: known ratings added around one real member's rating, views before and after, learn nothing", async () => {
    const seen = await inBothWorlds(
      async (w, target, x, view) => {
        // Four real members have rated (X among them); the chair looks.
        const real = await Promise.all([0, 1, 2, 3].map(() => member()));
        await w.rate(real[0], x);
        for (const r of real.slice(1)) await w.rate(r, SATISFIED);
        await view('4 real');
        // It adds four known ratings from extra accounts: 8, and looks again.
        await w.many(4, DISSATISFIED);
        await view('+4 known');
        // The target rates (9), the chair looks at once, then adds five more known ratings and looks again.
        await w.rate(await member(), target);
        await view('+target');
        await w.many(5, DISSATISFIED);
        await view('+5 known');
        await w.close();
        await view('closed');
        await w.publish();
        await view('published');
      },
      { target: SATISFIED, x: DISSATISFIED },
    );
    const [a, b] = seen;
    expectParticipationOnly(a['4 real'], 0);
    expectParticipationOnly(a['+4 known'], 5);
    expectParticipationOnly(a['+target'], 5);
    expectParticipationOnly(a['+5 known'], 10);
    // The final figures are released once, with every rating: 14, of which 4 + 9 known to the attacker
    // (X's, the target's and three others' unknown): 3 + 1 satisfied, 9 + 1 dissatisfied in both worlds.
    expect(a.closed.chairDashboard).toMatchObject({
      openCycle: null,
      participation: { ratings: 14 },
      satisfaction: { satisfied: 4, basicallySatisfied: 0, dissatisfied: 10 },
    });
    expect(a.published.publicResults.results).toMatchObject({ ratings: 14, satisfactionRate: 0.2857 });
    expect(a.closed.countyLeague.totals).toMatchObject({ ratings: 14, reportedHomes: 1, satisfied: 4, dissatisfied: 10 });
    for (const step of Object.keys(a)) expect([step, b[step]]).toEqual([step, a[step]]);
  });

  it('group growth: a group that grows by one between the open views, the close and the export sheets tells nothing', async () => {
    const seen = await inBothWorlds(
      async (w, target, x, view) => {
        // Five 农民工 (X among them) and five others have rated; the chair looks at the open cycle.
        await w.rate(await member(), { ...x, groups: ['migrant'] });
        await w.many(4, { ...SATISFIED, groups: ['migrant'] });
        await w.many(5, { ...DISSATISFIED, groups: [] });
        await view('group of 5');
        // The target, 农民工 too, rates: the group grows by one; the chair looks again, then after the close.
        await w.rate(await member(), { ...target, groups: ['migrant'] });
        await view('group of 6');
        await w.close();
        await view('closed');
      },
      { target: DISSATISFIED, x: SATISFIED },
    );
    const [a, b] = seen;
    expectParticipationOnly(a['group of 5'], 10);
    expectParticipationOnly(a['group of 6'], 10);
    // Released once: 农民工 6 (4 + one of X/target satisfied), everyone else 5.
    expect(a.closed.chairDashboard.groups.migrant).toEqual({
      ratings: 6,
      satisfactionRate: 0.8333,
      satisfied: 5,
      basicallySatisfied: 0,
      dissatisfied: 1,
    });
    expect(a.closed.chairExport['群体'].find((r: unknown[]) => r[0] === '农民工')).toEqual(['农民工', 6, 83.33]);
    for (const step of Object.keys(a)) expect([step, b[step]]).toEqual([step, a[step]]);
  });

  it('nested groups in one view: a group one member larger than a group inside it is withheld, so their difference is never shown', async () => {
    const seen = await inBothWorlds(
      async (w, target, x, view) => {
        // 6 are 农民工 and 一线职工; the target is 一线职工 only; X and 7 others in no group.
        await w.many(6, { ...SATISFIED, groups: ['migrant', 'frontline'] });
        await w.rate(await member(), { ...target, groups: ['frontline'] });
        await w.rate(await member(), { ...x, groups: [] });
        await w.many(7, { ...DISSATISFIED, groups: [] });
        await w.close();
        await view('closed');
      },
      { target: DISSATISFIED, x: SATISFIED },
    );
    const [a, b] = seen;
    // 15 ratings: 农民工 6 (9 others) and 一线职工 7 (8 others) each pass "≥ 5 in and out", but 一线职工 minus
    // 农民工 is the target alone: only 农民工 is shown.
    const groups = a.closed.chairDashboard.groups;
    expect(groups.migrant).toMatchObject({ ratings: 6, satisfied: 6 });
    expect(groups.frontline).toBeNull();
    expect(a.closed.chairExport['群体'].find((r: unknown[]) => r[0] === '一线职工')).toEqual(['一线职工', '—', '—']);
    expect(b.closed).toEqual(a.closed);
  });
});
