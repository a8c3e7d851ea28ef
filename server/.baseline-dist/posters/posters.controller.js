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
exports.PostersController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../common/auth.decorators");
const params_1 = require("../common/params");
const posters_service_1 = require("./posters.service");
let PostersController = class PostersController {
    posters;
    constructor(posters) {
        this.posters = posters;
    }
    /** A printable PNG poster with the home's code (staff of the home or above). */
    async poster(user, id, req, reply) {
        const poster = await this.posters.poster(user.id, id, req);
        reply.header('content-type', 'image/png');
        reply.header('content-disposition', 'inline; filename="poster.png"');
        reply.header('cache-control', 'private, no-store');
        reply.header('x-poster-source', poster.source);
        if (!poster.font)
            reply.header('x-poster-font', 'missing');
        return poster.png;
    }
};
exports.PostersController = PostersController;
__decorate([
    (0, common_1.Get)('homes/:id/poster'),
    (0, swagger_1.ApiProduces)('image/png'),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', params_1.uuidParam)),
    __param(2, (0, common_1.Req)()),
    __param(3, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, Object, Object]),
    __metadata("design:returntype", Promise)
], PostersController.prototype, "poster", null);
exports.PostersController = PostersController = __decorate([
    (0, swagger_1.ApiTags)('posters'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.Controller)(),
    __metadata("design:paramtypes", [posters_service_1.PostersService])
], PostersController);
//# sourceMappingURL=posters.controller.js.map