import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  awardedTitle,
  DEFAULT_THRESHOLDS,
  Figures,
  isParticipationValid,
  LeagueLevel,
  LeagueRow,
  LeagueSortKey,
  OrgDashboard,
  participationRate,
  Tier,
  TIERS,
} from '@pingjia/shared';
import { DataSource, In, Repository } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Campaign } from '../campaigns/campaign.entity';
import { Paging, subtreeRange } from '../common/paging';
import { ResponseCache } from '../common/response-cache';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Home } from '../orgs/home.entity';
import { Org } from '../orgs/org.entity';
import { RatingTotalsSchema } from '../ratings/rating-totals.entity';
import { CampaignScope } from './campaign-scope';
import { totalsEntityFor } from './figures-source';
import { aggregateSelect, homeSelect, ratingsOf, RawRow, reportable, titleRankSql, toFigures } from './figures-sql';
import { GrievanceFigures } from './grievance-figures';

export interface LeagueQuery {
  sort: LeagueSortKey;
  order: 'asc' | 'desc';
  level: LeagueLevel;
  paging: Paging;
}

const LIST_LIMIT = 100;

/** What a federation's answer holds besides the league page: the same for every sort and page. */
interface SubtreeFigures {
  summary: { totals: Figures; tiers: Record<Tier, number>; low: number };
  previous: Campaign | null;
  low: OrgDashboard['lowParticipation']['items'];
  lost: { total: number; items: OrgDashboard['lostTitles']['items'] };
  grievances: OrgDashboard['grievances'];
}

/** The subtree's homes with their figures (one row each), and the orders asked for so far. */
interface HomeTable {
  rows: RawRow[];
  orders: Map<LeagueSortKey, RawRow[]>;
}

/** Binary (code unit) order, as SQLite's default collation: the tie-breaks name, then id. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byNameThenId = (a: RawRow, b: RawRow) => cmp(String(a.name), String(b.name)) || cmp(String(a.id), String(b.id));

// A federation's view of its subtree for one cycle, computed from the per-home totals rows joined to
// homes by an index range on the org path: a few aggregate queries, never a scan of ratings.
// `totals` names the rows a cycle is read from (figures-source.ts): every figure of one answer, the
// subtree's and each home's, comes from the same rows, so the totals stay the sum over the homes.
@Injectable()
export class OrgDashboardService {
  readonly thresholds = DEFAULT_THRESHOLDS;
  // Reused for DASHBOARD_CACHE_SECONDS like the answers (dashboard.controller.ts), keyed by the part of
  // the tree, the cycle and the totals read — never by caller: access is checked before each use. The
  // figures are those of the same totals rows a fresh computation would read (the shown snapshot while
  // a cycle is open), so no view reveals more than an uncached one; a league page is a slice of the
  // subtree's sorted homes instead of a sort of 50,000 joined rows per page (3.6 s for a province).
  private readonly figures: ResponseCache<SubtreeFigures>;
  private readonly tables: ResponseCache<HomeTable>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Org) private readonly orgs: Repository<Org>,
    private readonly access: AccessService,
    private readonly scope: CampaignScope,
    private readonly grievanceFigures: GrievanceFigures,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.figures = new ResponseCache(config.dashboardCacheMs, 200);
    this.tables = new ResponseCache(config.dashboardCacheMs, 50);
  }

  async dashboard(userId: string, orgId: string, campaignId: string | undefined, q: LeagueQuery): Promise<OrgDashboard> {
    const { org, campaign, path, cid, totals } = await this.resolve(userId, orgId, campaignId);
    const key = `${path}:${cid}:${totals}`;
    const [{ summary, previous, low, lost, grievances }, league] = await Promise.all([
      this.figures.get(key, () => this.subtreeFigures(path, cid, totals, campaign)),
      q.level === 'children' ? this.childrenLeague(path, cid, totals, q) : this.homeLeague(key, path, cid, totals, q),
    ]);
    return {
      org: { id: org.id, name: org.name, level: org.level },
      campaign: campaign ? { id: campaign.id, name: campaign.name, status: campaign.status } : null,
      totals: summary.totals,
      tiers: summary.tiers,
      league: { ...league, page: q.paging.page, pageSize: q.paging.pageSize, sort: q.sort, order: q.order, level: q.level },
      lowParticipation: { total: summary.low, items: low },
      lostTitles: { previousCampaign: previous ? { id: previous.id, name: previous.name } : null, total: lost.total, items: lost.items },
      grievances,
    };
  }

  private async subtreeFigures(path: string, cid: string, totals: string, campaign: Campaign | null): Promise<SubtreeFigures> {
    const previous = campaign ? await this.scope.previous(campaign) : null;
    const [summary, low, lost, grievances] = await Promise.all([
      this.summary(path, cid, totals),
      this.lowParticipation(path, cid, totals),
      this.lostTitles(path, cid, totals, previous),
      this.grievances(path),
    ]);
    return { summary, previous, low, lost, grievances };
  }

  /** The org (admins of it or above), the cycle, the part of the tree both cover, and the totals to read. */
  async resolve(userId: string, orgId: string, campaignId: string | undefined): Promise<{ org: Org; campaign: Campaign | null; path: string; cid: string; totals: string }> {
    const org = await this.access.orgForAdmin(userId, orgId);
    const campaign = await this.scope.forOrg(org.path, campaignId);
    // A campaign of a lower org covers only its own subtree.
    const path = campaign && campaign.orgPath.length > org.path.length ? campaign.orgPath : org.path;
    return { org, campaign, path, cid: campaign?.id ?? '', totals: totalsEntityFor(campaign) };
  }

  /** Every home of the subtree (for exports), best satisfaction first. */
  async allHomes(path: string, campaignId: string, totals: string): Promise<LeagueRow[]> {
    const rows = await this.base(path, campaignId, totals).select(homeSelect()).orderBy(this.sortSql('satisfaction'), 'DESC').addOrderBy('h.name', 'ASC').addOrderBy('h.id', 'ASC').getRawMany<RawRow>();
    return this.nullsLast(rows).map((r) => this.homeRow(r));
  }

  async summary(path: string, campaignId: string, totals: string): Promise<{ totals: Figures; tiers: Record<Tier, number>; low: number }> {
    const title = titleRankSql(this.thresholds);
    const tierSums = TIERS.map((tier, rank) => `COALESCE(SUM(CASE WHEN ${title} = ${rank} THEN 1 ELSE 0 END), 0) AS tier_${tier}`);
    const low = `COALESCE(SUM(CASE WHEN ${ratingsOf()} * 10000 < ${Math.trunc(this.thresholds.validParticipationBp)} * h.member_count THEN 1 ELSE 0 END), 0) AS low`;
    const row = (await this.base(path, campaignId, totals).select([aggregateSelect(this.thresholds), ...tierSums, low].join(', ')).getRawOne<RawRow>()) ?? {};
    const tiers = Object.fromEntries(TIERS.map((t) => [t, Number(row[`tier_${t}`] ?? 0)])) as Record<Tier, number>;
    return { totals: toFigures(row, this.thresholds, false), tiers, low: Number(row.low ?? 0) };
  }

  private base(path: string, campaignId: string, totals: string) {
    const { from, to } = subtreeRange(path);
    return this.dataSource
      .createQueryBuilder()
      .from(Home, 'h')
      .leftJoin(totals, 't', 't.home_id = h.id AND t.campaign_id = :campaignId', { campaignId })
      .where('h.org_path >= :from AND h.org_path < :to', { from, to });
  }

  private sortSql(sort: LeagueSortKey): string {
    const r = reportable(this.thresholds);
    if (sort === 'name') return 'h.name';
    if (sort === 'participation') return `(${ratingsOf()} * 1.0 / h.member_count)`;
    if (sort === 'satisfaction') return `(CASE WHEN ${r} THEN (t.satisfied + t.basically_satisfied) * 1.0 / t.ratings END)`;
    return `(CASE WHEN ${r} THEN t.sum_${sort} * 1.0 / t.ratings END)`;
  }

  private async homeLeague(key: string, path: string, campaignId: string, totals: string, q: LeagueQuery): Promise<{ items: LeagueRow[]; total: number }> {
    const table = await this.tables.get(key, async () => ({ rows: await this.base(path, campaignId, totals).select(homeSelect()).getRawMany<RawRow>(), orders: new Map() }));
    let sorted = table.orders.get(q.sort);
    if (!sorted) table.orders.set(q.sort, (sorted = this.sortAscending(table.rows, q.sort)));
    const shown = q.order === 'asc' ? sorted : this.descending(sorted, q.sort);
    return { items: shown.slice(q.paging.skip, q.paging.skip + q.paging.pageSize).map((r) => this.homeRow(r)), total: table.rows.length };
  }

  /**
   * The sort value of a home, as sortSql computes it in SQL: null where the figure is withheld (or a
   * home has no members), so withheld figures sort last whichever way and their place reveals nothing.
   */
  private sortValue(sort: LeagueSortKey): (r: RawRow) => number | string | null {
    const shown = (r: RawRow) => Number(r.ratings) >= this.thresholds.minSlice;
    if (sort === 'name') return (r) => String(r.name);
    if (sort === 'participation') return (r) => (Number(r.members) ? Number(r.ratings) / Number(r.members) : null);
    if (sort === 'satisfaction') return (r) => (shown(r) ? (Number(r.satisfied) + Number(r.basically_satisfied)) / Number(r.ratings) : null);
    return (r) => (shown(r) ? Number(r[`sum_${sort}`]) / Number(r.ratings) : null);
  }

  /** Ascending by the sort value, withheld last, ties by name then id. */
  private sortAscending(rows: RawRow[], sort: LeagueSortKey): RawRow[] {
    const value = this.sortValue(sort);
    const keyed = rows.map((row) => ({ row, v: value(row) }));
    keyed.sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? byNameThenId(a.row, b.row) : a.v === null ? 1 : -1;
      return a.v < b.v ? -1 : a.v > b.v ? 1 : byNameThenId(a.row, b.row);
    });
    return keyed.map((k) => k.row);
  }

  /** The same homes descending: runs of equal values in reverse, each still by name then id; withheld last. */
  private descending(ascending: RawRow[], sort: LeagueSortKey): RawRow[] {
    const value = this.sortValue(sort);
    let end = ascending.length;
    while (end > 0 && value(ascending[end - 1]) === null) end--;
    const out: RawRow[] = [];
    for (let hi = end; hi > 0; ) {
      let lo = hi - 1;
      const v = value(ascending[lo]);
      while (lo > 0 && value(ascending[lo - 1]) === v) lo--;
      for (let i = lo; i < hi; i++) out.push(ascending[i]);
      hi = lo;
    }
    for (let i = end; i < ascending.length; i++) out.push(ascending[i]);
    return out;
  }

  /** Child orgs with their roll-ups, and the homes directly under this org, sorted and paged here. */
  private async childrenLeague(path: string, campaignId: string, totals: string, q: LeagueQuery): Promise<{ items: LeagueRow[]; total: number }> {
    const { to } = subtreeRange(path);
    // The child's id is the path segment right after this org's path (an integer literal, not input).
    const child = `SUBSTR(h.org_path, ${path.length + 1}, 36)`;
    const [grouped, direct] = await Promise.all([
      this.dataSource
        .createQueryBuilder()
        .from(Home, 'h')
        .leftJoin(totals, 't', 't.home_id = h.id AND t.campaign_id = :campaignId', { campaignId })
        .where('h.org_path > :path AND h.org_path < :to', { path, to })
        .select(`${child} AS child_id, ${aggregateSelect(this.thresholds)}`)
        .groupBy(child)
        .getRawMany<RawRow>(),
      this.dataSource
        .createQueryBuilder()
        .from(Home, 'h')
        .leftJoin(totals, 't', 't.home_id = h.id AND t.campaign_id = :campaignId', { campaignId })
        .where('h.org_path = :path', { path })
        .select(homeSelect())
        .getRawMany<RawRow>(),
    ]);
    const ids = grouped.map((g) => String(g.child_id));
    const orgs = ids.length ? await this.orgs.find({ where: { id: In(ids) } }) : [];
    const names = new Map(orgs.map((o) => [o.id, o.name]));
    // Child orgs without homes still appear, with zeros.
    const empty = await this.orgs.find({ where: { parentId: path.split('/').filter(Boolean).pop() } });
    const rows: LeagueRow[] = [
      ...grouped.map((g) => ({ type: 'org' as const, id: String(g.child_id), name: names.get(String(g.child_id)) ?? '', title: null, valid: null, ...toFigures(g, this.thresholds, false) })),
      ...empty.filter((o) => !names.has(o.id)).map((o) => ({ type: 'org' as const, id: o.id, name: o.name, title: null, valid: null, ...toFigures({}, this.thresholds, false) })),
      ...direct.map((r) => this.homeRow(r)),
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

  private async lowParticipation(path: string, campaignId: string, totals: string) {
    const rate = `(${ratingsOf()} * 1.0 / h.member_count)`;
    const rows = await this.base(path, campaignId, totals)
      .andWhere(`${ratingsOf()} * 10000 < ${Math.trunc(this.thresholds.validParticipationBp)} * h.member_count`)
      .select(['h.id AS id', 'h.name AS name', `${ratingsOf()} AS ratings`, 'h.member_count AS members'])
      .orderBy(rate, 'ASC')
      .addOrderBy('h.name', 'ASC')
      .limit(LIST_LIMIT)
      .getRawMany<RawRow>();
    return rows.map((r) => ({ id: String(r.id), name: String(r.name), ratings: Number(r.ratings), members: Number(r.members), rate: participationRate(Number(r.ratings), Number(r.members)) }));
  }

  private async lostTitles(path: string, campaignId: string, totals: string, previous: Campaign | null): Promise<{ total: number; items: OrgDashboard['lostTitles']['items'] }> {
    if (!previous) return { total: 0, items: [] };
    const now = titleRankSql(this.thresholds, 't');
    const before = titleRankSql(this.thresholds, 'p');
    // The previous cycle is closed: its final totals.
    const q = this.base(path, campaignId, totals)
      .leftJoin(RatingTotalsSchema.options.name, 'p', 'p.home_id = h.id AND p.campaign_id = :previousId', { previousId: previous.id })
      .andWhere(`${before} > ${now}`);
    const [rows, total] = await Promise.all([
      q.clone().select(['h.id AS id', 'h.name AS name', `${before} AS previous_rank`, `${now} AS current_rank`]).orderBy('h.name', 'ASC').limit(LIST_LIMIT).getRawMany<RawRow>(),
      q.getCount(),
    ]);
    return { total, items: rows.map((r) => ({ id: String(r.id), name: String(r.name), previous: TIERS[Number(r.previous_rank)], current: TIERS[Number(r.current_rank)] })) };
  }

  private async grievances(path: string): Promise<OrgDashboard['grievances']> {
    const sum = await this.grievanceFigures.subtree(path);
    if (!sum) return null;
    // Escalated counts are not in the grievance figures yet: null rather than a guess.
    return { total: sum.total, open: sum.open, overdue: sum.overdue, escalated: sum.escalated, onTimeRate: sum.decided ? Math.round((sum.onTime / sum.decided) * 10000) / 10000 : null };
  }

  private homeRow(r: RawRow): LeagueRow {
    const f = toFigures(r, this.thresholds, true);
    const shown = f.reportedHomes === 1;
    const title = shown
      ? awardedTitle({ ratings: f.ratings, members: f.members, counts: { satisfied: f.satisfied, basicallySatisfied: f.basicallySatisfied, dissatisfied: f.dissatisfied }, workers: r.workers === null ? null : Number(r.workers) }, this.thresholds)
      : null;
    return { type: 'home', id: String(r.id), name: String(r.name), title, valid: isParticipationValid(f.ratings, f.members, this.thresholds), ...f };
  }

  private nullsLast(rows: RawRow[]): RawRow[] {
    const shown = (r: RawRow) => Number(r.ratings) >= this.thresholds.minSlice;
    return [...rows.filter(shown), ...rows.filter((r) => !shown(r))];
  }
}
