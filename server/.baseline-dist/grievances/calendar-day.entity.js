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
exports.CalendarDayRow = void 0;
const typeorm_1 = require("typeorm");
// An admin's entry for one day, overriding the holiday list (a year it does not cover yet, a local change).
let CalendarDayRow = class CalendarDayRow {
    /** YYYY-MM-DD */
    day;
    kind;
    note;
    updatedAt;
};
exports.CalendarDayRow = CalendarDayRow;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'varchar', length: 10 }),
    __metadata("design:type", String)
], CalendarDayRow.prototype, "day", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 8 }),
    __metadata("design:type", String)
], CalendarDayRow.prototype, "kind", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 100, nullable: true }),
    __metadata("design:type", Object)
], CalendarDayRow.prototype, "note", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'updated_at', type: 'varchar', length: 30 }),
    __metadata("design:type", String)
], CalendarDayRow.prototype, "updatedAt", void 0);
exports.CalendarDayRow = CalendarDayRow = __decorate([
    (0, typeorm_1.Entity)('calendar_days')
], CalendarDayRow);
//# sourceMappingURL=calendar-day.entity.js.map