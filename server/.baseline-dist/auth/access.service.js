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
exports.AccessService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const domain_error_1 = require("../common/domain-error");
const home_entity_1 = require("../orgs/home.entity");
const find_home_1 = require("../orgs/find-home");
const org_entity_1 = require("../orgs/org.entity");
const role_grant_entity_1 = require("./role-grant.entity");
// Scope comes from the caller's grants and the org tree, never from ids the client sends. Anything
// out of reach is reported as "not found", so ids outside one's subtree cannot be probed.
let AccessService = class AccessService {
    grants;
    orgs;
    homes;
    constructor(grants, orgs, homes) {
        this.grants = grants;
        this.orgs = orgs;
        this.homes = homes;
    }
    /** Paths of the orgs the user administers. */
    async adminPaths(userId) {
        // Asked on every staff request: one join in plain SQL instead of two repository finds.
        const rows = await this.grants.query(`SELECT o.path AS path FROM role_grants g JOIN orgs o ON o.id = g.org_id WHERE g.user_id = ? AND g.role = 'federation_admin'`, [userId]);
        return rows.map((r) => r.path);
    }
    /** The org, if the user administers it or an org above it. */
    async orgForAdmin(userId, orgId) {
        const org = await this.orgs.findOne({ where: { id: orgId } });
        if (!org)
            throw (0, domain_error_1.notFound)();
        const paths = await this.adminPaths(userId);
        if (!paths.some((p) => org.path.startsWith(p)))
            throw (0, domain_error_1.notFound)();
        return org;
    }
    /** The home, if the user chairs it or administers an org above it. */
    async homeForStaff(userId, homeId) {
        return (await this.homeWithLevel(userId, homeId)).home;
    }
    /**
     * The home, if the user chairs it or administers an org above it, and whether the user is above it
     * (the upper level sees grievances about the union itself; its chair does not). Asked on every
     * dashboard request, cached answer or not: two plain queries (the home, the user's grants), not
     * repository finds, whose query building cost more than the lookups.
     */
    async homeWithLevel(userId, homeId) {
        const home = await (0, find_home_1.findHome)(this.homes, homeId);
        if (!home)
            throw (0, domain_error_1.notFound)();
        const grants = await this.grants.query(`SELECT g.role AS role, o.path AS path FROM role_grants g LEFT JOIN orgs o ON o.id = g.org_id WHERE g.user_id = ? AND (g.role = 'federation_admin' OR (g.role = 'chair' AND g.org_id = ?))`, [userId, homeId]);
        const upperLevel = grants.some((g) => g.role === 'federation_admin' && g.path !== null && home.orgPath.startsWith(g.path));
        if (!upperLevel && !grants.some((g) => g.role === 'chair'))
            throw (0, domain_error_1.notFound)();
        return { home, upperLevel };
    }
};
exports.AccessService = AccessService;
exports.AccessService = AccessService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(role_grant_entity_1.RoleGrant)),
    __param(1, (0, typeorm_1.InjectRepository)(org_entity_1.Org)),
    __param(2, (0, typeorm_1.InjectRepository)(home_entity_1.Home)),
    __metadata("design:paramtypes", [typeorm_2.Repository,
        typeorm_2.Repository,
        typeorm_2.Repository])
], AccessService);
//# sourceMappingURL=access.service.js.map