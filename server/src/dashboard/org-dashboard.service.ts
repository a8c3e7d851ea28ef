import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  areFiguresReleased,
  daysLeft,
  isParticipationValid,
  LeagueLevel,
  LeagueRow,
  LeagueSortKey,
  OrgDashboard,
  Thresholds,
} from '@pingjia/shared';
import { In, IsNull, Repository } from 'typeorm';
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
import { homeRowFigures, toFigures } from './league-figures';
import { orderOf, Summary, title } from './subtree';
import type { SubtreeGrievances } from './subtree-read';
import { SubtreeData, SubtreeReader } from './subtree-reader';

export interface LeagueQuery {
  sort: LeagueSortKey;
  order: 'asc' | 'desc';
  level: LeagueLevel;
  paging: Paging;
}

/** The default sort (and the exports'): best satisfaction first. */
const DEFAULT_ORDER = 'satisfaction:desc';

/**
 * One part of the tree in one cycle (subtree-read.ts): every home with its figures, the figures derived
 * from them, the integrity flags, and the league orders asked for so far. Nothing in it depends on the
 * caller, the sort or the page. Its grievance sums are kept beside it, by part of the tree alone.
 */
interface Subtree extends SubtreeData {
  key: string;
  open: boolean;
  t: Thresholds;
  previous: Campaign | null;
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
/**
 * Parts of the tree kept (an org and a cycle each): a province's every org for a few cycles — the bench's
 * province has 114 orgs. With 100 a mix over its counties and cities evicted a part on most misses, and each
 * came back as a scan in the worker's queue (mixed at 50,000 homes: p99 132-453 ms, max 2.6-2.9 s; with 400:
 * 98-116 ms, max 425-727 ms, the same peak RSS — docs/performance.md, sixth pass). A county's part is a few
 * hundred packed rows.
 */
const SUBTREES_KEPT = 400;

/**
 * How long a closed cycle's part of the tree is kept, in dashboard spans (5 minutes at 15 s). Nothing it
 * holds changes after the close but through this process's own writes, which drop it at once (TreeChanges:
 * a move, merge or deactivation, a home's name or counts edited or imported): its homes and their paths are
 * frozen (campaign_homes), its totals final, its thresholds frozen at opening, the cycle before fixed (cycles
 * of a home never overlap). What this bounds is another instance's edit of a home's name or worker count,
 * seen here that much later. Refreshed every span instead, a province's 114 parts kept one subtree worker
 * ~38% busy at full size and a missing part waited behind them up to 6.7 s (docs/performance.md, sixth pass).
 */
const FINAL_SPANS = 20;

@Injectable()
export class OrgDashboardService {
  /** parts of the tree in a cycle still open (or none), and in a closed one: kept for different spans */
  private readonly openParts: ResponseCache<Subtree>;
  private readonly finalParts: ResponseCache<Subtree>;
  /** each part of the tree's grievance sums (any cycle's), by path */
  private readonly grievanceSums: ResponseCache<SubtreeGrievances>;
  private readonly missingYears: ResponseCache<number | null>;
  /** league orders asked for of each part of the tree: its successor is made with them (the worker makes all) */
  private readonly askedOrders = new Map<string, Set<string>>();

  constructor(
    private readonly reader: SubtreeReader,
    private readonly store: RatingTotalsStore,
    @InjectRepository(Org) private readonly orgs: Repository<Org>,
    private readonly access: AccessPolicy,
    private readonly scope: CampaignScope,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    tree: TreeChanges,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // Stale while refresh: once a part of the tree has been read, an expired one is served for up to one
    // more span while one successor is computed (off the request thread on SQLite: SubtreeReader), so no
    // request waits for the refresh (1.0-1.4 s for a province of 50,000 homes). A move or merge of the
    // tree drops them all (TreeChanges): never served stale, nor fresh.
    const span = config.dashboardCacheMs;
    const now = () => clock.now().getTime();
    this.openParts = new ResponseCache(span, SUBTREES_KEPT, now, span);
    this.finalParts = new ResponseCache(span * FINAL_SPANS, SUBTREES_KEPT, now, span);
    this.grievanceSums = new ResponseCache(span, SUBTREES_KEPT, now, span);
    this.missingYears = new ResponseCache(span, 100, now, span);
    tree.onChange(() => {
      this.openParts.clear();
      this.finalParts.clear();
      this.grievanceSums.clear();
    });
  }

  async dashboard(userId: string, orgId: string, campaignId: string | undefined, q: LeagueQuery): Promise<OrgDashboard> {
    const { org, campaign, path, cid, open } = await this.resolve(userId, orgId, campaignId);
    const [sub, grievances, league, missingYear] = await Promise.all([
      this.subtree(path, cid, open, campaign),
      this.grievanceSums.get(path, () => this.reader.grievances({ path, now: this.clock.now().toISOString() })),
      q.level === 'children' ? this.childrenLeague(path, cid, open, q, campaignSettings(campaign).thresholds) : null,
      this.missingYears.get(org.path, () => this.calendar.missingYear(org.path)),
    ]);
    const { summary, previous, low, lost, integrityFlags } = sub;
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

  /**
   * The summary and every home of the subtree (for exports), best satisfaction first, withheld last: the
   * homes are made into rows a page at a time (a province is 50,000), all from the same snapshot of the subtree.
   */
  async allHomes(
    path: string,
    campaignId: string,
    open: boolean,
    campaign: Campaign | null,
  ): Promise<{ summary: Summary; pages: (size: number) => Generator<LeagueRow[]> }> {
    const sub = await this.subtree(path, campaignId, open, campaign);
    const order = this.order(sub, DEFAULT_ORDER);
    const homeRow = (i: number) => this.homeRow(sub.rows.at(i), open, sub.t);
    return {
      summary: sub.summary,
      pages: function* (size) {
        for (let from = 0; from < order.length; from += size) yield Array.from(order.subarray(from, from + size), homeRow);
      },
    };
  }

  private subtree(path: string, cid: string, open: boolean, campaign: Campaign | null): Promise<Subtree> {
    const key = `${path}:${cid}:${open ? 'open' : 'final'}`;
    return (open ? this.openParts : this.finalParts).get(key, async () => {
      // Titles lost compare with this cycle's titles: none while it is open.
      const previous = campaign && !open ? await this.scope.previous(campaign) : null;
      const t = campaignSettings(campaign).thresholds;
      const data = await this.reader.read({
        path,
        cid,
        open,
        t,
        previousT: campaignSettings(previous).thresholds,
        previousId: previous?.id ?? null,
        orderKeys: [...(this.askedOrders.get(key) ?? [DEFAULT_ORDER])],
        flags: !!campaign,
      });
      return { ...data, open, t, previous, key };
    });
  }

  /** The league order for `sort:order`, made once per part of the tree (and made with its successor). */
  private order(sub: Subtree, key: string): Int32Array {
    let order = sub.orders.get(key);
    if (!order) {
      sub.orders.set(key, (order = orderOf(sub.rows.all(), sub.nameRank, key, sub.open, sub.t)));
      if (this.askedOrders.size >= 1000) this.askedOrders.clear();
      this.askedOrders.set(sub.key, new Set([...(this.askedOrders.get(sub.key) ?? [DEFAULT_ORDER]), key]));
    }
    return order;
  }

  private homeLeague(sub: Subtree, q: LeagueQuery): { items: LeagueRow[]; total: number } {
    const order = this.order(sub, `${q.sort}:${q.order}`);
    return {
      items: Array.from(order.subarray(q.paging.skip, q.paging.skip + q.paging.pageSize), (i) =>
        this.homeRow(sub.rows.at(i), sub.open, sub.t),
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

  private homeRow(r: HomeRow, open: boolean, t: Thresholds): LeagueRow {
    const f = homeRowFigures(r, t, open);
    const awarded = f.reportedHomes === 1 ? title(r, r.ratings, r.counts, t) : null;
    return { type: 'home', id: r.id, name: r.name, title: awarded, valid: isParticipationValid(f.ratings, f.members, t), ...f };
  }
}
