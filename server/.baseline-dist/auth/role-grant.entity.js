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
exports.RoleGrant = void 0;
const typeorm_1 = require("typeorm");
// A user's place in the org tree: federation_admin of an org (and its subtree), chair of a home.
let RoleGrant = class RoleGrant {
    id;
    userId;
    role;
    /** the org for federation_admin, the home for chair */
    orgId;
};
exports.RoleGrant = RoleGrant;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], RoleGrant.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'user_id', type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], RoleGrant.prototype, "userId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 24 }),
    __metadata("design:type", String)
], RoleGrant.prototype, "role", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'org_id', type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], RoleGrant.prototype, "orgId", void 0);
exports.RoleGrant = RoleGrant = __decorate([
    (0, typeorm_1.Entity)('role_grants'),
    (0, typeorm_1.Index)('uq_role_grant', ['userId', 'role', 'orgId'], { unique: true })
], RoleGrant);
//# sourceMappingURL=role-grant.entity.js.map