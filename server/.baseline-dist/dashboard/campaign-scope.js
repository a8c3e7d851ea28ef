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
exports.CampaignScope = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const campaign_entity_1 = require("../campaigns/campaign.entity");
const domain_error_1 = require("../common/domain-error");
const org_paths_1 = require("../orgs/org-paths");
// Which cycle a dashboard shows: one that covers the place asked about.
let CampaignScope = class CampaignScope {
    campaigns;
    constructor(campaigns) {
        this.campaigns = campaigns;
    }
    /** For a home: the requested campaign if it covers the home, else the latest one that has started. */
    async forHome(homePath, campaignId) {
        const paths = (0, org_paths_1.ancestorPaths)(homePath);
        if (campaignId) {
            const c = await this.campaigns.findOne({ where: { id: campaignId, orgPath: (0, typeorm_2.In)(paths) } });
            if (!c)
                throw (0, domain_error_1.notFound)();
            return c;
        }
        return this.latest(paths);
    }
    /** For an org: a campaign above it (covers all of it) or below it (covers part); default the latest above. */
    async forOrg(orgPath, campaignId) {
        if (campaignId) {
            const c = await this.campaigns.findOne({ where: { id: campaignId } });
            if (!c || !(orgPath.startsWith(c.orgPath) || c.orgPath.startsWith(orgPath)))
                throw (0, domain_error_1.notFound)();
            return c;
        }
        return this.latest((0, org_paths_1.ancestorPaths)(orgPath));
    }
    /** The federation's cycle before this one (for titles lost, 动态管理). */
    async previous(c) {
        const found = await this.campaigns.find({ where: { orgPath: c.orgPath, opensAt: (0, typeorm_2.LessThan)(c.opensAt), status: (0, typeorm_2.In)(['closed', 'published']) }, order: { opensAt: 'DESC' }, take: 1 });
        return found[0] ?? null;
    }
    /** Every started cycle covering a home, oldest first (at most `limit`, the latest ones). */
    async history(homePath, limit = 10) {
        const found = await this.campaigns.find({ where: { orgPath: (0, typeorm_2.In)((0, org_paths_1.ancestorPaths)(homePath)), status: (0, typeorm_2.Not)('draft') }, order: { opensAt: 'DESC' }, take: limit });
        return found.reverse();
    }
    async latest(paths) {
        const found = await this.campaigns.find({ where: { orgPath: (0, typeorm_2.In)(paths), status: (0, typeorm_2.Not)('draft') }, order: { opensAt: 'DESC' }, take: 1 });
        return found[0] ?? null;
    }
};
exports.CampaignScope = CampaignScope;
exports.CampaignScope = CampaignScope = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(campaign_entity_1.Campaign)),
    __metadata("design:paramtypes", [typeorm_2.Repository])
], CampaignScope);
//# sourceMappingURL=campaign-scope.js.map