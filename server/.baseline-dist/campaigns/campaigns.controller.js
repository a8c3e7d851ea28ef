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
exports.CampaignsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../common/auth.decorators");
const domain_error_1 = require("../common/domain-error");
const params_1 = require("../common/params");
const campaigns_service_1 = require("./campaigns.service");
const dto_1 = require("./dto");
const audited_1 = require("../audit/audited");
let CampaignsController = class CampaignsController {
    campaigns;
    constructor(campaigns) {
        this.campaigns = campaigns;
    }
    create(user, dto) {
        return this.campaigns.create(user.id, dto);
    }
    /** The cycles an admin of `orgId` can pick for dashboards, newest first (manageable: may be moved by the caller). */
    async list(user, orgId) {
        if (!orgId)
            throw (0, domain_error_1.invalid)({ orgId: '必填' });
        return this.campaigns.list(user.id, await params_1.uuidParam.transform(orgId, { type: 'query' }));
    }
    get(user, id) {
        return this.campaigns.get(user.id, id);
    }
    open(user, id) {
        return this.campaigns.move(user.id, id, 'open');
    }
    close(user, id) {
        return this.campaigns.move(user.id, id, 'close');
    }
    publish(user, id) {
        return this.campaigns.move(user.id, id, 'publish');
    }
};
exports.CampaignsController = CampaignsController;
__decorate([
    (0, common_1.Post)(),
    (0, audited_1.Audited)({ action: 'campaign.create', target: 'campaign', idFrom: 'result' }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, dto_1.CreateCampaignDto]),
    __metadata("design:returntype", Promise)
], CampaignsController.prototype, "create", null);
__decorate([
    (0, common_1.Get)(),
    (0, swagger_1.ApiQuery)({ name: 'orgId', required: true }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Query)('orgId')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], CampaignsController.prototype, "list", null);
__decorate([
    (0, common_1.Get)(':id'),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', params_1.uuidParam)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], CampaignsController.prototype, "get", null);
__decorate([
    (0, common_1.Post)(':id/open'),
    (0, audited_1.Audited)({ action: 'campaign.open', target: 'campaign', idFrom: 'param' }),
    (0, common_1.HttpCode)(200),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', params_1.uuidParam)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], CampaignsController.prototype, "open", null);
__decorate([
    (0, common_1.Post)(':id/close'),
    (0, audited_1.Audited)({ action: 'campaign.close', target: 'campaign', idFrom: 'param' }),
    (0, common_1.HttpCode)(200),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', params_1.uuidParam)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], CampaignsController.prototype, "close", null);
__decorate([
    (0, common_1.Post)(':id/publish'),
    (0, audited_1.Audited)({ action: 'campaign.publish', target: 'campaign', idFrom: 'param' }),
    (0, common_1.HttpCode)(200),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', params_1.uuidParam)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], CampaignsController.prototype, "publish", null);
exports.CampaignsController = CampaignsController = __decorate([
    (0, swagger_1.ApiTags)('campaigns'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.Controller)('campaigns'),
    __metadata("design:paramtypes", [campaigns_service_1.CampaignsService])
], CampaignsController);
//# sourceMappingURL=campaigns.controller.js.map