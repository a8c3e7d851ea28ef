"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.OrgDashboardService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const shared_1 = require("@pingjia/shared");
const typeorm_2 = require("typeorm");
const access_service_1 = require("../auth/access.service");
const paging_1 = require("../common/paging");
const response_cache_1 = require("../common/response-cache");
const app_config_1 = require("../config/app-config");
const home_entity_1 = require("../orgs/home.entity");
const org_entity_1 = require("../orgs/org.entity");
const rating_totals_entity_1 = require("../ratings/rating-totals.entity");
const campaign_scope_1 = require("./campaign-scope");
const figures_source_1 = require("./figures-source");
const figures_sql_1 = require("./figures-sql");
const grievance_figures_1 = require("./grievance-figures");
const league_order_1 = require("./league-order");
const LIST_LIMIT = 100;
const num = (v) => Number(v ?? 0);
const SUMMED = ['satisfied', 'basically_satisfied', 'dissatisfied', ...shared_1.CRITERION_KEYS.map((k) => `sum_${k}`)];
// A federation's view of its subtree for one cycle, from the per-home totals rows joined to homes by an
// index range on the org path: one scan of the subtree's homes, never of ratings. `totals` names the
// rows a cycle is read from (figures-source.ts): every figure of one answer, the subtree's and each
// home's, comes from the same rows, so the totals stay the sum over the homes.
// The scan is reused for DASHBOARD_CACHE_SECONDS like the answers (dashboard.controller.ts), keyed by the
// part of the tree, the cycle and the totals read — never by caller: access is checked before each use.
// Its figures are those of the same totals rows an uncached request reads (the shown snapshot while a
// cycle is open), so no view reveals more than an uncached one. A league page is a slice of the homes
// sorted once per sort key (numbers only), not a join and sort of 50,000 rows per page (3.6 s for a
// province before); summary, low participation and titles lost are sums over the same rows.
let OrgDashboardService = class OrgDashboardService {
    dataSource;
    orgs;
    access;
    scope;
    grievanceFigures;
    thresholds = shared_1.DEFAULT_THRESHOLDS;
    subtrees;
    constructor(dataSource, orgs, access, scope, grievanceFigures, config) {
        this.dataSource = dataSource;
        this.orgs = orgs;
        this.access = access;
        this.scope = scope;
        this.grievanceFigures = grievanceFigures;
        this.subtrees = new response_cache_1.ResponseCache(config.dashboardCacheMs, 100);
    }
    async dashboard(userId, orgId, campaignId, q) {
        const { org, campaign, path, cid, totals } = await this.resolve(userId, orgId, campaignId);
        const [sub, league] = await Promise.all([
            this.subtree(path, cid, totals, campaign),
            q.level === 'children' ? this.childrenLeague(path, cid, totals, q) : null,
        ]);
        const { summary, previous, low, lost, grievances } = sub;
        return {
            org: { id: org.id, name: org.name, level: org.level },
            campaign: campaign ? { id: campaign.id, name: campaign.name, status: campaign.status } : null,
            totals: summary.totals,
            tiers: summary.tiers,
            league: { ...(league ?? this.homeLeague(sub, q)), page: q.paging.page, pageSize: q.paging.pageSize, sort: q.sort, order: q.order, level: q.level },
            lowParticipation: { total: summary.low, items: low },
            lostTitles: { previousCampaign: previous ? { id: previous.id, name: previous.name } : null, total: lost.total, items: lost.items },
            grievances,
        };
    }
    /** The org (admins of it or above), the cycle, the part of the tree both cover, and the totals to read. */
    async resolve(userId, orgId, campaignId) {
        const org = await this.access.orgForAdmin(userId, orgId);
        const campaign = await this.scope.forOrg(org.path, campaignId);
        // A campaign of a lower org covers only its own subtree.
        const path = campaign && campaign.orgPath.length > org.path.length ? campaign.orgPath : org.path;
        return { org, campaign, path, cid: campaign?.id ?? '', totals: (0, figures_source_1.totalsEntityFor)(campaign) };
    }
    /** Every home of the subtree (for exports), best satisfaction first, withheld last. */
    async allHomes(path, campaignId, totals, campaign) {
        const sub = await this.subtree(path, campaignId, totals, campaign);
        return Array.from((0, league_order_1.leagueOrder)(sub.rows, sub.nameRank, 'satisfaction', 'desc', this.thresholds.minSlice), (i) => this.homeRow(sub.rows[i]));
    }
    async summary(path, campaignId, totals, campaign) {
        return (await this.subtree(path, campaignId, totals, campaign)).summary;
    }
    subtree(path, cid, totals, campaign) {
        return this.subtrees.get(`${path}:${cid}:${totals}`, async () => {
            const previous = campaign ? await this.scope.previous(campaign) : null;
            const [rows, grievances] = await Promise.all([this.homeRows(path, cid, totals, previous), this.grievances(path)]);
            const sub = { rows, nameRank: (0, league_order_1.nameRanks)(rows), orders: new Map(), previous, summary: this.summarise(rows), low: [], lost: { total: 0, items: [] }, grievances };
            sub.low = this.lowParticipation(sub);
            if (previous)
                sub.lost = this.lostTitles(sub);
            return sub;
        });
    }
    /** One row per home of the subtree: its figures in the cycle, and its verdicts in the previous one. */
    homeRows(path, campaignId, totals, previous) {
        const { from, to } = (0, paging_1.subtreeRange)(path);
        const q = this.dataSource
            .createQueryBuilder()
            .from(home_entity_1.Home, 'h')
            .leftJoin(totals, 't', 't.home_id = h.id AND t.campaign_id = :campaignId', { campaignId })
            .where('h.org_path >= :from AND h.org_path < :to', { from, to })
            .select((0, figures_sql_1.homeSelect)());
        // The previous cycle is closed: its final totals.
        if (previous) {
            q.leftJoin(rating_totals_entity_1.RatingTotalsSchema.options.name, 'p', 'p.home_id = h.id AND p.campaign_id = :previousId', { previousId: previous.id }).addSelect(['ratings', 'satisfied', 'basically_satisfied', 'dissatisfied'].map((c) => `COALESCE(p.${c}, 0) AS p_${c}`).join(', '));
        }
        return q.getRawMany();
    }
    /** Counts over every home, scores over the homes whose own figures may be shown (≥ minSlice ratings). */
    summarise(rows) {
        const agg = { homes: rows.length, members: 0, ratings: 0, reported_homes: 0, reported_ratings: 0 };
        for (const c of SUMMED)
            agg[c] = 0;
        const tiers = Object.fromEntries(shared_1.TIERS.map((t) => [t, 0]));
        let low = 0;
        for (const r of rows) {
            const n = num(r.ratings);
            agg.members += num(r.members);
            agg.ratings += n;
            if (n >= this.thresholds.minSlice) {
                agg.reported_homes++;
                agg.reported_ratings += n;
                for (const c of SUMMED)
                    agg[c] += num(r[c]);
            }
            tiers[this.title(r, '')]++;
            if (this.isLow(r))
                low++;
        }
        return { totals: (0, figures_sql_1.toFigures)(agg, this.thresholds, false), tiers, low };
    }
    /** The title a home earns from its totals of this cycle (prefix '') or the previous one ('p_'). */
    title(r, prefix) {
        const counts = { satisfied: num(r[`${prefix}satisfied`]), basicallySatisfied: num(r[`${prefix}basically_satisfied`]), dissatisfied: num(r[`${prefix}dissatisfied`]) };
        return (0, shared_1.awardedTitle)({ ratings: num(r[`${prefix}ratings`]), members: num(r.members), counts, workers: r.workers === null ? null : num(r.workers) }, this.thresholds);
    }
    isLow(r) {
        return num(r.ratings) * 10000 < Math.trunc(this.thresholds.validParticipationBp) * num(r.members);
    }
    /** Homes below valid participation, lowest rate first (then name). */
    lowParticipation(sub) {
        const rate = (r) => num(r.ratings) / num(r.members);
        const low = [...sub.rows.keys()].filter((i) => this.isLow(sub.rows[i]));
        low.sort((a, b) => rate(sub.rows[a]) - rate(sub.rows[b]) || sub.nameRank[a] - sub.nameRank[b]);
        return low.slice(0, LIST_LIMIT).map((i) => {
            const r = sub.rows[i];
            return { id: String(r.id), name: String(r.name), ratings: num(r.ratings), members: num(r.members), rate: (0, shared_1.participationRate)(num(r.ratings), num(r.members)) };
        });
    }
    /** 动态管理: homes whose title now is below the one they held in the previous cycle, by name. */
    lostTitles(sub) {
        const lost = [...sub.rows.keys()].filter((i) => (0, shared_1.lostTitle)(this.title(sub.rows[i], 'p_'), this.title(sub.rows[i], '')));
        lost.sort((a, b) => sub.nameRank[a] - sub.nameRank[b]);
        return {
            total: lost.length,
            items: lost.slice(0, LIST_LIMIT).map((i) => ({ id: String(sub.rows[i].id), name: String(sub.rows[i].name), previous: this.title(sub.rows[i], 'p_'), current: this.title(sub.rows[i], '') })),
        };
    }
    homeLeague(sub, q) {
        const key = `${q.sort}:${q.order}`;
        let order = sub.orders.get(key);
        if (!order)
            sub.orders.set(key, (order = (0, league_order_1.leagueOrder)(sub.rows, sub.nameRank, q.sort, q.order, this.thresholds.minSlice)));
        return { items: Array.from(order.subarray(q.paging.skip, q.paging.skip + q.paging.pageSize), (i) => this.homeRow(sub.rows[i])), total: sub.rows.length };
    }
    /** Child orgs with their roll-ups, and the homes directly under this org, sorted and paged here. */
    async childrenLeague(path, campaignId, totals, q) {
        const { to } = (0, paging_1.subtreeRange)(path);
        // The child's id is the path segment right after this org's path (an integer literal, not input).
        const child = `SUBSTR(h.org_path, ${path.length + 1}, 36)`;
        const [grouped, direct] = await Promise.all([
            this.dataSource
                .createQueryBuilder()
                .from(home_entity_1.Home, 'h')
                .leftJoin(totals, 't', 't.home_id = h.id AND t.campaign_id = :campaignId', { campaignId })
                .where('h.org_path > :path AND h.org_path < :to', { path, to })
                .select(`${child} AS child_id, ${(0, figures_sql_1.aggregateSelect)(this.thresholds)}`)
                .groupBy(child)
                .getRawMany(),
            this.dataSource
                .createQueryBuilder()
                .from(home_entity_1.Home, 'h')
                .leftJoin(totals, 't', 't.home_id = h.id AND t.campaign_id = :campaignId', { campaignId })
                .where('h.org_path = :path', { path })
                .select((0, figures_sql_1.homeSelect)())
                .getRawMany(),
        ]);
        const ids = grouped.map((g) => String(g.child_id));
        const orgs = ids.length ? await this.orgs.find({ where: { id: (0, typeorm_2.In)(ids) } }) : [];
        const names = new Map(orgs.map((o) => [o.id, o.name]));
        // Child orgs without homes still appear, with zeros.
        const empty = await this.orgs.find({ where: { parentId: path.split('/').filter(Boolean).pop() } });
        const rows = [
            ...grouped.map((g) => ({ type: 'org', id: String(g.child_id), name: names.get(String(g.child_id)) ?? '', title: null, valid: null, ...(0, figures_sql_1.toFigures)(g, this.thresholds, false) })),
            ...empty.filter((o) => !names.has(o.id)).map((o) => ({ type: 'org', id: o.id, name: o.name, title: null, valid: null, ...(0, figures_sql_1.toFigures)({}, this.thresholds, false) })),
            ...direct.map((r) => this.homeRow(r)),
        ];
        const key = (r) => q.sort === 'name' ? r.name : q.sort === 'satisfaction' ? r.satisfactionRate : q.sort === 'participation' ? r.participationRate : r.means[q.sort];
        const sign = q.order === 'asc' ? 1 : -1;
        rows.sort((a, b) => {
            const ka = key(a);
            const kb = key(b);
            if (ka === null || kb === null)
                return ka === kb ? a.name.localeCompare(b.name) : ka === null ? 1 : -1;
            if (ka !== kb)
                return (ka < kb ? -1 : 1) * sign;
            return a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
        });
        return { items: rows.slice(q.paging.skip, q.paging.skip + q.paging.pageSize), total: rows.length };
    }
    async grievances(path) {
        const sum = await this.grievanceFigures.subtree(path);
        if (!sum)
            return null;
        // Escalated counts are not in the grievance figures yet: null rather than a guess.
        return { total: sum.total, open: sum.open, overdue: sum.overdue, escalated: sum.escalated, onTimeRate: sum.decided ? Math.round((sum.onTime / sum.decided) * 10000) / 10000 : null };
    }
    homeRow(r) {
        const f = (0, figures_sql_1.toFigures)(r, this.thresholds, true);
        const shown = f.reportedHomes === 1;
        const title = shown
            ? (0, shared_1.awardedTitle)({ ratings: f.ratings, members: f.members, counts: { satisfied: f.satisfied, basicallySatisfied: f.basicallySatisfied, dissatisfied: f.dissatisfied }, workers: r.workers === null ? null : Number(r.workers) }, this.thresholds)
            : null;
        return { type: 'home', id: String(r.id), name: String(r.name), title, valid: (0, shared_1.isParticipationValid)(f.ratings, f.members, this.thresholds), ...f };
    }
};
exports.OrgDashboardService = OrgDashboardService;
exports.OrgDashboardService = OrgDashboardService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __param(1, (0, typeorm_1.InjectRepository)(org_entity_1.Org)),
    __param(5, (0, common_1.Inject)(app_config_1.APP_CONFIG)),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        typeorm_2.Repository,
        access_service_1.AccessService,
        campaign_scope_1.CampaignScope,
        grievance_figures_1.GrievanceFigures, Object])
], OrgDashboardService);
//# sourceMappingURL=org-dashboard.service.js.map