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
exports.RatingsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../common/auth.decorators");
const params_1 = require("../common/params");
const dto_1 = require("./dto");
const ratings_service_1 = require("./ratings.service");
let RatingsController = class RatingsController {
    ratings;
    constructor(ratings) {
        this.ratings = ratings;
    }
    /** 201 for the first rating, 200 when it replaces the caller's own. */
    async put(user, campaignId, homeId, dto, reply) {
        const { created, rating } = await this.ratings.put(user.id, campaignId, homeId, dto);
        reply.status(created ? 201 : 200);
        return { rating };
    }
    async get(user, campaignId, homeId) {
        return { rating: await this.ratings.get(user.id, campaignId, homeId) };
    }
};
exports.RatingsController = RatingsController;
__decorate([
    (0, common_1.Put)(),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('campaignId', params_1.uuidParam)),
    __param(2, (0, common_1.Param)('homeId', params_1.uuidParam)),
    __param(3, (0, common_1.Body)()),
    __param(4, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, String, dto_1.RatingDto, Object]),
    __metadata("design:returntype", Promise)
], RatingsController.prototype, "put", null);
__decorate([
    (0, common_1.Get)(),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('campaignId', params_1.uuidParam)),
    __param(2, (0, common_1.Param)('homeId', params_1.uuidParam)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, String]),
    __metadata("design:returntype", Promise)
], RatingsController.prototype, "get", null);
exports.RatingsController = RatingsController = __decorate([
    (0, swagger_1.ApiTags)('ratings'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.Controller)('campaigns/:campaignId/homes/:homeId/my-rating'),
    __metadata("design:paramtypes", [ratings_service_1.RatingsService])
], RatingsController);
//# sourceMappingURL=ratings.controller.js.map