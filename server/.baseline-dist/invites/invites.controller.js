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
exports.InvitesController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../common/auth.decorators");
const params_1 = require("../common/params");
const rate_limit_guard_1 = require("../common/rate-limit.guard");
const dto_1 = require("./dto");
const invites_service_1 = require("./invites.service");
let InvitesController = class InvitesController {
    invites;
    constructor(invites) {
        this.invites = invites;
    }
    inviteChair(user, id, _dto) {
        return this.invites.inviteChair(user.id, id);
    }
    inviteAdmin(user, id, _dto) {
        return this.invites.inviteAdmin(user.id, id);
    }
    /** With a bearer token: the role goes to that account. Without: a new H5 account. 404 unknown, 409 used or expired. */
    accept(code, authorization, dto) {
        return this.invites.accept(code, authorization, dto);
    }
    homeGrants(user, id) {
        return this.invites.homeGrants(user.id, id);
    }
    async removeHomeGrant(user, id, grantId) {
        await this.invites.removeHomeGrant(user.id, id, grantId);
    }
    orgGrants(user, id) {
        return this.invites.orgGrants(user.id, id);
    }
    async removeOrgGrant(user, id, grantId) {
        await this.invites.removeOrgGrant(user.id, id, grantId);
    }
};
exports.InvitesController = InvitesController;
__decorate([
    (0, common_1.Post)('homes/:id/invites'),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', params_1.uuidParam)),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, dto_1.HomeInviteDto]),
    __metadata("design:returntype", Promise)
], InvitesController.prototype, "inviteChair", null);
__decorate([
    (0, common_1.Post)('orgs/:id/invites'),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', params_1.uuidParam)),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, dto_1.OrgInviteDto]),
    __metadata("design:returntype", Promise)
], InvitesController.prototype, "inviteAdmin", null);
__decorate([
    (0, auth_decorators_1.Public)(),
    (0, rate_limit_guard_1.LoginRateLimit)(),
    (0, common_1.Post)('invites/:code/accept'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, common_1.Param)('code')),
    __param(1, (0, common_1.Headers)('authorization')),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, dto_1.AcceptInviteDto]),
    __metadata("design:returntype", Promise)
], InvitesController.prototype, "accept", null);
__decorate([
    (0, common_1.Get)('homes/:id/grants'),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', params_1.uuidParam)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], InvitesController.prototype, "homeGrants", null);
__decorate([
    (0, common_1.Delete)('homes/:id/grants/:grantId'),
    (0, common_1.HttpCode)(204),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', params_1.uuidParam)),
    __param(2, (0, common_1.Param)('grantId', params_1.uuidParam)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, String]),
    __metadata("design:returntype", Promise)
], InvitesController.prototype, "removeHomeGrant", null);
__decorate([
    (0, common_1.Get)('orgs/:id/grants'),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', params_1.uuidParam)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], InvitesController.prototype, "orgGrants", null);
__decorate([
    (0, common_1.Delete)('orgs/:id/grants/:grantId'),
    (0, common_1.HttpCode)(204),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', params_1.uuidParam)),
    __param(2, (0, common_1.Param)('grantId', params_1.uuidParam)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, String]),
    __metadata("design:returntype", Promise)
], InvitesController.prototype, "removeOrgGrant", null);
exports.InvitesController = InvitesController = __decorate([
    (0, swagger_1.ApiTags)('invites'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.Controller)(),
    __metadata("design:paramtypes", [invites_service_1.InvitesService])
], InvitesController);
//# sourceMappingURL=invites.controller.js.map