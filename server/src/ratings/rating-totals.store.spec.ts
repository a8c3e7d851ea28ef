import { countsTowardAggregate, CRITERION_KEYS, DEFAULT_THRESHOLDS, openParticipation, Thresholds } from '@pingjia/shared';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CampaignHome } from '../campaigns/campaign-home.entity';
import { MIGRATIONS } from '../database/database-options';
import { Home } from '../orgs/home.entity';
import { RatingTotalsSchema } from './rating-totals.entity';
import { aggregate, openParticipationSql, RatingTotalsStore, reportableSql } from './rating-totals.store';
import { totalsDelta } from './totals-delta';

// The store on a real (in-memory) SQLite schema: the roll-up summed in SQL must equal the TS sum over
// the same homes' rows — the reportable rule (≥ minSlice ratings) and the open cycle's rounding are
// written twice, once per language.
describe(RatingTotalsStore.name, () => {
  let ds: DataSource;
  let sut: RatingTotalsStore;
  const campaignId = randomUUID();
  const root = `/${randomUUID()}/`;
  const children = [randomUUID(), randomUUID()];

  beforeAll(async () => {
    ds = await new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [Home, CampaignHome, RatingTotalsSchema],
      migrations: MIGRATIONS,
      logging: false,
    }).initialize();
    await ds.runMigrations();
    sut = new RatingTotalsStore(ds);
    // 24 homes under two child orgs and directly under the root, with 0..23 ratings each.
    for (let i = 0; i < 24; i++) {
      const homeId = randomUUID();
      const path = i % 3 === 2 ? root : `${root}${children[i % 3]}/`;
      await ds.query(
        `INSERT INTO homes (id, org_id, org_path, name, kind, member_count, worker_count, membership_mode, scene_token, created_on) VALUES (?, ?, ?, ?, 'enterprise', ?, NULL, 'open', ?, '2026-01-01')`,
        [homeId, randomUUID(), path, `家${i}`, 10 + i, `s${i}`],
      );
      // frozen into the cycle as it opened: a closed cycle's figures read these rows
      await ds.query('INSERT INTO campaign_homes (campaign_id, home_id, member_count, org_path) VALUES (?, ?, ?, ?)', [
        campaignId,
        homeId,
        10 + i,
        path,
      ]);
      await ds.transaction(async (m) => {
        for (let n = 0; n < i; n++) {
          await sut.lock(m, campaignId, homeId);
          const scores = Object.fromEntries(CRITERION_KEYS.map((k, j) => [k, 1 + ((n + j + i) % 5)]));
          const verdict = n % 3 === 0 ? 'dissatisfied' : n % 3 === 1 ? 'basically_satisfied' : 'satisfied';
          await sut.applyDelta(m, campaignId, homeId, totalsDelta(null, { scores, verdict, groups: [], commentApproved: false }));
        }
      });
    }
  });
  afterAll(() => ds.destroy());

  it('reportableSql and openParticipationSql agree with countsTowardAggregate and openParticipation', async () => {
    for (const minSlice of [1, 5, 7]) {
      const t: Thresholds = { ...DEFAULT_THRESHOLDS, minSlice };
      for (let ratings = 0; ratings <= 16; ratings++) {
        const [row] = await ds.query(
          `SELECT CASE WHEN ${reportableSql(t)} THEN 1 ELSE 0 END AS yes, ${openParticipationSql(t)} AS shown FROM (SELECT ? AS ratings) t`,
          [ratings],
        );
        expect([minSlice, ratings, Number(row.yes) === 1, Number(row.shown)]).toEqual([
          minSlice,
          ratings,
          countsTowardAggregate(ratings, t),
          openParticipation(ratings, t),
        ]);
      }
    }
  });

  it("sums each child org in SQL as aggregate() sums the child's homes in TS", async () => {
    for (const open of [false, true]) {
      const homes = await sut.subtreeHomes(root, campaignId, open, DEFAULT_THRESHOLDS, null);
      expect(homes).toHaveLength(24);
      const rollups = await sut.childRollups(root, campaignId, open, DEFAULT_THRESHOLDS);
      expect(rollups.map((r) => r.childId).sort()).toEqual([...children].sort());
      for (const { childId, ...sql } of rollups) {
        const under = new Set(
          (await ds.query('SELECT id FROM homes WHERE org_path = ?', [`${root}${childId}/`])).map((r: { id: string }) => r.id),
        );
        const mine = homes.filter((h) => under.has(h.id));
        expect(sql).toEqual(aggregate(mine, DEFAULT_THRESHOLDS, open));
        if (open) {
          // While open: the sum of each home's count rounded down to 5, and no score at all.
          expect(mine.every((h) => h.ratings % 5 === 0 && h.sums.trust === 0)).toBe(true);
          expect(sql.reportedHomes).toBe(0);
        } else {
          expect(sql.reportedHomes).toBeGreaterThan(0);
          expect(sql.reportedHomes).toBeLessThan(sql.homes);
        }
      }
    }
  });

  it('reads the homes directly under an org, and one home in every cycle it asks for', async () => {
    const direct = await sut.directHomes(root, campaignId, false, DEFAULT_THRESHOLDS);
    expect(direct).toHaveLength(8);
    const home = direct.find((h) => h.ratings === 23)!;
    const totals = (await sut.forHome(home.id, [campaignId, randomUUID()])).get(campaignId)!;
    expect(totals.ratings).toBe(23);
    expect(totals.counts).toEqual(home.counts);
    for (const k of CRITERION_KEYS) {
      expect(totals.criteria[k].sum).toBe(home.sums[k]);
      expect(totals.criteria[k].distribution.reduce((a, b) => a + b, 0)).toBe(23);
    }
    expect((await sut.forHome(home.id, [randomUUID()])).size).toBe(0);
  });
});
