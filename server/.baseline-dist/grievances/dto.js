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
exports.ClockDto = exports.CalendarRangeQuery = exports.CalendarDayDto = exports.GrievanceListQuery = exports.GrievanceFeedbackDto = exports.GrievanceActionDto = exports.CreateGrievanceDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const shared_1 = require("@pingjia/shared");
const class_validator_1 = require("class-validator");
// Text limits are checked again after normalisation (shared rules); these only bound the body.
class CreateGrievanceDto {
    homeId;
    type;
    topic;
    content;
    anonymous;
    contact;
    subscribe;
}
exports.CreateGrievanceDto = CreateGrievanceDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], CreateGrievanceDto.prototype, "homeId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: shared_1.GRIEVANCE_TYPES }),
    (0, class_validator_1.IsIn)(shared_1.GRIEVANCE_TYPES),
    __metadata("design:type", String)
], CreateGrievanceDto.prototype, "type", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: shared_1.GRIEVANCE_TOPICS, description: 'union（工会工作）直接交上级工会，本会主席看不到' }),
    (0, class_validator_1.IsIn)(shared_1.GRIEVANCE_TOPICS),
    __metadata("design:type", String)
], CreateGrievanceDto.prototype, "topic", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ minLength: 10, maxLength: shared_1.GRIEVANCE_CONTENT_MAX }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(shared_1.GRIEVANCE_CONTENT_MAX * 2),
    __metadata("design:type", String)
], CreateGrievanceDto.prototype, "content", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: '匿名：处理人看不到任何能识别提交人的信息' }),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], CreateGrievanceDto.prototype, "anonymous", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: '实名诉求可留手机号，仅处理人可见', example: '13800138000' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(/^1[3-9]\d{9}$/),
    __metadata("design:type", String)
], CreateGrievanceDto.prototype, "contact", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: '职工已同意接收一次订阅消息（状态变化时通知）' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], CreateGrievanceDto.prototype, "subscribe", void 0);
class GrievanceActionDto {
    action;
    message;
    days;
}
exports.GrievanceActionDto = GrievanceActionDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: shared_1.GRIEVANCE_ACTIONS }),
    (0, class_validator_1.IsIn)(shared_1.GRIEVANCE_ACTIONS),
    __metadata("design:type", String)
], GrievanceActionDto.prototype, "action", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ maxLength: shared_1.GRIEVANCE_MESSAGE_MAX, description: 'reply、resolve、extend 必填；延期理由职工可见' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(shared_1.GRIEVANCE_MESSAGE_MAX * 2),
    __metadata("design:type", String)
], GrievanceActionDto.prototype, "message", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ minimum: 1, maximum: shared_1.GRIEVANCE_MAX_EXTENSION_DAYS, description: 'extend：延长的工作日数' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(shared_1.GRIEVANCE_MAX_EXTENSION_DAYS),
    __metadata("design:type", Number)
], GrievanceActionDto.prototype, "days", void 0);
class GrievanceFeedbackDto {
    verdict;
    comment;
}
exports.GrievanceFeedbackDto = GrievanceFeedbackDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: shared_1.GRIEVANCE_FEEDBACK_VERDICTS }),
    (0, class_validator_1.IsIn)(shared_1.GRIEVANCE_FEEDBACK_VERDICTS),
    __metadata("design:type", String)
], GrievanceFeedbackDto.prototype, "verdict", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ maxLength: 500 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(2000),
    __metadata("design:type", String)
], GrievanceFeedbackDto.prototype, "comment", void 0);
class GrievanceListQuery {
    status;
    overdue;
    page;
    pageSize;
}
exports.GrievanceListQuery = GrievanceListQuery;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: shared_1.GRIEVANCE_STATUSES }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(shared_1.GRIEVANCE_STATUSES),
    __metadata("design:type", String)
], GrievanceListQuery.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: ['true', 'false'] }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(['true', 'false']),
    __metadata("design:type", String)
], GrievanceListQuery.prototype, "overdue", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ minimum: 1 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(/^[1-9]\d{0,5}$/),
    __metadata("design:type", String)
], GrievanceListQuery.prototype, "page", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ minimum: 1, maximum: 100 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(/^([1-9]|[1-9]\d|100)$/),
    __metadata("design:type", String)
], GrievanceListQuery.prototype, "pageSize", void 0);
class CalendarDayDto {
    kind;
    note;
}
exports.CalendarDayDto = CalendarDayDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['workday', 'holiday'] }),
    (0, class_validator_1.IsIn)(['workday', 'holiday']),
    __metadata("design:type", String)
], CalendarDayDto.prototype, "kind", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ maxLength: 100, example: '2027年元旦' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(100),
    __metadata("design:type", String)
], CalendarDayDto.prototype, "note", void 0);
class CalendarRangeQuery {
    from;
    to;
}
exports.CalendarRangeQuery = CalendarRangeQuery;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-10-01' }),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], CalendarRangeQuery.prototype, "from", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-10-31' }),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], CalendarRangeQuery.prototype, "to", void 0);
class ClockDto {
    advanceMs;
    to;
}
exports.ClockDto = ClockDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: '向前拨动的毫秒数' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    __metadata("design:type", Number)
], ClockDto.prototype, "advanceMs", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: '拨到这一时刻（ISO 8601）' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], ClockDto.prototype, "to", void 0);
//# sourceMappingURL=dto.js.map