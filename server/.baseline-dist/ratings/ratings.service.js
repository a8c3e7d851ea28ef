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
exports.RatingsService = void 0;
exports.toRatingView = toRatingView;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const shared_1 = require("@pingjia/shared");
const typeorm_2 = require("typeorm");
const campaign_entity_1 = require("../campaigns/campaign.entity");
const app_config_1 = require("../config/app-config");
const clock_1 = require("../common/clock");
const domain_error_1 = require("../common/domain-error");
const ids_1 = require("../common/ids");
const transactions_1 = require("../common/transactions");
const home_entity_1 = require("../orgs/home.entity");
const find_home_1 = require("../orgs/find-home");
const membership_service_1 = require("../membership/membership.service");
const moderation_service_1 = require("../wechat/moderation.service");
const rating_entity_1 = require("./rating.entity");
const rating_totals_entity_1 = require("./rating-totals.entity");
const open_figures_1 = require("./open-figures");
const rater_key_1 = require("./rater-key");
const totals_delta_1 = require("./totals-delta");
function valuesOf(r) {
    return {
        scores: { organization: r.organization, rights: r.rights, work: r.work, role: r.role, trust: r.trust },
        verdict: r.verdict,
        groups: r.memberGroups ? r.memberGroups.split(',') : [],
        commentApproved: r.commentStatus === 'approved',
    };
}
function toRatingView(r) {
    const v = valuesOf(r);
    return { campaignId: r.campaignId, homeId: r.homeId, scores: v.scores, verdict: r.verdict, comment: r.comment, groups: v.groups, updatedOn: r.updatedOn };
}
let RatingsService = class RatingsService {
    ratings;
    homes;
    campaigns;
    tx;
    membership;
    moderation;
    clock;
    config;
    constructor(ratings, homes, campaigns, tx, membership, moderation, clock, config) {
        this.ratings = ratings;
        this.homes = homes;
        this.campaigns = campaigns;
        this.tx = tx;
        this.membership = membership;
        this.moderation = moderation;
        this.clock = clock;
        this.config = config;
    }
    /** Creates or replaces the caller's own rating; `created` tells which. */
    async put(userId, campaignId, homeId, dto) {
        const comment = (0, shared_1.normalizeText)(dto.comment ?? '');
        const problem = (0, shared_1.commentProblem)(comment);
        if (problem)
            throw (0, domain_error_1.invalid)({ comment: problem });
        const { home } = await this.scope(campaignId, homeId, true);
        if (!(await this.membership.isMember(userId, home)))
            throw new domain_error_1.DomainError('MEMBERSHIP_REQUIRED');
        const commentStatus = comment ? await this.moderation.check(userId, comment) : 'none';
        const key = (0, rater_key_1.raterKey)(this.config.raterKeySecret, campaignId, homeId, userId);
        const scores = dto.scores;
        const groups = [...new Set(dto.groups ?? [])].sort();
        const next = {
            organization: scores.organization,
            rights: scores.rights,
            work: scores.work,
            role: scores.role,
            trust: scores.trust,
            verdict: dto.verdict,
            comment: comment || null,
            commentStatus,
            memberGroups: groups.join(','),
            updatedOn: (0, shared_1.chinaDay)(this.clock.now()),
        };
        return this.tx.run(async (m) => {
            // Every write to a home's ratings first locks that home's totals row (created on first use),
            // so concurrent writers queue on one lock instead of deadlocking on index gaps.
            const window = await this.lockTotals(m, campaignId, homeId);
            const [existing] = (await m.query(SQL.existing, [campaignId, homeId, key]));
            const before = existing ? storedValues(existing) : null;
            const values = [next.organization, next.rights, next.work, next.role, next.trust, next.verdict, next.comment, next.commentStatus, next.memberGroups, next.updatedOn];
            if (existing)
                await m.query(SQL.update, [...values, existing.id]);
            else
                await m.query(SQL.insert, [(0, ids_1.newId)(), campaignId, homeId, key, ...values]);
            const saved = { campaignId, homeId, ...next };
            // Only a new rating moves an open cycle's snapshot window (open-figures.ts).
            const snapshotAt = existing ? null : (0, open_figures_1.snapshotDue)(window);
            await this.applyDelta(m, campaignId, homeId, (0, totals_delta_1.totalsDelta)(before, valuesOf(saved)), !existing, snapshotAt);
            if (snapshotAt !== null)
                await (0, open_figures_1.takeSnapshot)(m, campaignId, homeId);
            return { created: !existing, rating: toRatingView(saved) };
        });
    }
    async get(userId, campaignId, homeId) {
        await this.scope(campaignId, homeId, false);
        const key = (0, rater_key_1.raterKey)(this.config.raterKeySecret, campaignId, homeId, userId);
        const rating = await this.ratings.findOne({ where: { campaignId, homeId, raterKey: key } });
        if (!rating)
            throw (0, domain_error_1.notFound)();
        return toRatingView(rating);
    }
    async scope(campaignId, homeId, mustBeOpen) {
        const [home, campaign] = await Promise.all([(0, find_home_1.findHome)(this.homes, homeId), this.campaigns.findOne({ where: { id: campaignId } })]);
        // A home outside the campaign's subtree is not part of it: 404, as for an unknown id.
        if (!home || !campaign || !home.orgPath.startsWith(campaign.orgPath))
            throw (0, domain_error_1.notFound)();
        if (mustBeOpen) {
            const now = this.clock.now().toISOString();
            if (campaign.status !== 'open' || now < campaign.opensAt || now >= campaign.closesAt) {
                throw new domain_error_1.DomainError('CAMPAIGN_NOT_OPEN');
            }
        }
        return { home, campaign };
    }
    /** Locks the home's totals row (creating it on first use) and reads its snapshot window. */
    async lockTotals(m, campaignId, homeId) {
        const mysql = m.connection.options.type === 'mysql';
        const select = async () => {
            const [row] = (await m.query(mysql ? SQL.lockMysql : SQL.lock, [campaignId, homeId]));
            return row ? { writes: Number(row.writes), windowStart: Number(row.window_start) } : null;
        };
        const found = await select();
        if (found)
            return found;
        await m.createQueryBuilder().insert().into(rating_totals_entity_1.RatingTotalsSchema).values({ campaignId, homeId }).orIgnore().execute();
        return (await select());
    }
    async applyDelta(m, campaignId, homeId, delta, newRating, snapshotAt) {
        if (!delta.size)
            return;
        // One statement for every change (a cached prepared statement on SQLite): each counter moves by
        // its delta, 0 for most; deltas are integers we computed.
        await m.query(SQL.delta, [...rating_totals_entity_1.FIGURE_COLUMNS.map((c) => Math.trunc(delta.get(c) ?? 0)), newRating ? 1 : 0, snapshotAt, campaignId, homeId]);
    }
};
exports.RatingsService = RatingsService;
exports.RatingsService = RatingsService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(rating_entity_1.Rating)),
    __param(1, (0, typeorm_1.InjectRepository)(home_entity_1.Home)),
    __param(2, (0, typeorm_1.InjectRepository)(campaign_entity_1.Campaign)),
    __param(7, (0, common_1.Inject)(app_config_1.APP_CONFIG)),
    __metadata("design:paramtypes", [typeorm_2.Repository,
        typeorm_2.Repository,
        typeorm_2.Repository,
        transactions_1.Transactions,
        membership_service_1.MembershipService,
        moderation_service_1.ModerationService,
        clock_1.Clock, Object])
], RatingsService);
// The rating write in plain SQL with placeholders (the same text on SQLite and MySQL): the ORM's query
// building and one prepared statement per distinct SET list or literal cost more per PUT than the
// statements themselves. Column names come from fixed lists only.
const RATING_VALUES = ['s_organization', 's_rights', 's_work', 's_role', 's_trust', 'verdict', 'comment', 'comment_status', 'member_groups', 'updated_on'];
const SQL = {
    lock: 'SELECT writes, window_start FROM rating_totals WHERE campaign_id = ? AND home_id = ?',
    lockMysql: 'SELECT writes, window_start FROM rating_totals WHERE campaign_id = ? AND home_id = ? FOR UPDATE',
    existing: `SELECT id, ${RATING_VALUES.join(', ')} FROM ratings WHERE campaign_id = ? AND home_id = ? AND rater_key = ?`,
    insert: `INSERT INTO ratings (id, campaign_id, home_id, rater_key, ${RATING_VALUES.join(', ')}) VALUES (${['id', 'c', 'h', 'k', ...RATING_VALUES].map(() => '?').join(', ')})`,
    update: `UPDATE ratings SET ${RATING_VALUES.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
    // An absolute window start (MySQL would read `writes` as already incremented).
    delta: `UPDATE rating_totals SET ${rating_totals_entity_1.FIGURE_COLUMNS.map((c) => `${c} = ${c} + ?`).join(', ')}, writes = writes + ?, window_start = COALESCE(?, window_start) WHERE campaign_id = ? AND home_id = ?`,
};
/** The values a stored rating counted with, from its row. */
function storedValues(r) {
    const groups = String(r.member_groups ?? '');
    return {
        scores: { organization: Number(r.s_organization), rights: Number(r.s_rights), work: Number(r.s_work), role: Number(r.s_role), trust: Number(r.s_trust) },
        verdict: r.verdict,
        groups: groups ? groups.split(',') : [],
        commentApproved: r.comment_status === 'approved',
    };
}
//# sourceMappingURL=ratings.service.js.map