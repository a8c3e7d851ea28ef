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
exports.GrievanceAccess = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const access_service_1 = require("../auth/access.service");
const role_grant_entity_1 = require("../auth/role-grant.entity");
const app_config_1 = require("../config/app-config");
const keys_1 = require("./keys");
// Who sees what:
// - the reporter: their own grievances (found through the keyed hash of their user id);
// - the home's chair: the home's grievances except those about the union itself (topic `union`),
//   and acts on them while the chair still handles them (not after escalation);
// - federation admins: escalated and union-topic grievances of homes in their subtree, and act on those
//   whose handling org is in their subtree.
// Anyone else learns nothing, not even that it exists (404).
let GrievanceAccess = class GrievanceAccess {
    access;
    grants;
    keys;
    constructor(access, grants, config) {
        this.access = access;
        this.grants = grants;
        this.keys = new keys_1.GrievanceKeys(config.raterKeySecret);
    }
    async viewer(userId) {
        const [chairs, adminPaths] = await Promise.all([this.grants.find({ where: { userId, role: 'chair' } }), this.access.adminPaths(userId)]);
        return { reporterKey: this.keys.reporterKey(userId), chairHomeIds: chairs.map((c) => c.orgId), adminPaths };
    }
    relation(v, g) {
        const chairSees = g.topic !== 'union' && v.chairHomeIds.includes(g.homeId);
        const upper = g.handlerOrgId !== null;
        const federationSees = upper && v.adminPaths.some((p) => g.orgPath.startsWith(p));
        const federationActs = upper && v.adminPaths.some((p) => g.handlerOrgPath.startsWith(p));
        return {
            reporter: g.reporterKey === v.reporterKey,
            handles: chairSees || federationSees,
            actsAs: chairSees && !upper ? 'chair' : federationActs ? 'federation' : null,
        };
    }
    /** Restricts a query over grievances (alias g) to those the viewer handles. False when there are none. */
    scopeHandled(q, v) {
        if (!v.chairHomeIds.length && !v.adminPaths.length)
            return false;
        q.andWhere(new typeorm_2.Brackets((w) => {
            if (v.chairHomeIds.length)
                w.orWhere(`(g.home_id IN (:...chairHomes) AND g.topic <> 'union')`, { chairHomes: v.chairHomeIds });
            v.adminPaths.forEach((path, i) => w.orWhere(`(g.handler_org_id IS NOT NULL AND g.org_path LIKE :adminPath${i})`, { [`adminPath${i}`]: `${path}%` }));
        }));
        return true;
    }
};
exports.GrievanceAccess = GrievanceAccess;
exports.GrievanceAccess = GrievanceAccess = __decorate([
    (0, common_1.Injectable)(),
    __param(1, (0, typeorm_1.InjectRepository)(role_grant_entity_1.RoleGrant)),
    __param(2, (0, common_1.Inject)(app_config_1.APP_CONFIG)),
    __metadata("design:paramtypes", [access_service_1.AccessService,
        typeorm_2.Repository, Object])
], GrievanceAccess);
//# sourceMappingURL=grievance-access.js.map