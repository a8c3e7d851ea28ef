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
exports.MembershipController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../common/auth.decorators");
const params_1 = require("../common/params");
const dto_1 = require("./dto");
const membership_service_1 = require("./membership.service");
const audited_1 = require("../audit/audited");
let MembershipController = class MembershipController {
    membership;
    constructor(membership) {
        this.membership = membership;
    }
    status(user, id) {
        return this.membership.status(user.id, id);
    }
    /** 204 when the member is on the roster (or the home is open), 404 when no roster entry matches. */
    async verify(user, id, dto) {
        await this.membership.verify(user.id, id, dto.name, dto.memberNo);
    }
    importRoster(user, id, req) {
        return this.membership.importRoster(user.id, id, req.headers['content-type'], req.body);
    }
    async reset(user, id, dto) {
        await this.membership.resetBinding(user.id, id, dto.name, dto.memberNo);
    }
};
exports.MembershipController = MembershipController;
__decorate([
    (0, common_1.Get)('membership'),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', params_1.uuidParam)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", void 0)
], MembershipController.prototype, "status", null);
__decorate([
    (0, common_1.Post)('membership'),
    (0, common_1.HttpCode)(204),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', params_1.uuidParam)),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, dto_1.MembershipDto]),
    __metadata("design:returntype", Promise)
], MembershipController.prototype, "verify", null);
__decorate([
    (0, common_1.Post)('roster'),
    (0, audited_1.Audited)({ action: 'roster.import', target: 'home', idFrom: 'param', detail: (r) => ({ entries: r.entries, added: r.added, kept: r.kept, removed: r.removed }) }),
    (0, swagger_1.ApiConsumes)('text/csv', membership_service_1.XLSX_TYPE),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', params_1.uuidParam)),
    __param(2, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, Object]),
    __metadata("design:returntype", Promise)
], MembershipController.prototype, "importRoster", null);
__decorate([
    (0, common_1.Post)('roster/reset-binding'),
    (0, audited_1.Audited)({ action: 'roster.reset_binding', target: 'home', idFrom: 'param' }),
    (0, common_1.HttpCode)(204),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', params_1.uuidParam)),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, dto_1.MembershipDto]),
    __metadata("design:returntype", Promise)
], MembershipController.prototype, "reset", null);
exports.MembershipController = MembershipController = __decorate([
    (0, swagger_1.ApiTags)('membership'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.Controller)('homes/:id'),
    __metadata("design:paramtypes", [membership_service_1.MembershipService])
], MembershipController);
//# sourceMappingURL=membership.controller.js.map