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
exports.RectificationController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../common/auth.decorators");
const params_1 = require("../common/params");
const dto_1 = require("./dto");
const rectification_service_1 = require("./rectification.service");
let RectificationController = class RectificationController {
    rectification;
    constructor(rectification) {
        this.rectification = rectification;
    }
    get(user, cid, hid) {
        return this.rectification.get(user.id, cid, hid);
    }
    /** `{ plan }` posts or revises the plan; `{ progress }` adds a progress report. 409 before the cycle closes or after sign-off. */
    post(user, cid, hid, dto) {
        return this.rectification.post(user.id, cid, hid, dto);
    }
    signOff(user, cid, hid) {
        return this.rectification.signOff(user.id, cid, hid);
    }
    /** Public: what members see on the home page after results are published. */
    results(id) {
        return this.rectification.publicResults(id);
    }
};
exports.RectificationController = RectificationController;
__decorate([
    (0, common_1.Get)('campaigns/:cid/homes/:hid/rectification'),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('cid', params_1.uuidParam)),
    __param(2, (0, common_1.Param)('hid', params_1.uuidParam)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, String]),
    __metadata("design:returntype", Promise)
], RectificationController.prototype, "get", null);
__decorate([
    (0, common_1.Post)('campaigns/:cid/homes/:hid/rectification'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('cid', params_1.uuidParam)),
    __param(2, (0, common_1.Param)('hid', params_1.uuidParam)),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, String, dto_1.RectificationDto]),
    __metadata("design:returntype", Promise)
], RectificationController.prototype, "post", null);
__decorate([
    (0, common_1.Post)('campaigns/:cid/homes/:hid/rectification/sign-off'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('cid', params_1.uuidParam)),
    __param(2, (0, common_1.Param)('hid', params_1.uuidParam)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, String]),
    __metadata("design:returntype", Promise)
], RectificationController.prototype, "signOff", null);
__decorate([
    (0, auth_decorators_1.Public)(),
    (0, common_1.Get)('homes/:id/results'),
    __param(0, (0, common_1.Param)('id', params_1.uuidParam)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], RectificationController.prototype, "results", null);
exports.RectificationController = RectificationController = __decorate([
    (0, swagger_1.ApiTags)('rectification'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.Controller)(),
    __metadata("design:paramtypes", [rectification_service_1.RectificationService])
], RectificationController);
//# sourceMappingURL=rectification.controller.js.map