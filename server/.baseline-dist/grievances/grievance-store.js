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
exports.GrievanceStore = exports.StaleGrievance = void 0;
exports.stateOf = stateOf;
exports.completion = completion;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const ids_1 = require("../common/ids");
const home_entity_1 = require("../orgs/home.entity");
const grievance_entity_1 = require("./grievance.entity");
/** Someone else changed the grievance between our read and our write. */
class StaleGrievance extends Error {
}
exports.StaleGrievance = StaleGrievance;
function stateOf(g, now) {
    return {
        status: g.status,
        type: g.type,
        completed: g.completedAt !== null,
        reopened: g.reopened,
        extended: g.extended,
        atUpperLevel: g.handlerOrgId !== null,
        pastDue: now.toISOString() >= g.dueAt,
    };
}
/** Meeting the last limit now: on time unless it was already missed. */
function completion(g, now) {
    const at = now.toISOString();
    return { completedAt: at, onTime: g.onTime !== false && at < g.dueAt };
}
let GrievanceStore = class GrievanceStore {
    grievances;
    events;
    homes;
    constructor(grievances, events, homes) {
        this.grievances = grievances;
        this.events = events;
        this.homes = homes;
    }
    find(id) {
        return this.grievances.findOne({ where: { id } });
    }
    timeline(grievanceId) {
        return this.events.find({ where: { grievanceId }, order: { seq: 'ASC' } });
    }
    async homeNames(ids) {
        if (!ids.length)
            return new Map();
        const homes = await this.homes.find({ where: { id: (0, typeorm_2.In)([...new Set(ids)]) }, select: { id: true, name: true } });
        return new Map(homes.map((h) => [h.id, h.name]));
    }
    /** The upper-level union for a grievance still with the chair: the org the home belongs to. */
    async upperLevel(m, g) {
        const home = await m.findOneOrFail(home_entity_1.Home, { where: { id: g.homeId } });
        return { handlerOrgId: home.orgId, handlerOrgPath: home.orgPath, escalated: true };
    }
    /**
     * Writes a change if nobody else changed the grievance since it was read (else StaleGrievance),
     * and appends its timeline events: one transaction, so the timeline is the record of every change.
     */
    async apply(m, g, changes, events, now) {
        const at = now.toISOString();
        const next = { ...changes, version: g.version + 1, updatedAt: at };
        const result = await m.update(grievance_entity_1.Grievance, { id: g.id, version: g.version }, next);
        if (result.affected !== 1)
            throw new StaleGrievance(g.id);
        const last = await m
            .createQueryBuilder(grievance_entity_1.GrievanceEventRow, 'e')
            .select('MAX(e.seq)', 'seq')
            .where('e.grievance_id = :id', { id: g.id })
            .getRawOne();
        let seq = Number(last?.seq ?? 0);
        for (const e of events)
            await this.insertEvent(m, g.id, ++seq, e, at);
        return { ...g, ...next };
    }
    async insertEvent(m, grievanceId, seq, e, at) {
        await m.insert(grievance_entity_1.GrievanceEventRow, { id: (0, ids_1.newId)(), grievanceId, seq, kind: e.kind, actorRole: e.actorRole, message: e.message ?? null, days: e.days ?? null, verdict: e.verdict ?? null, at });
    }
};
exports.GrievanceStore = GrievanceStore;
exports.GrievanceStore = GrievanceStore = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(grievance_entity_1.Grievance)),
    __param(1, (0, typeorm_1.InjectRepository)(grievance_entity_1.GrievanceEventRow)),
    __param(2, (0, typeorm_1.InjectRepository)(home_entity_1.Home)),
    __metadata("design:paramtypes", [typeorm_2.Repository,
        typeorm_2.Repository,
        typeorm_2.Repository])
], GrievanceStore);
//# sourceMappingURL=grievance-store.js.map