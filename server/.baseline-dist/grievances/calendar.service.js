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
exports.CalendarService = void 0;
exports.listedKind = listedKind;
exports.workdayLookup = workdayLookup;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const shared_1 = require("@pingjia/shared");
const typeorm_2 = require("typeorm");
const role_grant_entity_1 = require("../auth/role-grant.entity");
const clock_1 = require("../common/clock");
const domain_error_1 = require("../common/domain-error");
const org_entity_1 = require("../orgs/org.entity");
const calendar_day_entity_1 = require("./calendar-day.entity");
// chinese-days: the State Council's holiday and make-up working-day schedule, kept up to date by its
// maintainers (2004 to the latest published year). Days it does not list follow Monday–Friday.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const LIST = require('chinese-days/dist/chinese-days.json');
function listedKind(day) {
    if (Object.prototype.hasOwnProperty.call(LIST.workdays, day))
        return 'workday';
    if (Object.prototype.hasOwnProperty.call(LIST.holidays, day))
        return 'holiday';
    return null;
}
/** Admin entries first, then the holiday list, then the weekday rule. */
function workdayLookup(overrides) {
    return (day) => {
        const kind = overrides.get(day) ?? listedKind(day);
        return kind ? kind === 'workday' : (0, shared_1.isWeekday)(day);
    };
}
const MAX_RANGE_DAYS = 366;
let CalendarService = class CalendarService {
    rows;
    grants;
    orgs;
    clock;
    constructor(rows, grants, orgs, clock) {
        this.rows = rows;
        this.grants = grants;
        this.orgs = orgs;
        this.clock = clock;
    }
    /** The calendar as it stands now (admin entries are few: read them all each time). */
    async lookup() {
        const rows = await this.rows.find();
        return workdayLookup(new Map(rows.map((r) => [r.day, r.kind])));
    }
    async range(from, to) {
        if (!(0, shared_1.isCalendarDay)(from))
            throw (0, domain_error_1.invalid)({ from: '不是有效的日期' });
        if (!(0, shared_1.isCalendarDay)(to) || to < from)
            throw (0, domain_error_1.invalid)({ to: '不是有效的日期' });
        if ((0, shared_1.addCalendarDays)(from, MAX_RANGE_DAYS) <= to)
            throw (0, domain_error_1.invalid)({ to: `一次最多查询 ${MAX_RANGE_DAYS} 天` });
        const rows = await this.rows.find();
        const overrides = new Map(rows.map((r) => [r.day, r]));
        const items = [];
        for (let day = from; day <= to; day = (0, shared_1.addCalendarDays)(day, 1)) {
            const own = overrides.get(day);
            const listed = listedKind(day);
            if (own)
                items.push({ day, kind: own.kind, source: 'override', note: own.note });
            else if (listed)
                items.push({ day, kind: listed, source: 'holidays', note: null });
            else
                items.push({ day, kind: (0, shared_1.isWeekday)(day) ? 'workday' : 'holiday', source: 'weekday', note: null });
        }
        return { items };
    }
    async set(userId, day, kind, rawNote) {
        await this.mustBeProvinceAdmin(userId);
        if (!(0, shared_1.isCalendarDay)(day))
            throw (0, domain_error_1.invalid)({ day: '不是有效的日期' });
        const note = rawNote === null ? null : (0, shared_1.normalizeText)(rawNote) || null;
        const row = { day, kind, note, updatedAt: this.clock.now().toISOString() };
        await this.rows.save(row);
        return { day, kind, source: 'override', note };
    }
    async remove(userId, day) {
        await this.mustBeProvinceAdmin(userId);
        if (!(0, shared_1.isCalendarDay)(day))
            throw (0, domain_error_1.invalid)({ day: '不是有效的日期' });
        await this.rows.delete({ day });
    }
    // The calendar is the same for every home: only a province-level federation admin may change it.
    async mustBeProvinceAdmin(userId) {
        const grants = await this.grants.find({ where: { userId, role: 'federation_admin' } });
        const province = grants.length ? await this.orgs.count({ where: { id: (0, typeorm_2.In)(grants.map((g) => g.orgId)), level: 'province' } }) : 0;
        if (!province)
            throw new domain_error_1.DomainError('FORBIDDEN', '只有省级工会管理员可以调整工作日历');
    }
};
exports.CalendarService = CalendarService;
exports.CalendarService = CalendarService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(calendar_day_entity_1.CalendarDayRow)),
    __param(1, (0, typeorm_1.InjectRepository)(role_grant_entity_1.RoleGrant)),
    __param(2, (0, typeorm_1.InjectRepository)(org_entity_1.Org)),
    __metadata("design:paramtypes", [typeorm_2.Repository,
        typeorm_2.Repository,
        typeorm_2.Repository,
        clock_1.Clock])
], CalendarService);
//# sourceMappingURL=calendar.service.js.map