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
exports.AuditEventRow = void 0;
const typeorm_1 = require("typeorm");
// One admin action: who (a staff account, never a member's identity), in which part of the tree,
// did what to which object, with a small detail that holds no personal data.
let AuditEventRow = class AuditEventRow {
    id;
    /** ISO 8601 UTC */
    at;
    actorUserId;
    actorRole;
    /** path of the org the target belongs to (a home's org for home-level actions) */
    scopePath;
    action;
    targetType;
    targetId;
    /** JSON */
    detail;
};
exports.AuditEventRow = AuditEventRow;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], AuditEventRow.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 30 }),
    __metadata("design:type", String)
], AuditEventRow.prototype, "at", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'actor_user_id', type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], AuditEventRow.prototype, "actorUserId", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'actor_role', type: 'varchar', length: 24 }),
    __metadata("design:type", String)
], AuditEventRow.prototype, "actorRole", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'scope_path', type: 'varchar', length: 400 }),
    __metadata("design:type", String)
], AuditEventRow.prototype, "scopePath", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 40 }),
    __metadata("design:type", String)
], AuditEventRow.prototype, "action", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'target_type', type: 'varchar', length: 24 }),
    __metadata("design:type", String)
], AuditEventRow.prototype, "targetType", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'target_id', type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], AuditEventRow.prototype, "targetId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], AuditEventRow.prototype, "detail", void 0);
exports.AuditEventRow = AuditEventRow = __decorate([
    (0, typeorm_1.Entity)('audit_events')
], AuditEventRow);
//# sourceMappingURL=audit-event.entity.js.map