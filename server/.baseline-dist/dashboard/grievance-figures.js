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
Object.defineProperty(exports, "__esModule", { value: true });
exports.GrievanceFigures = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const grievance_stats_service_1 = require("../grievances/grievance-stats.service");
// The dashboards' view of grievance figures, from the grievances module's GrievanceStatsService.
// Looked up without a hard module dependency: without it, figures are null rather than an error.
let GrievanceFigures = class GrievanceFigures {
    modules;
    logger = new common_1.Logger('GrievanceFigures');
    stats;
    constructor(modules) {
        this.modules = modules;
    }
    service() {
        if (this.stats === undefined) {
            try {
                this.stats = this.modules.get(grievance_stats_service_1.GrievanceStatsService, { strict: false });
            }
            catch {
                this.logger.warn('grievance figures unavailable: GrievanceStatsService not registered');
                this.stats = null;
            }
        }
        return this.stats ?? null;
    }
    /** One home; grievances about the union itself only for the upper level, never for its chair. */
    async forHome(homeId, upperLevel) {
        const s = this.service();
        if (!s)
            return null;
        return (await s.forHomes([homeId], { includeUnionTopic: upperLevel })).get(homeId) ?? null;
    }
    /** Sums over a subtree (an org's dashboard). */
    async subtree(path) {
        const s = this.service();
        return s ? s.forSubtree(path) : null;
    }
};
exports.GrievanceFigures = GrievanceFigures;
exports.GrievanceFigures = GrievanceFigures = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [core_1.ModuleRef])
], GrievanceFigures);
//# sourceMappingURL=grievance-figures.js.map