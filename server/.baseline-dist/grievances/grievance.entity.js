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
exports.GrievanceEventRow = exports.Grievance = void 0;
const typeorm_1 = require("typeorm");
// No user id and no openid, named or not: `reporterKey` is a keyed hash (server secret, its own domain)
// that only the reporter's own session can recompute. Named grievances keep the name and phone the
// worker chose to give, for the handler. The tracking code is stored as a hash only.
let Grievance = class Grievance {
    id;
    homeId;
    /** the home's org path (copied): federation scope is a prefix test */
    orgPath;
    /** null while the home's chair handles it; the upper-level union's org otherwise */
    handlerOrgId;
    handlerOrgPath;
    escalated;
    type;
    topic;
    content;
    contentStatus;
    anonymous;
    reporterKey;
    reporterName;
    contact;
    trackingHash;
    status;
    /** optimistic lock: each change bumps it, and numbers the timeline */
    version;
    acceptDueAt;
    dueAt;
    /** when the last limit of the current round was met; null while it is pending */
    completedAt;
    /** every limit met so far; null until the last limit is met or missed */
    onTime;
    extended;
    reopened;
    acceptReminded;
    finalReminded;
    feedbackVerdict;
    feedbackComment;
    createdAt;
    updatedAt;
};
exports.Grievance = Grievance;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], Grievance.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'home_id', type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], Grievance.prototype, "homeId", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'org_path', type: 'varchar', length: 400 }),
    __metadata("design:type", String)
], Grievance.prototype, "orgPath", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'handler_org_id', type: 'varchar', length: 36, nullable: true }),
    __metadata("design:type", Object)
], Grievance.prototype, "handlerOrgId", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'handler_org_path', type: 'varchar', length: 400, nullable: true }),
    __metadata("design:type", Object)
], Grievance.prototype, "handlerOrgPath", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'boolean' }),
    __metadata("design:type", Boolean)
], Grievance.prototype, "escalated", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16 }),
    __metadata("design:type", String)
], Grievance.prototype, "type", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16 }),
    __metadata("design:type", String)
], Grievance.prototype, "topic", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], Grievance.prototype, "content", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'content_status', type: 'varchar', length: 12 }),
    __metadata("design:type", String)
], Grievance.prototype, "contentStatus", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'boolean' }),
    __metadata("design:type", Boolean)
], Grievance.prototype, "anonymous", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'reporter_key', type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], Grievance.prototype, "reporterKey", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'reporter_name', type: 'varchar', length: 64, nullable: true }),
    __metadata("design:type", Object)
], Grievance.prototype, "reporterName", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 20, nullable: true }),
    __metadata("design:type", Object)
], Grievance.prototype, "contact", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'tracking_hash', type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], Grievance.prototype, "trackingHash", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16 }),
    __metadata("design:type", String)
], Grievance.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int' }),
    __metadata("design:type", Number)
], Grievance.prototype, "version", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'accept_due_at', type: 'varchar', length: 30 }),
    __metadata("design:type", String)
], Grievance.prototype, "acceptDueAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'due_at', type: 'varchar', length: 30 }),
    __metadata("design:type", String)
], Grievance.prototype, "dueAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'completed_at', type: 'varchar', length: 30, nullable: true }),
    __metadata("design:type", Object)
], Grievance.prototype, "completedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'on_time', type: 'boolean', nullable: true }),
    __metadata("design:type", Object)
], Grievance.prototype, "onTime", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'boolean' }),
    __metadata("design:type", Boolean)
], Grievance.prototype, "extended", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'boolean' }),
    __metadata("design:type", Boolean)
], Grievance.prototype, "reopened", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'accept_reminded', type: 'boolean' }),
    __metadata("design:type", Boolean)
], Grievance.prototype, "acceptReminded", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'final_reminded', type: 'boolean' }),
    __metadata("design:type", Boolean)
], Grievance.prototype, "finalReminded", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'feedback_verdict', type: 'varchar', length: 16, nullable: true }),
    __metadata("design:type", Object)
], Grievance.prototype, "feedbackVerdict", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'feedback_comment', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], Grievance.prototype, "feedbackComment", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'created_at', type: 'varchar', length: 30 }),
    __metadata("design:type", String)
], Grievance.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'updated_at', type: 'varchar', length: 30 }),
    __metadata("design:type", String)
], Grievance.prototype, "updatedAt", void 0);
exports.Grievance = Grievance = __decorate([
    (0, typeorm_1.Entity)('grievances')
], Grievance);
let GrievanceEventRow = class GrievanceEventRow {
    id;
    grievanceId;
    seq;
    kind;
    /** a role, never a person */
    actorRole;
    message;
    /** the worker's verdict, on a feedback event */
    verdict;
    days;
    at;
};
exports.GrievanceEventRow = GrievanceEventRow;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], GrievanceEventRow.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'grievance_id', type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], GrievanceEventRow.prototype, "grievanceId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int' }),
    __metadata("design:type", Number)
], GrievanceEventRow.prototype, "seq", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16 }),
    __metadata("design:type", String)
], GrievanceEventRow.prototype, "kind", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'actor_role', type: 'varchar', length: 16 }),
    __metadata("design:type", String)
], GrievanceEventRow.prototype, "actorRole", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], GrievanceEventRow.prototype, "message", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16, nullable: true }),
    __metadata("design:type", Object)
], GrievanceEventRow.prototype, "verdict", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int', nullable: true }),
    __metadata("design:type", Object)
], GrievanceEventRow.prototype, "days", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 30 }),
    __metadata("design:type", String)
], GrievanceEventRow.prototype, "at", void 0);
exports.GrievanceEventRow = GrievanceEventRow = __decorate([
    (0, typeorm_1.Entity)('grievance_events'),
    (0, typeorm_1.Index)('uq_grievance_events_seq', ['grievanceId', 'seq'], { unique: true })
], GrievanceEventRow);
//# sourceMappingURL=grievance.entity.js.map