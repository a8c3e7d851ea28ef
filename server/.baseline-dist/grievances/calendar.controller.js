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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.CalendarController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../common/auth.decorators");
const calendar_service_1 = require("./calendar.service");
const dto_1 = require("./dto");
// The working-day calendar behind grievance time limits: the holiday list plus admins' entries.
let CalendarController = class CalendarController {
    calendar;
    constructor(calendar) {
        this.calendar = calendar;
    }
    range(query) {
        return this.calendar.range(query.from, query.to);
    }
    /** Province-level federation admins: mark a day as a holiday or a (make-up) working day. */
    set(user, day, dto) {
        return this.calendar.set(user.id, day, dto.kind, dto.note ?? null);
    }
    remove(user, day) {
        return this.calendar.remove(user.id, day);
    }
};
exports.CalendarController = CalendarController;
__decorate([
    (0, common_1.Get)(),
    __param(0, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [dto_1.CalendarRangeQuery]),
    __metadata("design:returntype", Promise)
], CalendarController.prototype, "range", null);
__decorate([
    (0, common_1.Put)(':day'),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('day')),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, dto_1.CalendarDayDto]),
    __metadata("design:returntype", Promise)
], CalendarController.prototype, "set", null);
__decorate([
    (0, common_1.Delete)(':day'),
    (0, common_1.HttpCode)(204),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('day')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], CalendarController.prototype, "remove", null);
exports.CalendarController = CalendarController = __decorate([
    (0, swagger_1.ApiTags)('calendar'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.Controller)('calendar/days'),
    __metadata("design:paramtypes", [calendar_service_1.CalendarService])
], CalendarController);
//# sourceMappingURL=calendar.controller.js.map