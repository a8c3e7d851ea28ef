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
exports.Rating = void 0;
const typeorm_1 = require("typeorm");
// Anonymous by construction: no user id, no openid. `raterKey` is a keyed hash (server secret) of
// campaign, home and member, so the database alone cannot name a rater; times are kept to the day.
let Rating = class Rating {
    id;
    campaignId;
    homeId;
    raterKey;
    organization;
    rights;
    work;
    role;
    trust;
    verdict;
    comment;
    commentStatus;
    /** comma-separated self-declared groups, '' when none */
    memberGroups;
    /** YYYY-MM-DD (coarsened on purpose) */
    updatedOn;
};
exports.Rating = Rating;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], Rating.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'campaign_id', type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], Rating.prototype, "campaignId", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'home_id', type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], Rating.prototype, "homeId", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'rater_key', type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], Rating.prototype, "raterKey", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 's_organization', type: 'smallint' }),
    __metadata("design:type", Number)
], Rating.prototype, "organization", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 's_rights', type: 'smallint' }),
    __metadata("design:type", Number)
], Rating.prototype, "rights", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 's_work', type: 'smallint' }),
    __metadata("design:type", Number)
], Rating.prototype, "work", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 's_role', type: 'smallint' }),
    __metadata("design:type", Number)
], Rating.prototype, "role", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 's_trust', type: 'smallint' }),
    __metadata("design:type", Number)
], Rating.prototype, "trust", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 24 }),
    __metadata("design:type", String)
], Rating.prototype, "verdict", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], Rating.prototype, "comment", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'comment_status', type: 'varchar', length: 12 }),
    __metadata("design:type", String)
], Rating.prototype, "commentStatus", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'member_groups', type: 'varchar', length: 120 }),
    __metadata("design:type", String)
], Rating.prototype, "memberGroups", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'updated_on', type: 'varchar', length: 10 }),
    __metadata("design:type", String)
], Rating.prototype, "updatedOn", void 0);
exports.Rating = Rating = __decorate([
    (0, typeorm_1.Entity)('ratings'),
    (0, typeorm_1.Index)('uq_ratings_rater', ['campaignId', 'homeId', 'raterKey'], { unique: true })
], Rating);
//# sourceMappingURL=rating.entity.js.map