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
exports.OrgsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../common/auth.decorators");
const dto_1 = require("./dto");
const orgs_service_1 = require("./orgs.service");
const params_1 = require("../common/params");
const audited_1 = require("../audit/audited");
let OrgsController = class OrgsController {
    orgs;
    constructor(orgs) {
        this.orgs = orgs;
    }
    createOrg(user, dto) {
        return this.orgs.createOrg(user.id, dto);
    }
    getOrg(user, id) {
        return this.orgs.getOrg(user.id, id);
    }
    children(user, id) {
        return this.orgs.children(user.id, id);
    }
    createHome(user, dto) {
        return this.orgs.createHome(user.id, dto);
    }
    byScene(scene) {
        return this.orgs.byScene(scene);
    }
    getHome(user, id) {
        return this.orgs.getHome(user.id, id);
    }
};
exports.OrgsController = OrgsController;
__decorate([
    (0, common_1.Post)('orgs'),
    (0, audited_1.Audited)({ action: 'org.create', target: 'org', idFrom: 'result', detail: (o) => ({ level: o.level }) }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, dto_1.CreateOrgDto]),
    __metadata("design:returntype", Promise)
], OrgsController.prototype, "createOrg", null);
__decorate([
    (0, common_1.Get)('orgs/:id'),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', params_1.uuidParam)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], OrgsController.prototype, "getOrg", null);
__decorate([
    (0, common_1.Get)('orgs/:id/children'),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', params_1.uuidParam)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], OrgsController.prototype, "children", null);
__decorate([
    (0, common_1.Post)('homes'),
    (0, audited_1.Audited)({ action: 'home.create', target: 'home', idFrom: 'result', detail: (h) => ({ kind: h.kind, memberCount: h.memberCount }) }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, dto_1.CreateHomeDto]),
    __metadata("design:returntype", Promise)
], OrgsController.prototype, "createHome", null);
__decorate([
    (0, auth_decorators_1.Public)(),
    (0, common_1.Get)('homes/scene/:scene'),
    __param(0, (0, common_1.Param)('scene')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], OrgsController.prototype, "byScene", null);
__decorate([
    (0, common_1.Get)('homes/:id'),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', params_1.uuidParam)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], OrgsController.prototype, "getHome", null);
exports.OrgsController = OrgsController = __decorate([
    (0, swagger_1.ApiTags)('orgs'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.Controller)(),
    __metadata("design:paramtypes", [orgs_service_1.OrgsService])
], OrgsController);
//# sourceMappingURL=orgs.controller.js.map