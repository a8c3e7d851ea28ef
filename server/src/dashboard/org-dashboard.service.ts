import { integrityFlagsUnder } from '../ratings/rating-integrity';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  areFiguresReleased,
  awardedTitle,
  daysLeft,
  Figures,
  isParticipationLow,
  isParticipationValid,
  LeagueLevel,
  LeagueRow,
  LeagueSortKey,
  lostTitle,
  OrgDashboard,
  participationRate,
  rate,
  Tier,
  Thresholds,
  TIERS,
  VerdictCounts,
} from '@pingjia/shared';
import { DataSource, In, IsNull, Repository } from 'typeorm';
import { AccessPolicy } from '../orgs/access-policy';
import { Campaign } from '../campaigns/campaign.entity';
import { Paging } from '../common/paging';
import { ResponseCache } from '../common/response-cache';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Org } from '../orgs/org.entity';
import { TreeChanges } from '../orgs/tree-changes';
import { aggregate, HomeRow, RatingTotalsStore } from '../ratings/rating-totals.store';
import { CampaignScope } from './campaign-scope';
import { Clock } from '../common/clock';
import { CalendarService } from '../grievances/calendar.service';
import { campaignSettings } from '../settings/province-settings.store';
import { GrievanceFigures } from './grievance-figures';
import { homeRowFigures, toFigures } from './league-figures';
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
  rows: HomeRow[];
  /** each row's place by name, then id */
  nameRank: Float64Array;
  orders: Map<string, Int32Array>;
  open: boolean;
  /** the thresholds the cycle froze when it opened, and those of the cycle before (its titles) */
  t: Thresholds;
  previousT: Thresholds;
  previous: Campaign | null;
  summary: Summary;
  low: OrgDashboard['lowParticipation']['items'];
  lost: { total: number; items: OrgDashboard['lostTitles']['items'] };
  grievances: OrgDashboard['grievances'];
}

// A federation's view of its subtree for one cycle, from the per-home totals rows joined to homes by an
// index range on the org path (RatingTotalsStore): one scan of the subtree's homes, never of ratings. Every figure of one
// answer, the subtree's and each home's, comes from the same rows, so the totals stay the sum over the
// homes. While the cycle is open (`open`) the rows carry participation only, each home's rounded down
// to 5 (the store's openParticipationSql), and no title is awarded: the organiser sees no more than the chair.
// The scan is reused for DASHBOARD_CACHE_SECONDS like the answers (dashboard.controller.ts), keyed by the
// part of the tree, the cycle and whether it is open — never by caller: access is checked before each use. A league page is a slice of the homes
// sorted once per sort key (numbers only), not a join and sort of 50,000 rows per page (3.6 s for a
// province before); summary, low participation and titles lost are sums over the same rows.
@Injectable()
export class OrgDashboardService {
  private readonly subtrees: ResponseCache<Subtree>;
  // Kept for the same span as the answers they go into (each answer is itself reused that long): read once
  // per part of the tree and span, not once per sort and page. The flags' query joins every flagged home
  // of the subtree (thousands for a province once new accounts rate: 22-40 ms per league page at full size).
  private readonly flags: ResponseCache<Awaited<ReturnType<typeof integrityFlagsUnder>>>;
  private readonly missingYears: ResponseCache<number | null>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: RatingTotalsStore,
    @InjectRepository(Org) private readonly orgs: Repository<Org>,
    private readonly access: AccessPolicy,
    private readonly scope: CampaignScope,
    private readonly grievanceFigures: GrievanceFigures,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    tree: TreeChanges,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // Stale while refresh: once a part of the tree has been read, an expired one is served for up to one
    // more span while one successor is computed, so no request waits for the refresh (1.3 s for a province
    // of 50,000 homes). A move or merge of the tree drops them all (TreeChanges): never served stale.
    const span = config.dashboardCacheMs;
    const now = () => clock.now().getTime();
    this.subtrees = new ResponseCache(span, 100, now, span);
    this.flags = new ResponseCache(span, 100, now, span);
    this.missingYears = new ResponseCache(span, 100, now, span);
    tree.onChange(() => {
      this.subtrees.clear();
      this.flags.clear();
    });
  }

  async dashboard(userId: string, orgId: string, campaignId: string | undefined, q: LeagueQuery): Promise<OrgDashboard> {
    const { org, campaign, path, cid, open } = await this.resolve(userId, orgId, campaignId);
    const [sub, league, missingYear, integrityFlags] = await Promise.all([
      this.subtree(path, cid, open, campaign),
      q.level === 'children' ? this.childrenLeague(path, cid, open, q, campaignSettings(campaign).thresholds) : null,
      this.missingYears.get(org.path, () => this.calendar.missingYear(org.path)),
      campaign ? this.flags.get(`${path}:${cid}`, () => integrityFlagsUnder(this.dataSource, path, cid)) : { total: 0, items: [] },
    ]);
    const { summary, previous, low, lost, grievances } = sub;
    return {
      org: { id: org.id, name: org.name, level: org.level },
      campaign: campaign ? { id: campaign.id, name: campaign.name, status: campaign.status } : null,
      openCycle: campaign && open ? { closesAt: campaign.closesAt, daysLeft: daysLeft(campaign.closesAt, this.clock.now()) } : null,
      totals: summary.totals,
      tiers: summary.tiers,
      thresholds: sub.t,
      calendarWarning: missingYear === null ? null : { year: missingYear },
      league: {
        ...(league ?? this.homeLeague(sub, q)),
        page: q.paging.page,
        pageSize: q.paging.pageSize,
        sort: q.sort,
        order: q.order,
        level: q.level,
      },
      lowParticipation: { total: summary.low, items: low },
      lostTitles: { previousCampaign: previous ? { id: previous.id, name: previous.name } : null, total: lost.total, items: lost.items },
      grievances,
      integrityFlags,
    };
  }

  /** The org (admins of it or above), the cycle, the part of the tree both cover, and whether the cycle is still open. */
  async resolve(
    userId: string,
    orgId: string,
    campaignId: string | undefined,
  ): Promise<{ org: Org; campaign: Campaign | null; path: string; cid: string; open: boolean }> {
    const org = await this.access.orgForAdmin(userId, orgId);
    const campaign = await this.scope.forOrg(org.path, campaignId);
    // A campaign of a lower org covers only its own subtree.
    const path = campaign && campaign.orgPath.length > org.path.length ? campaign.orgPath : org.path;
    return { org, campaign, path, cid: campaign?.id ?? '', open: !!campaign && !areFiguresReleased(campaign.status) };
  }

  /** Every home of the subtree (for exports), best satisfaction first, withheld last. */
  async allHomes(path: string, campaignId: string, open: boolean, campaign: Campaign | null): Promise<LeagueRow[]> {
    const sub = await this.subtree(path, campaignId, open, campaign);
    return Array.from(leagueOrder(sub.rows, sub.nameRank, 'satisfaction', 'desc', this.minSlice(open, sub.t)), (i) =>
      this.homeRow(sub.rows[i], open, sub.t),
    );
  }

  async summary(path: string, campaignId: string, open: boolean, campaign: Campaign | null): Promise<Summary> {
    return (await this.subtree(path, campaignId, open, campaign)).summary;
  }

  /** The smallest slice a sort by a score needs: none is shown while the cycle is open. */
  private minSlice(open: boolean, t: Thresholds): number {
    return open ? Infinity : t.minSlice;
  }

  private subtree(path: string, cid: string, open: boolean, campaign: Campaign | null): Promise<Subtree> {
    return this.subtrees.get(`${path}:${cid}:${open ? 'open' : 'final'}`, async () => {
      // Titles lost compare with this cycle's titles: none while it is open.
      const previous = campaign && !open ? await this.scope.previous(campaign) : null;
      const t = campaignSettings(campaign).thresholds;
      const [rows, grievances] = await Promise.all([
        this.store.subtreeHomes(path, cid, open, t, previous?.id ?? null),
        this.grievances(path),
      ]);
      const sub: Subtree = {
        rows,
        nameRank: nameRanks(rows),
        orders: new Map(),
        open,
        t,
        previousT: campaignSettings(previous).thresholds,
        previous,
        summary: this.summarise(rows, open, t),
        low: [],
        lost: { total: 0, items: [] },
        grievances,
      };
      sub.low = this.lowParticipation(sub);
      if (previous) sub.lost = this.lostTitles(sub);
      return sub;
    });
  }

  /** Counts over every home, scores over the homes whose own figures may be shown (≥ minSlice ratings). */
  private summarise(rows: HomeRow[], open: boolean, t: Thresholds): Summary {
    const tiers = Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<Tier, number>;
    let low = 0;
    for (const r of rows) {
      // No title is awarded before the close.
      if (!open) tiers[this.title(r, r.ratings, r.counts, t)]++;
      if (isParticipationLow(r.ratings, r.members, t)) low++;
    }
    return { totals: toFigures(aggregate(rows, t, open)), tiers, low };
  }

  /** The title a home earns with these ratings and verdicts (this cycle's, or the previous one's). */
  private title(r: HomeRow, ratings: number, counts: VerdictCounts, t: Thresholds): Tier {
    return awardedTitle({ ratings, members: r.members, counts, workers: r.workers }, t);
  }

  private currentTitle = (r: HomeRow, sub: Subtree): Tier => this.title(r, r.ratings, r.counts, sub.t);
  private previousTitle = (r: HomeRow, sub: Subtree): Tier =>
    this.title(r, r.previous?.ratings ?? 0, r.previous?.counts ?? { satisfied: 0, basicallySatisfied: 0, dissatisfied: 0 }, sub.previousT);

  /** Homes below valid participation, lowest rate first (then name). */
  private lowParticipation(sub: Subtree): OrgDashboard['lowParticipation']['items'] {
    const share = (r: HomeRow) => r.ratings / r.members;
    const low = [...sub.rows.keys()].filter((i) => isParticipationLow(sub.rows[i].ratings, sub.rows[i].members, sub.t));
    low.sort((a, b) => share(sub.rows[a]) - share(sub.rows[b]) || sub.nameRank[a] - sub.nameRank[b]);
    return low.slice(0, LIST_LIMIT).map((i) => {
      const r = sub.rows[i];
      return { id: r.id, name: r.name, ratings: r.ratings, members: r.members, rate: participationRate(r.ratings, r.members) };
    });
  }

  /** 动态管理: homes whose title now is below the one they held in the previous cycle, by name. */
  private lostTitles(sub: Subtree): Subtree['lost'] {
    const lost = [...sub.rows.keys()].filter((i) => lostTitle(this.previousTitle(sub.rows[i], sub), this.currentTitle(sub.rows[i], sub)));
    lost.sort((a, b) => sub.nameRank[a] - sub.nameRank[b]);
    return {
      total: lost.length,
      items: lost.slice(0, LIST_LIMIT).map((i) => ({
        id: sub.rows[i].id,
        name: sub.rows[i].name,
        previous: this.previousTitle(sub.rows[i], sub),
        current: this.currentTitle(sub.rows[i], sub),
      })),
    };
  }

  private homeLeague(sub: Subtree, q: LeagueQuery): { items: LeagueRow[]; total: number } {
    const key = `${q.sort}:${q.order}`;
    let order = sub.orders.get(key);
    if (!order) sub.orders.set(key, (order = leagueOrder(sub.rows, sub.nameRank, q.sort, q.order, this.minSlice(sub.open, sub.t))));
    return {
      items: Array.from(order.subarray(q.paging.skip, q.paging.skip + q.paging.pageSize), (i) =>
        this.homeRow(sub.rows[i], sub.open, sub.t),
      ),
      total: sub.rows.length,
    };
  }

  /** Child orgs with their roll-ups, and the homes directly under this org, sorted and paged here. */
  private async childrenLeague(
    path: string,
    campaignId: string,
    open: boolean,
    q: LeagueQuery,
    t: Thresholds,
  ): Promise<{ items: LeagueRow[]; total: number }> {
    const [grouped, direct] = await Promise.all([
      this.store.childRollups(path, campaignId, open, t),
      this.store.directHomes(path, campaignId, open, t),
    ]);
    const ids = grouped.map((g) => g.childId);
    const orgs = ids.length ? await this.orgs.find({ where: { id: In(ids) } }) : [];
    const names = new Map(orgs.map((o) => [o.id, o.name]));
    // Active child orgs without homes still appear, with zeros.
    const empty = await this.orgs.find({ where: { parentId: path.split('/').filter(Boolean).pop(), deactivatedAt: IsNull() } });
    const rows: LeagueRow[] = [
      ...grouped.map((g) => ({
        type: 'org' as const,
        id: g.childId,
        name: names.get(g.childId) ?? '',
        title: null,
        valid: null,
        ...toFigures(g),
      })),
      ...empty
        .filter((o) => !names.has(o.id))
        .map((o) => ({
          type: 'org' as const,
          id: o.id,
          name: o.name,
          title: null,
          valid: null,
          ...toFigures(aggregate([], t)),
        })),
      ...direct.map((r) => this.homeRow(r, open, t)),
    ];
    const key = (r: LeagueRow): number | string | null =>
      q.sort === 'name'
        ? r.name
        : q.sort === 'satisfaction'
          ? r.satisfactionRate
          : q.sort === 'participation'
            ? r.participationRate
            : r.means[q.sort];
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
    return { total: sum.total, open: sum.open, overdue: sum.overdue, escalated: sum.escalated, onTimeRate: rate(sum.onTime, sum.decided) };
  }

  private homeRow(r: HomeRow, open: boolean, t: Thresholds): LeagueRow {
    const f = homeRowFigures(r, t, open);
    const title = f.reportedHomes === 1 ? this.title(r, r.ratings, r.counts, t) : null;
    return { type: 'home', id: r.id, name: r.name, title, valid: isParticipationValid(f.ratings, f.members, t), ...f };
  }
}
