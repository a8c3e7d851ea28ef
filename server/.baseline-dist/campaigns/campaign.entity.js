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
exports.Campaign = void 0;
const typeorm_1 = require("typeorm");
// A rating cycle (评议周期) opened by a federation for its whole subtree.
let Campaign = class Campaign {
    id;
    orgId;
    orgPath;
    name;
    status;
    /** ISO 8601 UTC */
    opensAt;
    closesAt;
    createdOn;
};
exports.Campaign = Campaign;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], Campaign.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'org_id', type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], Campaign.prototype, "orgId", void 0);
__decorate([
    (0, typeorm_1.Index)('idx_campaigns_org_path'),
    (0, typeorm_1.Column)({ name: 'org_path', type: 'varchar', length: 400 }),
    __metadata("design:type", String)
], Campaign.prototype, "orgPath", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 100 }),
    __metadata("design:type", String)
], Campaign.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16 }),
    __metadata("design:type", String)
], Campaign.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'opens_at', type: 'varchar', length: 30 }),
    __metadata("design:type", String)
], Campaign.prototype, "opensAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'closes_at', type: 'varchar', length: 30 }),
    __metadata("design:type", String)
], Campaign.prototype, "closesAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'created_on', type: 'varchar', length: 10 }),
    __metadata("design:type", String)
], Campaign.prototype, "createdOn", void 0);
exports.Campaign = Campaign = __decorate([
    (0, typeorm_1.Entity)('campaigns')
], Campaign);
//# sourceMappingURL=campaign.entity.js.map