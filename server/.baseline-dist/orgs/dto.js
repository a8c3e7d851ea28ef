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
exports.CreateHomeDto = exports.CreateOrgDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const shared_1 = require("@pingjia/shared");
const class_validator_1 = require("class-validator");
class CreateOrgDto {
    parentId;
    name;
    level;
}
exports.CreateOrgDto = CreateOrgDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], CreateOrgDto.prototype, "parentId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '示范区总工会' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Length)(2, 100),
    __metadata("design:type", String)
], CreateOrgDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: shared_1.ORG_LEVELS }),
    (0, class_validator_1.IsIn)(shared_1.ORG_LEVELS),
    __metadata("design:type", String)
], CreateOrgDto.prototype, "level", void 0);
class CreateHomeDto {
    orgId;
    name;
    kind;
    memberCount;
    workerCount;
    membershipMode;
    ownership;
    industry;
}
exports.CreateHomeDto = CreateHomeDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], CreateHomeDto.prototype, "orgId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '某某公司工会职工之家' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Length)(2, 100),
    __metadata("design:type", String)
], CreateHomeDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: shared_1.HOME_KINDS }),
    (0, class_validator_1.IsIn)(shared_1.HOME_KINDS),
    __metadata("design:type", String)
], CreateHomeDto.prototype, "kind", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'members of the union: the base for participation' }),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(10_000_000),
    __metadata("design:type", Number)
], CreateHomeDto.prototype, "memberCount", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'workers of the unit, for the membership rate (入会率) that 全国模范 needs' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(10_000_000),
    __metadata("design:type", Number)
], CreateHomeDto.prototype, "workerCount", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: shared_1.MEMBERSHIP_MODES }),
    (0, class_validator_1.IsIn)(shared_1.MEMBERSHIP_MODES),
    __metadata("design:type", String)
], CreateHomeDto.prototype, "membershipMode", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: shared_1.OWNERSHIPS }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(shared_1.OWNERSHIPS),
    __metadata("design:type", String)
], CreateHomeDto.prototype, "ownership", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '制造业' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Length)(1, 50),
    __metadata("design:type", String)
], CreateHomeDto.prototype, "industry", void 0);
//# sourceMappingURL=dto.js.map