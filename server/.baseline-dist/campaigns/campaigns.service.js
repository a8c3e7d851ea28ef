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
exports.CampaignsService = exports.toCampaignView = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const shared_1 = require("@pingjia/shared");
const typeorm_2 = require("typeorm");
const access_service_1 = require("../auth/access.service");
const clock_1 = require("../common/clock");
const domain_error_1 = require("../common/domain-error");
const ids_1 = require("../common/ids");
const paging_1 = require("../common/paging");
const org_paths_1 = require("../orgs/org-paths");
const campaign_entity_1 = require("./campaign.entity");
const toCampaignView = (c) => ({
    id: c.id,
    orgId: c.orgId,
    name: c.name,
    status: c.status,
    opensAt: c.opensAt,
    closesAt: c.closesAt,
});
exports.toCampaignView = toCampaignView;
const LIST_LIMIT = 100;
let CampaignsService = class CampaignsService {
    campaigns;
    access;
    clock;
    constructor(campaigns, access, clock) {
        this.campaigns = campaigns;
        this.access = access;
        this.clock = clock;
    }
    async create(userId, dto) {
        const org = await this.access.orgForAdmin(userId, dto.orgId);
        const opensAt = new Date(dto.opensAt);
        const closesAt = new Date(dto.closesAt);
        if (closesAt <= opensAt)
            throw (0, domain_error_1.invalid)({ closesAt: '结束时间必须晚于开始时间' });
        const campaign = await this.campaigns.save(this.campaigns.create({
            id: (0, ids_1.newId)(),
            orgId: org.id,
            orgPath: org.path,
            name: (0, shared_1.normalizeText)(dto.name),
            status: 'draft',
            opensAt: opensAt.toISOString(),
            closesAt: closesAt.toISOString(),
            createdOn: (0, shared_1.chinaDay)(this.clock.now()),
        }));
        return (0, exports.toCampaignView)(campaign);
    }
    /**
     * The cycles an admin of the org can pick: those covering it (its own and those of orgs above) and
     * those of orgs below it, newest first. `manageable`: the caller may open, close or publish it.
     */
    async list(userId, orgId) {
        const org = await this.access.orgForAdmin(userId, orgId);
        const adminPaths = await this.access.adminPaths(userId);
        const below = (0, paging_1.subtreeRange)(org.path);
        const found = await this.campaigns.find({
            where: [{ orgPath: (0, typeorm_2.In)((0, org_paths_1.ancestorPaths)(org.path)) }, { orgPath: (0, typeorm_2.And)((0, typeorm_2.MoreThanOrEqual)(below.from), (0, typeorm_2.LessThan)(below.to)) }],
            order: { opensAt: 'DESC', name: 'ASC' },
            take: LIST_LIMIT,
        });
        return found.map((c) => ({ ...(0, exports.toCampaignView)(c), manageable: adminPaths.some((p) => c.orgPath.startsWith(p)) }));
    }
    async get(userId, id) {
        return (0, exports.toCampaignView)(await this.forAdmin(userId, id));
    }
    async move(userId, id, move) {
        const campaign = await this.forAdmin(userId, id);
        const next = (0, shared_1.nextCampaignStatus)(campaign.status, move);
        if (!next)
            throw new domain_error_1.DomainError('STATE_CONFLICT', `评议周期当前为「${campaign.status}」，不能执行该操作`);
        // Only move if nobody else moved it meanwhile.
        const result = await this.campaigns.update({ id, status: campaign.status }, { status: next });
        if (!result.affected)
            throw new domain_error_1.DomainError('STATE_CONFLICT');
        return (0, exports.toCampaignView)({ ...campaign, status: next });
    }
    async forAdmin(userId, id) {
        const campaign = await this.campaigns.findOne({ where: { id } });
        if (!campaign)
            throw (0, domain_error_1.notFound)();
        await this.access.orgForAdmin(userId, campaign.orgId);
        return campaign;
    }
};
exports.CampaignsService = CampaignsService;
exports.CampaignsService = CampaignsService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(campaign_entity_1.Campaign)),
    __metadata("design:paramtypes", [typeorm_2.Repository,
        access_service_1.AccessService,
        clock_1.Clock])
], CampaignsService);
//# sourceMappingURL=campaigns.service.js.map