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
exports.ExportsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../common/auth.decorators");
const params_1 = require("../common/params");
const dashboard_controller_1 = require("../dashboard/dashboard.controller");
const membership_service_1 = require("../membership/membership.service");
const exports_service_1 = require("./exports.service");
function asDownload(reply, name) {
    reply.header('content-type', membership_service_1.XLSX_TYPE);
    reply.header('content-disposition', `attachment; filename="${name}.xlsx"`);
    reply.header('cache-control', 'private, no-store');
}
let ExportsController = class ExportsController {
    exports;
    constructor(exports) {
        this.exports = exports;
    }
    async org(user, id, reply, campaignId) {
        const file = await this.exports.org(user.id, id, (0, dashboard_controller_1.campaignParam)(campaignId));
        asDownload(reply, 'league');
        return file;
    }
    async home(user, id, reply, campaignId) {
        const file = await this.exports.home(user.id, id, (0, dashboard_controller_1.campaignParam)(campaignId));
        asDownload(reply, 'home-report');
        return file;
    }
};
exports.ExportsController = ExportsController;
__decorate([
    (0, common_1.Get)('orgs/:id/export.xlsx'),
    (0, swagger_1.ApiProduces)(membership_service_1.XLSX_TYPE),
    (0, swagger_1.ApiQuery)({ name: 'campaignId', required: false }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', params_1.uuidParam)),
    __param(2, (0, common_1.Res)({ passthrough: true })),
    __param(3, (0, common_1.Query)('campaignId')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, Object, String]),
    __metadata("design:returntype", Promise)
], ExportsController.prototype, "org", null);
__decorate([
    (0, common_1.Get)('homes/:id/export.xlsx'),
    (0, swagger_1.ApiProduces)(membership_service_1.XLSX_TYPE),
    (0, swagger_1.ApiQuery)({ name: 'campaignId', required: false }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', params_1.uuidParam)),
    __param(2, (0, common_1.Res)({ passthrough: true })),
    __param(3, (0, common_1.Query)('campaignId')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, Object, String]),
    __metadata("design:returntype", Promise)
], ExportsController.prototype, "home", null);
exports.ExportsController = ExportsController = __decorate([
    (0, swagger_1.ApiTags)('exports'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.Controller)(),
    __metadata("design:paramtypes", [exports_service_1.ExportsService])
], ExportsController);
//# sourceMappingURL=exports.controller.js.map