import { integrityFlagsUnder } from '../ratings/rating-integrity';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  areFiguresReleased,
  awardedTitle,
  CRITERION_KEYS,
  daysLeft,
  DEFAULT_THRESHOLDS,
  Figures,
  isParticipationValid,
  LeagueLevel,
  LeagueRow,
  LeagueSortKey,
  lostTitle,
  OrgDashboard,
  participationRate,
  Tier,
  TIERS,
} from '@pingjia/shared';
import { DataSource, In, Repository } from 'typeorm';
import { AccessPolicy } from '../orgs/access-policy';
import { Campaign } from '../campaigns/campaign.entity';
import { Paging, subtreeRange } from '../common/paging';
import { ResponseCache } from '../common/response-cache';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Home } from '../orgs/home.entity';
import { Org } from '../orgs/org.entity';
import { RatingTotalsSchema } from '../ratings/rating-totals.entity';
import { CampaignScope } from './campaign-scope';
import { Clock } from '../common/clock';
import { aggregateSelect, homeSelect, RawRow, toFigures } from './figures-sql';
import { GrievanceFigures } from './grievance-figures';
import { leagueOrder, nameRanks } from './league-order';

export interface LeagueQuery {
  sort: LeagueSortKey;
  order: 'asc' | 'desc';
  level: LeagueLevel;
  paging: Paging;
}

const LIST_LIMIT = 100;

type Summary = { totals: Figures; tiers: Record<Tier, number>; low: number };

/**
 * One part of the tree in one cycle, read in one scan: every home with its figures (and its totals of
 * the cycle before, for titles lost), the figures derived from them, and the league orders asked for
 * so far. Nothing in it depends on the caller, the sort or the page.
 */
interface Subtree {
  rows: RawRow[];
  /** each row's place by name, then id */
  nameRank: Float64Array;
  orders: Map<string, Int32Array>;
  open: boolean;
  previous: Campaign | null;
  summary: Summary;
  low: OrgDashboard['lowParticipation']['items'];
  lost: { total: number; items: OrgDashboard['lostTitles']['items'] };
  grievances: OrgDashboard['grievances'];
}

const num = (v: string | number | null | undefined) => Number(v ?? 0);
const SUMMED = ['satisfied', 'basically_satisfied', 'dissatisfied', ...CRITERION_KEYS.map((k) => `sum_${k}`)];

// A federation's view of its subtree for one cycle, from the per-home totals rows joined to homes by an
// index range on the org path: one scan of the subtree's homes, never of ratings. Every figure of one
// answer, the subtree's and each home's, comes from the same rows, so the totals stay the sum over the
// homes. While the cycle is open (`open`) the rows carry participation only, each home's rounded down
// to 5 (figures-sql.ts), and no title is awarded: the organiser sees no more than the chair.
// The scan is reused for DASHBOARD_CACHE_SECONDS like the answers (dashboard.controller.ts), keyed by the
// part of the tree, the cycle and whether it is open — never by caller: access is checked before each use. A league page is a slice of the homes
// sorted once per sort key (numbers only), not a join and sort of 50,000 rows per page (3.6 s for a
// province before); summary, low participation and titles lost are sums over the same rows.
@Injectable()
export class OrgDashboardService {
  readonly thresholds = DEFAULT_THRESHOLDS;
  private readonly subtrees: ResponseCache<Subtree>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Org) private readonly orgs: Repository<Org>,
    private readonly access: AccessPolicy,
    private readonly scope: CampaignScope,
    private readonly grievanceFigures: GrievanceFigures,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.subtrees = new ResponseCache(config.dashboardCacheMs, 100);
  }

  async dashboard(userId: string, orgId: string, campaignId: string | undefined, q: LeagueQuery): Promise<OrgDashboard> {
    const { org, campaign, path, cid, open } = await this.resolve(userId, orgId, campaignId);
    const [sub, league] = await Promise.all([
      this.subtree(path, cid, open, campaign),
      q.level === 'children' ? this.childrenLeague(path, cid, open, q) : null,
    ]);
    const { summary, previous, low, lost, grievances } = sub;
    return {
      org: { id: org.id, name: org.name, level: org.level },
      campaign: campaign ? { id: campaign.id, name: campaign.name, status: campaign.status } : null,
      openCycle: campaign && open ? { closesAt: campaign.closesAt, daysLeft: daysLeft(campaign.closesAt, this.clock.now()) } : null,
      totals: summary.totals,
      tiers: summary.tiers,
      league: { ...(league ?? this.homeLeague(sub, q)), page: q.paging.page, pageSize: q.paging.pageSize, sort: q.sort, order: q.order, level: q.level },
      lowParticipation: { total: summary.low, items: low },
      lostTitles: { previousCampaign: previous ? { id: previous.id, name: previous.name } : null, total: lost.total, items: lost.items },
      grievances,
      // Never cached with the subtree: a flag shows up on the next view.
      integrityFlags: campaign ? await integrityFlagsUnder(this.dataSource, path, cid) : { total: 0, items: [] },
    };
  }

  /** The org (admins of it or above), the cycle, the part of the tree both cover, and whether the cycle is still open. */
  async resolve(userId: string, orgId: string, campaignId: string | undefined): Promise<{ org: Org; campaign: Campaign | null; path: string; cid: string; open: boolean }> {
    const org = await this.access.orgForAdmin(userId, orgId);
    const campaign = await this.scope.forOrg(org.path, campaignId);
    // A campaign of a lower org covers only its own subtree.
    const path = campaign && campaign.orgPath.length > org.path.length ? campaign.orgPath : org.path;
    return { org, campaign, path, cid: campaign?.id ?? '', open: !!campaign && !areFiguresReleased(campaign.status) };
  }

  /** Every home of the subtree (for exports), best satisfaction first, withheld last. */
  async allHomes(path: string, campaignId: string, open: boolean, campaign: Campaign | null): Promise<LeagueRow[]> {
    const sub = await this.subtree(path, campaignId, open, campaign);
    return Array.from(leagueOrder(sub.rows, sub.nameRank, 'satisfaction', 'desc', this.minSlice(open)), (i) => this.homeRow(sub.rows[i], open));
  }

  async summary(path: string, campaignId: string, open: boolean, campaign: Campaign | null): Promise<Summary> {
    return (await this.subtree(path, campaignId, open, campaign)).summary;
  }

  /** The smallest slice a sort by a score needs: none is shown while the cycle is open. */
  private minSlice(open: boolean): number {
    return open ? Infinity : this.thresholds.minSlice;
  }

  private subtree(path: string, cid: string, open: boolean, campaign: Campaign | null): Promise<Subtree> {
    return this.subtrees.get(`${path}:${cid}:${open ? 'open' : 'final'}`, async () => {
      // Titles lost compare with this cycle's titles: none while it is open.
      const previous = campaign && !open ? await this.scope.previous(campaign) : null;
      const [rows, grievances] = await Promise.all([this.homeRows(path, cid, open, previous), this.grievances(path)]);
      const sub: Subtree = { rows, nameRank: nameRanks(rows), orders: new Map(), open, previous, summary: this.summarise(rows, open), low: [], lost: { total: 0, items: [] }, grievances };
      sub.low = this.lowParticipation(sub);
      if (previous) sub.lost = this.lostTitles(sub);
      return sub;
    });
  }

  /** One row per home of the subtree: its figures in the cycle, and its verdicts in the previous one. */
  private homeRows(path: string, campaignId: string, open: boolean, previous: Campaign | null): Promise<RawRow[]> {
    const { from, to } = subtreeRange(path);
    const q = this.dataSource
      .createQueryBuilder()
      .from(Home, 'h')
      .leftJoin(RatingTotalsSchema.options.name, 't', 't.home_id = h.id AND t.campaign_id = :campaignId', { campaignId })
      .where('h.org_path >= :from AND h.org_path < :to', { from, to })
      .select(homeSelect(this.thresholds, open));
    // The previous cycle is closed: its final totals.
    if (previous) {
      q.leftJoin(RatingTotalsSchema.options.name, 'p', 'p.home_id = h.id AND p.campaign_id = :previousId', { previousId: previous.id }).addSelect(
        ['ratings', 'satisfied', 'basically_satisfied', 'dissatisfied'].map((c) => `COALESCE(p.${c}, 0) AS p_${c}`).join(', '),
      );
    }
    return q.getRawMany<RawRow>();
  }

  /** Counts over every home, scores over the homes whose own figures may be shown (≥ minSlice ratings). */
  private summarise(rows: RawRow[], open: boolean): Summary {
    const agg: Record<string, number> = { homes: rows.length, members: 0, ratings: 0, reported_homes: 0, reported_ratings: 0 };
    for (const c of SUMMED) agg[c] = 0;
    const tiers = Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<Tier, number>;
    let low = 0;
    for (const r of rows) {
      const n = num(r.ratings);
      agg.members += num(r.members);
      agg.ratings += n;
      if (!open && n >= this.thresholds.minSlice) {
        agg.reported_homes++;
        agg.reported_ratings += n;
        for (const c of SUMMED) agg[c] += num(r[c]);
      }
      // No title is awarded before the close.
      if (!open) tiers[this.title(r, '')]++;
      if (this.isLow(r)) low++;
    }
    return { totals: toFigures(agg, this.thresholds, false, open), tiers, low };
  }

  /** The title a home earns from its totals of this cycle (prefix '') or the previous one ('p_'). */
  private title(r: RawRow, prefix: '' | 'p_'): Tier {
    const counts = { satisfied: num(r[`${prefix}satisfied`]), basicallySatisfied: num(r[`${prefix}basically_satisfied`]), dissatisfied: num(r[`${prefix}dissatisfied`]) };
    return awardedTitle({ ratings: num(r[`${prefix}ratings`]), members: num(r.members), counts, workers: r.workers === null ? null : num(r.workers) }, this.thresholds);
  }

  private isLow(r: RawRow): boolean {
    return num(r.ratings) * 10000 < Math.trunc(this.thresholds.validParticipationBp) * num(r.members);
  }

  /** Homes below valid participation, lowest rate first (then name). */
  private lowParticipation(sub: Subtree): OrgDashboard['lowParticipation']['items'] {
    const rate = (r: RawRow) => num(r.ratings) / num(r.members);
    const low = [...sub.rows.keys()].filter((i) => this.isLow(sub.rows[i]));
    low.sort((a, b) => rate(sub.rows[a]) - rate(sub.rows[b]) || sub.nameRank[a] - sub.nameRank[b]);
    return low.slice(0, LIST_LIMIT).map((i) => {
      const r = sub.rows[i];
      return { id: String(r.id), name: String(r.name), ratings: num(r.ratings), members: num(r.members), rate: participationRate(num(r.ratings), num(r.members)) };
    });
  }

  /** 动态管理: homes whose title now is below the one they held in the previous cycle, by name. */
  private lostTitles(sub: Subtree): Subtree['lost'] {
    const lost = [...sub.rows.keys()].filter((i) => lostTitle(this.title(sub.rows[i], 'p_'), this.title(sub.rows[i], '')));
    lost.sort((a, b) => sub.nameRank[a] - sub.nameRank[b]);
    return {
      total: lost.length,
      items: lost.slice(0, LIST_LIMIT).map((i) => ({ id: String(sub.rows[i].id), name: String(sub.rows[i].name), previous: this.title(sub.rows[i], 'p_'), current: this.title(sub.rows[i], '') })),
    };
  }

  private homeLeague(sub: Subtree, q: LeagueQuery): { items: LeagueRow[]; total: number } {
    const key = `${q.sort}:${q.order}`;
    let order = sub.orders.get(key);
    if (!order) sub.orders.set(key, (order = leagueOrder(sub.rows, sub.nameRank, q.sort, q.order, this.minSlice(sub.open))));
    return { items: Array.from(order.subarray(q.paging.skip, q.paging.skip + q.paging.pageSize), (i) => this.homeRow(sub.rows[i], sub.open)), total: sub.rows.length };
  }

  /** Child orgs with their roll-ups, and the homes directly under this org, sorted and paged here. */
  private async childrenLeague(path: string, campaignId: string, open: boolean, q: LeagueQuery): Promise<{ items: LeagueRow[]; total: number }> {
    const { to } = subtreeRange(path);
    // The child's id is the path segment right after this org's path (an integer literal, not input).
    const child = `SUBSTR(h.org_path, ${path.length + 1}, 36)`;
    const [grouped, direct] = await Promise.all([
      this.dataSource
        .createQueryBuilder()
        .from(Home, 'h')
        .leftJoin(RatingTotalsSchema.options.name, 't', 't.home_id = h.id AND t.campaign_id = :campaignId', { campaignId })
        .where('h.org_path > :path AND h.org_path < :to', { path, to })
        .select(`${child} AS child_id, ${aggregateSelect(this.thresholds, open)}`)
        .groupBy(child)
        .getRawMany<RawRow>(),
      this.dataSource
        .createQueryBuilder()
        .from(Home, 'h')
        .leftJoin(RatingTotalsSchema.options.name, 't', 't.home_id = h.id AND t.campaign_id = :campaignId', { campaignId })
        .where('h.org_path = :path', { path })
        .select(homeSelect(this.thresholds, open))
        .getRawMany<RawRow>(),
    ]);
    const ids = grouped.map((g) => String(g.child_id));
    const orgs = ids.length ? await this.orgs.find({ where: { id: In(ids) } }) : [];
    const names = new Map(orgs.map((o) => [o.id, o.name]));
    // Child orgs without homes still appear, with zeros.
    const empty = await this.orgs.find({ where: { parentId: path.split('/').filter(Boolean).pop() } });
    const rows: LeagueRow[] = [
      ...grouped.map((g) => ({ type: 'org' as const, id: String(g.child_id), name: names.get(String(g.child_id)) ?? '', title: null, valid: null, ...toFigures(g, this.thresholds, false, open) })),
      ...empty.filter((o) => !names.has(o.id)).map((o) => ({ type: 'org' as const, id: o.id, name: o.name, title: null, valid: null, ...toFigures({}, this.thresholds, false, open) })),
      ...direct.map((r) => this.homeRow(r, open)),
    ];
    const key = (r: LeagueRow): number | string | null =>
      q.sort === 'name' ? r.name : q.sort === 'satisfaction' ? r.satisfactionRate : q.sort === 'participation' ? r.participationRate : r.means[q.sort];
    const sign = q.order === 'asc' ? 1 : -1;
    rows.sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      if (ka === null || kb === null) return ka === kb ? a.name.localeCompare(b.name) : ka === null ? 1 : -1;
      if (ka !== kb) return (ka < kb ? -1 : 1) * sign;
      return a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
    });
    return { items: rows.slice(q.paging.skip, q.paging.skip + q.paging.pageSize), total: rows.length };
  }

  private async grievances(path: string): Promise<OrgDashboard['grievances']> {
    const sum = await this.grievanceFigures.subtree(path);
    if (!sum) return null;
    // Escalated counts are not in the grievance figures yet: null rather than a guess.
    return { total: sum.total, open: sum.open, overdue: sum.overdue, escalated: sum.escalated, onTimeRate: sum.decided ? Math.round((sum.onTime / sum.decided) * 10000) / 10000 : null };
  }

  private homeRow(r: RawRow, open: boolean): LeagueRow {
    const f = toFigures(r, this.thresholds, true, open);
    const shown = f.reportedHomes === 1;
    const title = shown
      ? awardedTitle({ ratings: f.ratings, members: f.members, counts: { satisfied: f.satisfied, basicallySatisfied: f.basicallySatisfied, dissatisfied: f.dissatisfied }, workers: r.workers === null ? null : Number(r.workers) }, this.thresholds)
      : null;
    return { type: 'home', id: String(r.id), name: String(r.name), title, valid: isParticipationValid(f.ratings, f.members, this.thresholds), ...f };
  }
}
