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
exports.GrievanceStatsService = exports.EMPTY_GRIEVANCE_STATS = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const access_service_1 = require("../auth/access.service");
const clock_1 = require("../common/clock");
const paging_1 = require("../common/paging");
const grievance_entity_1 = require("./grievance.entity");
exports.EMPTY_GRIEVANCE_STATS = {
    total: 0,
    open: 0,
    overdue: 0,
    escalated: 0,
    decided: 0,
    onTime: 0,
    onTimeRate: null,
    feedback: { satisfied: 0, dissatisfied: 0 },
    satisfactionRate: null,
};
const ratio = (part, whole) => (whole ? Math.round((part / whole) * 10000) / 10000 : null);
function toStats(r) {
    const n = (v) => Number(v ?? 0);
    const decided = n(r.decided);
    const onTime = n(r.on_time);
    const satisfied = n(r.satisfied);
    const dissatisfied = n(r.dissatisfied);
    return {
        total: n(r.total),
        open: n(r.open),
        overdue: n(r.overdue),
        escalated: n(r.escalated),
        decided,
        onTime,
        onTimeRate: ratio(onTime, decided),
        feedback: { satisfied, dissatisfied },
        satisfactionRate: ratio(satisfied, satisfied + dissatisfied),
    };
}
// Per-home grievance figures for dashboards: how many, how many on time, how satisfied the workers were.
// Grievances about the union itself (topic `union`) count only for the upper level: a chair's own
// figures must not reveal that someone complained about them.
let GrievanceStatsService = class GrievanceStatsService {
    grievances;
    access;
    clock;
    constructor(grievances, access, clock) {
        this.grievances = grievances;
        this.access = access;
        this.clock = clock;
    }
    /** Figures for each of the homes (every home asked for is in the map). */
    async forHomes(homeIds, opts) {
        const out = new Map(homeIds.map((id) => [id, { ...exports.EMPTY_GRIEVANCE_STATS, feedback: { satisfied: 0, dissatisfied: 0 } }]));
        if (!homeIds.length)
            return out;
        const q = this.figures().addSelect('g.home_id', 'home_id').where('g.home_id IN (:...homeIds)', { homeIds }).groupBy('g.home_id');
        if (!opts.includeUnionTopic)
            q.andWhere(`g.topic <> 'union'`);
        for (const r of await q.getRawMany())
            out.set(r.home_id, toStats(r));
        return out;
    }
    /**
     * Sums over every home of a subtree (a federation's dashboard), grievances about unions included:
     * one aggregate over an index range on the grievance's org path (its home's path, which never
     * changes), not one query per thousand home ids.
     */
    async forSubtree(path) {
        const { from, to } = (0, paging_1.subtreeRange)(path);
        const r = await this.figures().where('g.org_path >= :from AND g.org_path < :to', { from, to }).getRawOne();
        return r ? toStats(r) : { ...exports.EMPTY_GRIEVANCE_STATS, feedback: { satisfied: 0, dissatisfied: 0 } };
    }
    figures() {
        const now = this.clock.now().toISOString();
        return this.grievances
            .createQueryBuilder('g')
            .select('COUNT(*)', 'total')
            .addSelect(`SUM(CASE WHEN g.status <> 'closed' THEN 1 ELSE 0 END)`, 'open')
            .addSelect(`SUM(CASE WHEN (g.status = 'submitted' AND g.accept_due_at <= :now) OR (g.completed_at IS NULL AND g.status <> 'closed' AND g.due_at <= :now) THEN 1 ELSE 0 END)`, 'overdue')
            .addSelect(`SUM(CASE WHEN g.escalated = 1 AND g.status <> 'closed' THEN 1 ELSE 0 END)`, 'escalated')
            .addSelect('SUM(CASE WHEN g.on_time IS NOT NULL THEN 1 ELSE 0 END)', 'decided')
            .addSelect('SUM(CASE WHEN g.on_time = 1 THEN 1 ELSE 0 END)', 'on_time')
            .addSelect(`SUM(CASE WHEN g.feedback_verdict = 'satisfied' THEN 1 ELSE 0 END)`, 'satisfied')
            .addSelect(`SUM(CASE WHEN g.feedback_verdict = 'dissatisfied' THEN 1 ELSE 0 END)`, 'dissatisfied')
            .setParameters({ now });
    }
    /** For GET /api/homes/:id/grievance-stats: the home's chair, or an admin above it (404 otherwise). */
    async forStaff(userId, homeId) {
        const home = await this.access.homeForStaff(userId, homeId);
        const paths = await this.access.adminPaths(userId);
        const upper = paths.some((p) => home.orgPath.startsWith(p));
        return (await this.forHomes([home.id], { includeUnionTopic: upper })).get(home.id);
    }
};
exports.GrievanceStatsService = GrievanceStatsService;
exports.GrievanceStatsService = GrievanceStatsService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(grievance_entity_1.Grievance)),
    __metadata("design:paramtypes", [typeorm_2.Repository,
        access_service_1.AccessService,
        clock_1.Clock])
], GrievanceStatsService);
//# sourceMappingURL=grievance-stats.service.js.map