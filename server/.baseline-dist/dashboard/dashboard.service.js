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
exports.DashboardService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const shared_1 = require("@pingjia/shared");
const typeorm_2 = require("typeorm");
const access_service_1 = require("../auth/access.service");
const rating_entity_1 = require("../ratings/rating.entity");
const campaign_scope_1 = require("./campaign-scope");
const figures_source_1 = require("./figures-source");
const grievance_figures_1 = require("./grievance-figures");
const home_figures_1 = require("./home-figures");
const MAX_COMMENTS = 100;
/** A totals row as the entity has it: counters by column name, the two camelCase ones renamed. */
function toTotals(r) {
    const out = { ...r, campaignId: String(r.campaign_id), homeId: String(r.home_id), ratings: Number(r.ratings), satisfied: Number(r.satisfied), basicallySatisfied: Number(r.basically_satisfied), dissatisfied: Number(r.dissatisfied), commentsApproved: Number(r.comments_approved) };
    return out;
}
let DashboardService = class DashboardService {
    dataSource;
    access;
    scope;
    grievanceFigures;
    thresholds = shared_1.DEFAULT_THRESHOLDS;
    constructor(dataSource, access, scope, grievanceFigures) {
        this.dataSource = dataSource;
        this.access = access;
        this.scope = scope;
        this.grievanceFigures = grievanceFigures;
    }
    async home(userId, homeId, campaignId) {
        const { home, upperLevel } = await this.access.homeWithLevel(userId, homeId);
        return this.forHome(home, upperLevel, campaignId);
    }
    /** The dashboard of a home the caller may see; `upperLevel`: the caller is above it, not its chair. */
    async forHome(home, upperLevel, campaignId) {
        // The home's cycles (oldest first) and each one's totals row, read once for the trend and the figures.
        const history = await this.scope.history(home.orgPath);
        const campaign = campaignId ? await this.scope.forHome(home.orgPath, campaignId) : (history[history.length - 1] ?? null);
        const rows = await this.totalsRows(home.id, campaign && !history.some((c) => c.id === campaign.id) ? [...history, campaign] : history);
        const totals = campaign ? (rows.get(campaign.id) ?? null) : null;
        const f = (0, home_figures_1.homeFigures)(home, totals, this.thresholds);
        // Which rating a comment belongs to cannot be matched to a snapshot: comments wait for the close.
        const commentsWithheld = campaign && !(0, figures_source_1.isFinal)(campaign.status) ? 'campaign_open' : !campaign || !(0, shared_1.areCommentsVisible)(f.ratings, this.thresholds) ? 'too_few_ratings' : null;
        const [comments, grievances] = await Promise.all([
            campaign && !commentsWithheld ? this.comments(campaign.id, home.id) : Promise.resolve(null),
            this.grievanceFigures.forHome(home.id, upperLevel),
        ]);
        return {
            home: { id: home.id, name: home.name },
            campaign: campaign ? { id: campaign.id, name: campaign.name, status: campaign.status } : null,
            participation: { ratings: f.ratings, members: f.members, rate: f.participationRate, valid: f.valid },
            satisfaction: f.satisfaction,
            criteria: f.criteria,
            tier: f.tier,
            withheld: f.withheld,
            title: f.title,
            trend: this.trend(home, history, rows),
            comments,
            commentsWithheld,
            groups: f.groups,
            grievances,
        };
    }
    /**
     * Each cycle's totals row of the home from its own source: the shown snapshot while a cycle is open,
     * the final totals after (figures-source.ts). Plain SQL: an ORM find hydrating ~90 counter columns
     * per row cost more than the lookup.
     */
    async totalsRows(homeId, campaigns) {
        const out = new Map();
        for (const schema of new Set(campaigns.map(figures_source_1.totalsSchemaFor))) {
            const ids = campaigns.filter((c) => (0, figures_source_1.totalsSchemaFor)(c) === schema).map((c) => c.id);
            const table = schema.options.tableName;
            const rows = (await this.dataSource.query(`SELECT * FROM ${table} WHERE home_id = ? AND campaign_id IN (${ids.map(() => '?').join(', ')})`, [homeId, ...ids]));
            for (const r of rows)
                out.set(String(r.campaign_id), toTotals(r));
        }
        return out;
    }
    /** The home's cycles, oldest first, each with the privacy rules applied on its own. */
    trend(home, campaigns, rows) {
        return campaigns.map((c) => {
            const f = (0, home_figures_1.homeFigures)(home, rows.get(c.id) ?? null, this.thresholds);
            return {
                campaign: { id: c.id, name: c.name, status: c.status, opensAt: c.opensAt },
                ratings: f.ratings,
                participationRate: f.participationRate,
                satisfactionRate: (0, shared_1.isSliceVisible)(f.ratings, this.thresholds) && f.satisfaction ? (0, shared_1.satisfactionRate)(f.satisfaction) : null,
                title: f.title,
            };
        });
    }
    /** Approved comments: the text only (sorted by text, not time), never who wrote them, when, or with which scores. */
    async comments(campaignId, homeId) {
        const rows = await this.dataSource
            .getRepository(rating_entity_1.Rating)
            .createQueryBuilder('r')
            .select(['r.comment AS text'])
            .where('r.campaign_id = :campaignId AND r.home_id = :homeId AND r.comment_status = :approved', { campaignId, homeId, approved: 'approved' })
            .orderBy('r.comment', 'ASC')
            .limit(MAX_COMMENTS)
            .getRawMany();
        return rows.map((r) => ({ text: r.text }));
    }
};
exports.DashboardService = DashboardService;
exports.DashboardService = DashboardService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        access_service_1.AccessService,
        campaign_scope_1.CampaignScope,
        grievance_figures_1.GrievanceFigures])
], DashboardService);
//# sourceMappingURL=dashboard.service.js.map