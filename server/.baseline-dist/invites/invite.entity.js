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
exports.Invite = void 0;
const typeorm_1 = require("typeorm");
// A one-time invitation to a role. Only a hash of the code is kept: the code itself is shown once.
let Invite = class Invite {
    id;
    codeHash;
    role;
    /** the home for a chair, the org for a federation admin */
    orgId;
    scopePath;
    createdBy;
    createdAt;
    expiresAt;
    usedAt;
    usedBy;
};
exports.Invite = Invite;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], Invite.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'code_hash', type: 'varchar', length: 64, unique: true }),
    __metadata("design:type", String)
], Invite.prototype, "codeHash", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 24 }),
    __metadata("design:type", String)
], Invite.prototype, "role", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'org_id', type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], Invite.prototype, "orgId", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'scope_path', type: 'varchar', length: 400 }),
    __metadata("design:type", String)
], Invite.prototype, "scopePath", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'created_by', type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], Invite.prototype, "createdBy", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'created_at', type: 'varchar', length: 30 }),
    __metadata("design:type", String)
], Invite.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'expires_at', type: 'varchar', length: 30 }),
    __metadata("design:type", String)
], Invite.prototype, "expiresAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'used_at', type: 'varchar', length: 30, nullable: true }),
    __metadata("design:type", Object)
], Invite.prototype, "usedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'used_by', type: 'varchar', length: 36, nullable: true }),
    __metadata("design:type", Object)
], Invite.prototype, "usedBy", void 0);
exports.Invite = Invite = __decorate([
    (0, typeorm_1.Entity)('invites')
], Invite);
//# sourceMappingURL=invite.entity.js.map