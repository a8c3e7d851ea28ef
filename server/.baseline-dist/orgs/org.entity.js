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
exports.Org = void 0;
const typeorm_1 = require("typeorm");
let Org = class Org {
    id;
    parentId;
    name;
    level;
    // Materialised path '/<root id>/…/<own id>/': "is X below Y" is a prefix test, one indexed query.
    path;
    createdOn;
};
exports.Org = Org;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], Org.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'parent_id', type: 'varchar', length: 36, nullable: true }),
    __metadata("design:type", Object)
], Org.prototype, "parentId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 100 }),
    __metadata("design:type", String)
], Org.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16 }),
    __metadata("design:type", String)
], Org.prototype, "level", void 0);
__decorate([
    (0, typeorm_1.Index)('idx_orgs_path'),
    (0, typeorm_1.Column)({ type: 'varchar', length: 400 }),
    __metadata("design:type", String)
], Org.prototype, "path", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'created_on', type: 'varchar', length: 10 }),
    __metadata("design:type", String)
], Org.prototype, "createdOn", void 0);
exports.Org = Org = __decorate([
    (0, typeorm_1.Entity)('orgs')
], Org);
//# sourceMappingURL=org.entity.js.map