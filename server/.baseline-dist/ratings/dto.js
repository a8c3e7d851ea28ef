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
exports.RatingDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const shared_1 = require("@pingjia/shared");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
class ScoresDto {
    organization;
    rights;
    work;
    role;
    trust;
}
__decorate([
    (0, swagger_1.ApiProperty)({ minimum: shared_1.SCORE_MIN, maximum: shared_1.SCORE_MAX, description: '组织健全' }),
    (0, class_validator_1.IsDefined)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(shared_1.SCORE_MIN),
    (0, class_validator_1.Max)(shared_1.SCORE_MAX),
    __metadata("design:type", Number)
], ScoresDto.prototype, "organization", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ minimum: shared_1.SCORE_MIN, maximum: shared_1.SCORE_MAX, description: '维权到位' }),
    (0, class_validator_1.IsDefined)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(shared_1.SCORE_MIN),
    (0, class_validator_1.Max)(shared_1.SCORE_MAX),
    __metadata("design:type", Number)
], ScoresDto.prototype, "rights", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ minimum: shared_1.SCORE_MIN, maximum: shared_1.SCORE_MAX, description: '工作规范' }),
    (0, class_validator_1.IsDefined)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(shared_1.SCORE_MIN),
    (0, class_validator_1.Max)(shared_1.SCORE_MAX),
    __metadata("design:type", Number)
], ScoresDto.prototype, "work", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ minimum: shared_1.SCORE_MIN, maximum: shared_1.SCORE_MAX, description: '作用明显' }),
    (0, class_validator_1.IsDefined)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(shared_1.SCORE_MIN),
    (0, class_validator_1.Max)(shared_1.SCORE_MAX),
    __metadata("design:type", Number)
], ScoresDto.prototype, "role", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ minimum: shared_1.SCORE_MIN, maximum: shared_1.SCORE_MAX, description: '职工信赖' }),
    (0, class_validator_1.IsDefined)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(shared_1.SCORE_MIN),
    (0, class_validator_1.Max)(shared_1.SCORE_MAX),
    __metadata("design:type", Number)
], ScoresDto.prototype, "trust", void 0);
class RatingDto {
    scores;
    verdict;
    // Length and blank checks run after normalisation (shared commentProblem); this only bounds the body.
    comment;
    groups;
}
exports.RatingDto = RatingDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: ScoresDto }),
    (0, class_validator_1.IsDefined)(),
    (0, class_validator_1.IsObject)(),
    (0, class_validator_1.ValidateNested)(),
    (0, class_transformer_1.Type)(() => ScoresDto),
    __metadata("design:type", ScoresDto)
], RatingDto.prototype, "scores", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: shared_1.VERDICT_KEYS }),
    (0, class_validator_1.IsIn)(shared_1.VERDICT_KEYS),
    __metadata("design:type", String)
], RatingDto.prototype, "verdict", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ maxLength: 500 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(2000),
    __metadata("design:type", String)
], RatingDto.prototype, "comment", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: shared_1.MEMBER_GROUP_KEYS, isArray: true, description: '自愿填写' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMaxSize)(shared_1.MEMBER_GROUP_KEYS.length),
    (0, class_validator_1.ArrayUnique)(),
    (0, class_validator_1.IsIn)(shared_1.MEMBER_GROUP_KEYS, { each: true }),
    __metadata("design:type", Array)
], RatingDto.prototype, "groups", void 0);
//# sourceMappingURL=dto.js.map