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
exports.OutboxMessage = exports.GrievanceSubscription = void 0;
const typeorm_1 = require("typeorm");
// Delivery data for WeChat subscribe messages, apart from the grievance and read by no handler view.
// A subscription is the worker's one-time opt-in; it becomes an outbox row in the transaction that
// changes the status, and the outbox row is deleted once WeChat has answered.
let GrievanceSubscription = class GrievanceSubscription {
    id;
    grievanceId;
    openid;
    templateId;
    createdAt;
};
exports.GrievanceSubscription = GrievanceSubscription;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], GrievanceSubscription.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'grievance_id', type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], GrievanceSubscription.prototype, "grievanceId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], GrievanceSubscription.prototype, "openid", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'template_id', type: 'varchar', length: 128 }),
    __metadata("design:type", String)
], GrievanceSubscription.prototype, "templateId", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'created_at', type: 'varchar', length: 30 }),
    __metadata("design:type", String)
], GrievanceSubscription.prototype, "createdAt", void 0);
exports.GrievanceSubscription = GrievanceSubscription = __decorate([
    (0, typeorm_1.Entity)('grievance_subscriptions')
], GrievanceSubscription);
let OutboxMessage = class OutboxMessage {
    id;
    openid;
    templateId;
    page;
    /** the template's data, JSON: a generic status line only, never grievance content */
    data;
    attempts;
    nextAttemptAt;
    /** another worker (or instance) is sending it until then */
    claimedUntil;
    createdAt;
};
exports.OutboxMessage = OutboxMessage;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], OutboxMessage.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], OutboxMessage.prototype, "openid", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'template_id', type: 'varchar', length: 128 }),
    __metadata("design:type", String)
], OutboxMessage.prototype, "templateId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 200 }),
    __metadata("design:type", String)
], OutboxMessage.prototype, "page", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], OutboxMessage.prototype, "data", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int' }),
    __metadata("design:type", Number)
], OutboxMessage.prototype, "attempts", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'next_attempt_at', type: 'varchar', length: 30 }),
    __metadata("design:type", String)
], OutboxMessage.prototype, "nextAttemptAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'claimed_until', type: 'varchar', length: 30, nullable: true }),
    __metadata("design:type", Object)
], OutboxMessage.prototype, "claimedUntil", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'created_at', type: 'varchar', length: 30 }),
    __metadata("design:type", String)
], OutboxMessage.prototype, "createdAt", void 0);
exports.OutboxMessage = OutboxMessage = __decorate([
    (0, typeorm_1.Entity)('notification_outbox')
], OutboxMessage);
//# sourceMappingURL=delivery.entity.js.map