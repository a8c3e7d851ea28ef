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
exports.RectificationUpdateRow = exports.RectificationRow = void 0;
const typeorm_1 = require("typeorm");
// 整改: a home's plan after a cycle, the progress reported back, the upper level's sign-off.
let RectificationRow = class RectificationRow {
    id;
    campaignId;
    homeId;
    status;
    plan;
    planOn;
    signedOffOn;
    /** optimistic lock: every change bumps it */
    version;
};
exports.RectificationRow = RectificationRow;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], RectificationRow.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'campaign_id', type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], RectificationRow.prototype, "campaignId", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'home_id', type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], RectificationRow.prototype, "homeId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16 }),
    __metadata("design:type", String)
], RectificationRow.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], RectificationRow.prototype, "plan", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'plan_on', type: 'varchar', length: 10 }),
    __metadata("design:type", String)
], RectificationRow.prototype, "planOn", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'signed_off_on', type: 'varchar', length: 10, nullable: true }),
    __metadata("design:type", Object)
], RectificationRow.prototype, "signedOffOn", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int', default: 0 }),
    __metadata("design:type", Number)
], RectificationRow.prototype, "version", void 0);
exports.RectificationRow = RectificationRow = __decorate([
    (0, typeorm_1.Entity)('rectifications'),
    (0, typeorm_1.Index)('uq_rectification', ['campaignId', 'homeId'], { unique: true })
], RectificationRow);
let RectificationUpdateRow = class RectificationUpdateRow {
    id;
    rectificationId;
    seq;
    text;
    day;
};
exports.RectificationUpdateRow = RectificationUpdateRow;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], RectificationUpdateRow.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'rectification_id', type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], RectificationUpdateRow.prototype, "rectificationId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int' }),
    __metadata("design:type", Number)
], RectificationUpdateRow.prototype, "seq", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], RectificationUpdateRow.prototype, "text", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 10 }),
    __metadata("design:type", String)
], RectificationUpdateRow.prototype, "day", void 0);
exports.RectificationUpdateRow = RectificationUpdateRow = __decorate([
    (0, typeorm_1.Entity)('rectification_updates'),
    (0, typeorm_1.Index)('uq_rectification_update', ['rectificationId', 'seq'], { unique: true })
], RectificationUpdateRow);
//# sourceMappingURL=rectification.entity.js.map