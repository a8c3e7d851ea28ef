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
exports.OrgsService = exports.toHomeView = exports.toOrgView = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const shared_1 = require("@pingjia/shared");
const typeorm_2 = require("typeorm");
const access_service_1 = require("../auth/access.service");
const campaign_entity_1 = require("../campaigns/campaign.entity");
const clock_1 = require("../common/clock");
const domain_error_1 = require("../common/domain-error");
const ids_1 = require("../common/ids");
const home_entity_1 = require("./home.entity");
const home_names_1 = require("./home-names");
const org_entity_1 = require("./org.entity");
const org_paths_1 = require("./org-paths");
const toOrgView = (o) => ({ id: o.id, parentId: o.parentId, name: o.name, level: o.level });
exports.toOrgView = toOrgView;
const toHomeView = (h) => ({
    id: h.id,
    orgId: h.orgId,
    name: h.name,
    kind: h.kind,
    memberCount: h.memberCount,
    workerCount: h.workerCount ?? null,
    membershipMode: h.membershipMode,
    ownership: h.ownership,
    industry: h.industry,
    sceneToken: h.sceneToken,
});
exports.toHomeView = toHomeView;
let OrgsService = class OrgsService {
    orgs;
    homes;
    campaigns;
    access;
    clock;
    constructor(orgs, homes, campaigns, access, clock) {
        this.orgs = orgs;
        this.homes = homes;
        this.campaigns = campaigns;
        this.access = access;
        this.clock = clock;
    }
    async createOrg(userId, dto) {
        const parent = await this.access.orgForAdmin(userId, dto.parentId);
        if (!(0, shared_1.canNestOrg)(parent.level, dto.level)) {
            throw (0, domain_error_1.invalid)({ level: `不能在${parent.level}级组织下建立${dto.level}级组织` });
        }
        const id = (0, ids_1.newId)();
        const org = await this.orgs.save(this.orgs.create({ id, parentId: parent.id, name: this.cleanName(dto.name), level: dto.level, path: `${parent.path}${id}/`, createdOn: (0, shared_1.chinaDay)(this.clock.now()) }));
        return (0, exports.toOrgView)(org);
    }
    async getOrg(userId, orgId) {
        return (0, exports.toOrgView)(await this.access.orgForAdmin(userId, orgId));
    }
    async children(userId, orgId) {
        const org = await this.access.orgForAdmin(userId, orgId);
        const [orgs, homes] = await Promise.all([
            this.orgs.find({ where: { parentId: org.id }, order: { name: 'ASC' } }),
            this.homes.find({ where: { orgId: org.id }, order: { name: 'ASC' } }),
        ]);
        return {
            items: [...orgs.map((o) => ({ type: 'org', ...(0, exports.toOrgView)(o) })), ...homes.map((h) => ({ type: 'home', ...(0, exports.toHomeView)(h) }))],
        };
    }
    async createHome(userId, dto) {
        const org = await this.access.orgForAdmin(userId, dto.orgId);
        const name = this.cleanName(dto.name);
        // Members pick their home by name: one that looks like another of the same org would mislead them.
        const siblings = await this.homes.find({ where: { orgId: org.id }, select: { id: true, name: true } });
        const twin = (0, home_names_1.confusableWith)(name, siblings.map((h) => h.name));
        if (twin)
            throw new domain_error_1.DomainError('DUPLICATE', `本组织已有名为“${twin}”的职工之家，新名称与它相同或难以区分，请换一个名称`, { name: '与已有职工之家名称相同或相似' });
        const home = await this.homes.save(this.homes.create({
            id: (0, ids_1.newId)(),
            orgId: org.id,
            orgPath: org.path,
            name,
            kind: dto.kind,
            memberCount: dto.memberCount,
            workerCount: dto.workerCount ?? null,
            membershipMode: dto.membershipMode,
            ownership: dto.ownership ?? null,
            industry: dto.industry ? (0, shared_1.normalizeText)(dto.industry) : null,
            sceneToken: (0, ids_1.newSceneToken)(),
            createdOn: (0, shared_1.chinaDay)(this.clock.now()),
        }));
        return (0, exports.toHomeView)(home);
    }
    async getHome(userId, homeId) {
        return (0, exports.toHomeView)(await this.access.homeForStaff(userId, homeId));
    }
    /** Public: what a member sees after scanning a home's QR code. */
    async byScene(scene) {
        const home = await this.homes.findOne({ where: { sceneToken: scene } });
        if (!home)
            throw (0, domain_error_1.notFound)();
        const [org, campaign] = await Promise.all([this.orgs.findOne({ where: { id: home.orgId } }), this.openCampaignFor(home)]);
        return {
            home: { id: home.id, name: home.name, orgName: org?.name ?? '', membershipMode: home.membershipMode },
            campaign: campaign ? { id: campaign.id, name: campaign.name, closesAt: campaign.closesAt, status: campaign.status } : null,
        };
    }
    /** The open campaign covering this home (the latest opened, if several levels run one). */
    async openCampaignFor(home) {
        const found = await this.campaigns.find({
            where: { orgPath: (0, typeorm_2.In)((0, org_paths_1.ancestorPaths)(home.orgPath)), status: 'open' },
            order: { opensAt: 'DESC' },
            take: 1,
        });
        return found[0] ?? null;
    }
    cleanName(name) {
        const clean = (0, shared_1.normalizeText)(name);
        if (clean.length < 2)
            throw new domain_error_1.DomainError('VALIDATION_FAILED', undefined, { name: '名称太短' });
        return clean;
    }
};
exports.OrgsService = OrgsService;
exports.OrgsService = OrgsService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(org_entity_1.Org)),
    __param(1, (0, typeorm_1.InjectRepository)(home_entity_1.Home)),
    __param(2, (0, typeorm_1.InjectRepository)(campaign_entity_1.Campaign)),
    __metadata("design:paramtypes", [typeorm_2.Repository,
        typeorm_2.Repository,
        typeorm_2.Repository,
        access_service_1.AccessService,
        clock_1.Clock])
], OrgsService);
//# sourceMappingURL=orgs.service.js.map