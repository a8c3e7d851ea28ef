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
exports.IdempotencyKey = void 0;
const typeorm_1 = require("typeorm");
// A request's Idempotency-Key, per caller (a keyed hash, never a user id), so a retried submission
// answers with the first result, across restarts and instances.
let IdempotencyKey = class IdempotencyKey {
    id;
    scope;
    callerKey;
    keyHash;
    requestHash;
    /** the first answer, JSON */
    response;
    createdAt;
};
exports.IdempotencyKey = IdempotencyKey;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], IdempotencyKey.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 40 }),
    __metadata("design:type", String)
], IdempotencyKey.prototype, "scope", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'caller_key', type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], IdempotencyKey.prototype, "callerKey", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'key_hash', type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], IdempotencyKey.prototype, "keyHash", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'request_hash', type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], IdempotencyKey.prototype, "requestHash", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], IdempotencyKey.prototype, "response", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'created_at', type: 'varchar', length: 30 }),
    __metadata("design:type", String)
], IdempotencyKey.prototype, "createdAt", void 0);
exports.IdempotencyKey = IdempotencyKey = __decorate([
    (0, typeorm_1.Entity)('idempotency_keys')
], IdempotencyKey);
//# sourceMappingURL=idempotency-key.entity.js.map