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
exports.RectificationService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const shared_1 = require("@pingjia/shared");
const typeorm_2 = require("typeorm");
const access_service_1 = require("../auth/access.service");
const audit_service_1 = require("../audit/audit.service");
const campaign_entity_1 = require("../campaigns/campaign.entity");
const clock_1 = require("../common/clock");
const domain_error_1 = require("../common/domain-error");
const ids_1 = require("../common/ids");
const transactions_1 = require("../common/transactions");
const home_figures_1 = require("../dashboard/home-figures");
const home_entity_1 = require("../orgs/home.entity");
const org_paths_1 = require("../orgs/org-paths");
const rating_totals_entity_1 = require("../ratings/rating-totals.entity");
const rectification_entity_1 = require("./rectification.entity");
// 整改: after a cycle closes the home posts a plan, reports progress, and the upper level signs off.
let RectificationService = class RectificationService {
    rows;
    updates;
    campaigns;
    homes;
    dataSource;
    access;
    audit;
    tx;
    clock;
    constructor(rows, updates, campaigns, homes, dataSource, access, audit, tx, clock) {
        this.rows = rows;
        this.updates = updates;
        this.campaigns = campaigns;
        this.homes = homes;
        this.dataSource = dataSource;
        this.access = access;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }
    async get(userId, campaignId, homeId) {
        const { home, campaign } = await this.scope(userId, campaignId, homeId);
        const view = await this.view(campaign.id, home.id);
        if (!view)
            throw (0, domain_error_1.notFound)();
        return view;
    }
    async post(userId, campaignId, homeId, dto) {
        if ((dto.plan === undefined) === (dto.progress === undefined))
            throw (0, domain_error_1.invalid)({ plan: '请填写整改方案或整改进展（二选一）' });
        const text = (0, shared_1.normalizeText)(dto.plan ?? dto.progress ?? '');
        if ((0, shared_1.isBlankText)(text))
            throw (0, domain_error_1.invalid)({ [dto.plan !== undefined ? 'plan' : 'progress']: '不能为空' });
        const { home, campaign } = await this.scope(userId, campaignId, homeId);
        if (campaign.status !== 'closed' && campaign.status !== 'published')
            throw new domain_error_1.DomainError('STATE_CONFLICT', '评议结束后才能提交整改');
        const day = (0, shared_1.chinaDay)(this.clock.now());
        await this.tx.run(async (m) => {
            const existing = await m.findOne(rectification_entity_1.RectificationRow, { where: { campaignId, homeId } });
            if (existing?.status === 'signed_off')
                throw new domain_error_1.DomainError('STATE_CONFLICT', '整改已验收，不能再修改');
            let action;
            let targetId;
            if (dto.plan !== undefined) {
                if (existing) {
                    const r = await m.update(rectification_entity_1.RectificationRow, { id: existing.id, version: existing.version, status: 'planned' }, { plan: text, planOn: day, version: existing.version + 1 });
                    if (!r.affected)
                        throw new domain_error_1.DomainError('STATE_CONFLICT');
                    targetId = existing.id;
                    action = 'rectification.plan_revise';
                }
                else {
                    targetId = (0, ids_1.newId)();
                    await m.insert(rectification_entity_1.RectificationRow, { id: targetId, campaignId, homeId, status: 'planned', plan: text, planOn: day, signedOffOn: null, version: 0 });
                    action = 'rectification.plan';
                }
            }
            else {
                if (!existing)
                    throw new domain_error_1.DomainError('STATE_CONFLICT', '请先提交整改方案');
                const last = await m.findOne(rectification_entity_1.RectificationUpdateRow, { where: { rectificationId: existing.id }, order: { seq: 'DESC' } });
                await m.insert(rectification_entity_1.RectificationUpdateRow, { id: (0, ids_1.newId)(), rectificationId: existing.id, seq: (last?.seq ?? 0) + 1, text, day });
                targetId = existing.id;
                action = 'rectification.progress';
            }
            await this.audit.record({ actorUserId: userId, scopePath: home.orgPath, action, targetType: 'rectification', targetId, homeId: home.id, detail: { campaignId } }, m);
        });
        return (await this.view(campaignId, homeId));
    }
    /** The upper level accepts the rectification: only after a plan and at least one progress report. */
    async signOff(userId, campaignId, homeId) {
        const { home } = await this.scope(userId, campaignId, homeId);
        const paths = await this.access.adminPaths(userId);
        if (!paths.some((p) => home.orgPath.startsWith(p)))
            throw new domain_error_1.DomainError('FORBIDDEN', '整改由上级工会验收');
        await this.tx.run(async (m) => {
            const existing = await m.findOne(rectification_entity_1.RectificationRow, { where: { campaignId, homeId } });
            if (!existing)
                throw new domain_error_1.DomainError('STATE_CONFLICT', '尚未提交整改方案');
            if (existing.status === 'signed_off')
                throw new domain_error_1.DomainError('STATE_CONFLICT', '整改已验收');
            if (!(await m.count(rectification_entity_1.RectificationUpdateRow, { where: { rectificationId: existing.id } })))
                throw new domain_error_1.DomainError('STATE_CONFLICT', '尚无整改进展，不能验收');
            const r = await m.update(rectification_entity_1.RectificationRow, { id: existing.id, version: existing.version, status: 'planned' }, { status: 'signed_off', signedOffOn: (0, shared_1.chinaDay)(this.clock.now()), version: existing.version + 1 });
            if (!r.affected)
                throw new domain_error_1.DomainError('STATE_CONFLICT');
            await this.audit.record({ actorUserId: userId, scopePath: home.orgPath, action: 'rectification.sign_off', targetType: 'rectification', targetId: existing.id, homeId: home.id, detail: { campaignId } }, m);
        });
        return (await this.view(campaignId, homeId));
    }
    /** Public: a home's latest published cycle, with the privacy rules applied, and its rectification. */
    async publicResults(homeId) {
        const home = await this.homes.findOne({ where: { id: homeId } });
        if (!home)
            throw (0, domain_error_1.notFound)();
        const found = await this.campaigns.find({ where: { orgPath: (0, typeorm_2.In)((0, org_paths_1.ancestorPaths)(home.orgPath)), status: 'published' }, order: { opensAt: 'DESC' }, take: 1 });
        const campaign = found[0];
        if (!campaign)
            return { home: { id: home.id, name: home.name }, campaign: null, results: null, rectification: null };
        const totals = await this.dataSource.getRepository(rating_totals_entity_1.RatingTotalsSchema).findOne({ where: { campaignId: campaign.id, homeId } });
        const f = (0, home_figures_1.homeFigures)(home, totals, shared_1.DEFAULT_THRESHOLDS);
        const means = f.criteria ? Object.fromEntries(Object.entries(f.criteria).map(([k, v]) => [k, v.mean])) : null;
        return {
            home: { id: home.id, name: home.name },
            campaign: { id: campaign.id, name: campaign.name },
            results: { ratings: f.ratings, participationRate: f.participationRate, valid: f.valid, satisfactionRate: f.satisfaction?.rate ?? null, means, title: f.title },
            rectification: await this.view(campaign.id, home.id),
        };
    }
    async view(campaignId, homeId) {
        const row = await this.rows.findOne({ where: { campaignId, homeId } });
        if (!row)
            return null;
        const updates = await this.updates.find({ where: { rectificationId: row.id }, order: { seq: 'ASC' } });
        return { campaignId, homeId, status: row.status, plan: row.plan, planOn: row.planOn, updates: updates.map((u) => ({ text: u.text, day: u.day })), signedOffOn: row.signedOffOn };
    }
    async scope(userId, campaignId, homeId) {
        const home = await this.access.homeForStaff(userId, homeId);
        const campaign = await this.campaigns.findOne({ where: { id: campaignId } });
        if (!campaign || !home.orgPath.startsWith(campaign.orgPath))
            throw (0, domain_error_1.notFound)();
        return { home, campaign };
    }
};
exports.RectificationService = RectificationService;
exports.RectificationService = RectificationService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(rectification_entity_1.RectificationRow)),
    __param(1, (0, typeorm_1.InjectRepository)(rectification_entity_1.RectificationUpdateRow)),
    __param(2, (0, typeorm_1.InjectRepository)(campaign_entity_1.Campaign)),
    __param(3, (0, typeorm_1.InjectRepository)(home_entity_1.Home)),
    __param(4, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.Repository,
        typeorm_2.Repository,
        typeorm_2.Repository,
        typeorm_2.Repository,
        typeorm_2.DataSource,
        access_service_1.AccessService,
        audit_service_1.AuditService,
        transactions_1.Transactions,
        clock_1.Clock])
], RectificationService);
//# sourceMappingURL=rectification.service.js.map