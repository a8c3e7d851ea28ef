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
exports.CommentModerationService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const access_service_1 = require("../auth/access.service");
const audit_service_1 = require("../audit/audit.service");
const domain_error_1 = require("../common/domain-error");
const paging_1 = require("../common/paging");
const transactions_1 = require("../common/transactions");
const campaign_entity_1 = require("../campaigns/campaign.entity");
const home_entity_1 = require("../orgs/home.entity");
const rating_entity_1 = require("../ratings/rating.entity");
const rating_totals_entity_1 = require("../ratings/rating-totals.entity");
// Comments WeChat's check held back (or that could not be checked) wait for the upper-level union,
// not the chair: the chair is the one the comments judge.
let CommentModerationService = class CommentModerationService {
    ratings;
    homes;
    access;
    audit;
    tx;
    constructor(ratings, homes, access, audit, tx) {
        this.ratings = ratings;
        this.homes = homes;
        this.access = access;
        this.audit = audit;
        this.tx = tx;
    }
    async held(userId, orgId, p) {
        const org = await this.access.orgForAdmin(userId, orgId);
        const { from, to } = (0, paging_1.subtreeRange)(org.path);
        const q = this.ratings
            .createQueryBuilder('r')
            .innerJoin(home_entity_1.Home, 'h', 'h.id = r.home_id')
            .innerJoin(campaign_entity_1.Campaign, 'c', 'c.id = r.campaign_id')
            .where('r.comment_status = :held AND h.org_path >= :from AND h.org_path < :to', { held: 'held', from, to });
        const [rows, total] = await Promise.all([
            q
                .clone()
                .select(['r.id AS id', 'r.comment AS text', 'r.updated_on AS day', 'h.id AS home_id', 'h.name AS home_name', 'c.id AS campaign_id', 'c.name AS campaign_name'])
                .orderBy('r.updated_on', 'ASC')
                .addOrderBy('r.id', 'ASC')
                .offset(p.skip)
                .limit(p.pageSize)
                .getRawMany(),
            q.getCount(),
        ]);
        return {
            items: rows.map((r) => ({ id: r.id, home: { id: r.home_id, name: r.home_name }, campaign: { id: r.campaign_id, name: r.campaign_name }, text: r.text, day: r.day })),
            total,
            page: p.page,
            pageSize: p.pageSize,
        };
    }
    async decide(userId, ratingId, approve) {
        const found = await this.ratings.findOne({ where: { id: ratingId }, select: { id: true, campaignId: true, homeId: true } });
        if (!found)
            throw (0, domain_error_1.notFound)();
        const home = await this.homes.findOne({ where: { id: found.homeId } });
        const paths = await this.access.adminPaths(userId);
        if (!home || !paths.some((p) => home.orgPath.startsWith(p)))
            throw (0, domain_error_1.notFound)();
        await this.tx.run(async (m) => {
            // Same lock order as a member's rating write: the home's totals row first.
            await this.lockTotals(m, found.campaignId, found.homeId);
            const rating = await m.findOne(rating_entity_1.Rating, { where: { id: ratingId } });
            if (!rating || rating.commentStatus !== 'held')
                throw new domain_error_1.DomainError('STATE_CONFLICT', '该留言已处理或已被修改');
            await m.update(rating_entity_1.Rating, { id: ratingId }, { commentStatus: approve ? 'approved' : 'rejected' });
            if (approve) {
                await m
                    .createQueryBuilder()
                    .update(rating_totals_entity_1.RatingTotalsSchema)
                    .set({ commentsApproved: () => 'comments_approved + 1' })
                    .where('campaign_id = :c AND home_id = :h', { c: found.campaignId, h: found.homeId })
                    .execute();
            }
            await this.audit.record({ actorUserId: userId, scopePath: home.orgPath, action: approve ? 'comment.approve' : 'comment.reject', targetType: 'comment', targetId: ratingId, homeId: home.id }, m);
        });
    }
    async lockTotals(m, campaignId, homeId) {
        const q = m.createQueryBuilder().select('t.ratings').from(rating_totals_entity_1.RatingTotalsSchema, 't').where('t.campaign_id = :campaignId AND t.home_id = :homeId', { campaignId, homeId });
        await (m.connection.options.type === 'mysql' ? q.setLock('pessimistic_write') : q).getRawOne();
    }
};
exports.CommentModerationService = CommentModerationService;
exports.CommentModerationService = CommentModerationService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(rating_entity_1.Rating)),
    __param(1, (0, typeorm_1.InjectRepository)(home_entity_1.Home)),
    __metadata("design:paramtypes", [typeorm_2.Repository,
        typeorm_2.Repository,
        access_service_1.AccessService,
        audit_service_1.AuditService,
        transactions_1.Transactions])
], CommentModerationService);
//# sourceMappingURL=comment-moderation.service.js.map