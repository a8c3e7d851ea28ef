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
exports.AuditService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const access_service_1 = require("../auth/access.service");
const role_grant_entity_1 = require("../auth/role-grant.entity");
const clock_1 = require("../common/clock");
const ids_1 = require("../common/ids");
const paging_1 = require("../common/paging");
const audit_event_entity_1 = require("./audit-event.entity");
let AuditService = class AuditService {
    events;
    grants;
    access;
    clock;
    constructor(events, grants, access, clock) {
        this.events = events;
        this.grants = grants;
        this.access = access;
        this.clock = clock;
    }
    /** Writes one event; inside the action's transaction when a manager is given. */
    async record(r, m) {
        const role = r.actorRole ?? (await this.roleOf(r.actorUserId, r.scopePath, r.homeId));
        const row = {
            id: (0, ids_1.newId)(),
            at: this.clock.now().toISOString(),
            actorUserId: r.actorUserId,
            actorRole: role,
            scopePath: r.scopePath,
            action: r.action,
            targetType: r.targetType,
            targetId: r.targetId,
            detail: r.detail ? JSON.stringify(r.detail) : null,
        };
        await (m ? m.insert(audit_event_entity_1.AuditEventRow, row) : this.events.insert(row));
    }
    /** Events in the org's subtree, newest first; for admins of the org or above. */
    async list(userId, orgId, p) {
        const org = await this.access.orgForAdmin(userId, orgId);
        const { from, to } = (0, paging_1.subtreeRange)(org.path);
        const [rows, total] = await this.events
            .createQueryBuilder('e')
            .where('e.scope_path >= :from AND e.scope_path < :to', { from, to })
            .orderBy('e.at', 'DESC')
            .addOrderBy('e.id', 'DESC')
            .skip(p.skip)
            .take(p.pageSize)
            .getManyAndCount();
        return {
            items: rows.map((e) => ({
                id: e.id,
                at: e.at,
                actor: { userId: e.actorUserId, role: e.actorRole },
                action: e.action,
                target: { type: e.targetType, id: e.targetId },
                detail: e.detail ? JSON.parse(e.detail) : null,
            })),
            total,
            page: p.page,
            pageSize: p.pageSize,
        };
    }
    async roleOf(userId, scopePath, homeId) {
        const paths = await this.access.adminPaths(userId);
        if (paths.some((p) => scopePath.startsWith(p)))
            return 'federation_admin';
        if (homeId && (await this.grants.count({ where: { userId, role: 'chair', orgId: homeId } })))
            return 'chair';
        return 'member';
    }
};
exports.AuditService = AuditService;
exports.AuditService = AuditService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(audit_event_entity_1.AuditEventRow)),
    __param(1, (0, typeorm_1.InjectRepository)(role_grant_entity_1.RoleGrant)),
    __metadata("design:paramtypes", [typeorm_2.Repository,
        typeorm_2.Repository,
        access_service_1.AccessService,
        clock_1.Clock])
], AuditService);
//# sourceMappingURL=audit.service.js.map