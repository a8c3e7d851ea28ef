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
exports.Home = void 0;
const typeorm_1 = require("typeorm");
let Home = class Home {
    id;
    orgId;
    // The owning org's path, copied so subtree queries over homes need no join.
    orgPath;
    name;
    kind;
    memberCount;
    /** workers of the unit, for the membership rate (入会率) that 全国模范 needs; null when unknown */
    workerCount;
    membershipMode;
    ownership;
    industry;
    // Opaque random token printed in the QR code; never a sequential id.
    sceneToken;
    createdOn;
};
exports.Home = Home;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], Home.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'org_id', type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], Home.prototype, "orgId", void 0);
__decorate([
    (0, typeorm_1.Index)('idx_homes_org_path'),
    (0, typeorm_1.Column)({ name: 'org_path', type: 'varchar', length: 400 }),
    __metadata("design:type", String)
], Home.prototype, "orgPath", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 100 }),
    __metadata("design:type", String)
], Home.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16 }),
    __metadata("design:type", String)
], Home.prototype, "kind", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'member_count', type: 'int' }),
    __metadata("design:type", Number)
], Home.prototype, "memberCount", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'worker_count', type: 'int', nullable: true }),
    __metadata("design:type", Object)
], Home.prototype, "workerCount", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'membership_mode', type: 'varchar', length: 16 }),
    __metadata("design:type", String)
], Home.prototype, "membershipMode", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16, nullable: true }),
    __metadata("design:type", Object)
], Home.prototype, "ownership", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 50, nullable: true }),
    __metadata("design:type", Object)
], Home.prototype, "industry", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'scene_token', type: 'varchar', length: 32, unique: true }),
    __metadata("design:type", String)
], Home.prototype, "sceneToken", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'created_on', type: 'varchar', length: 10 }),
    __metadata("design:type", String)
], Home.prototype, "createdOn", void 0);
exports.Home = Home = __decorate([
    (0, typeorm_1.Entity)('homes')
], Home);
//# sourceMappingURL=home.entity.js.map