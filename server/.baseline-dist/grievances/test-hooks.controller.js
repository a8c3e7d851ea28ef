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
exports.TestHooksController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../common/auth.decorators");
const clock_1 = require("../common/clock");
const domain_error_1 = require("../common/domain-error");
const dto_1 = require("./dto");
const grievance_sweeper_1 = require("./grievance-sweeper");
// Exists only when TEST_CLOCK=true, which the config refuses in production: tests move the server's
// clock and run the periodic job on demand.
let TestHooksController = class TestHooksController {
    clock;
    sweeper;
    constructor(clock, sweeper) {
        this.clock = clock;
        this.sweeper = sweeper;
    }
    now() {
        return { now: this.clock.now().toISOString() };
    }
    move(dto) {
        if ((dto.advanceMs === undefined) === (dto.to === undefined))
            throw (0, domain_error_1.invalid)({ advanceMs: '给出 advanceMs 或 to 其中之一' });
        const target = dto.to === undefined ? null : Date.parse(dto.to);
        if (target !== null && Number.isNaN(target))
            throw (0, domain_error_1.invalid)({ to: '不是有效的时间' });
        this.clock.advance(target === null ? dto.advanceMs : target - this.clock.now().getTime());
        return this.now();
    }
    /** the passes this instance's timer ran, by tick (several instances: each tick on one of them) */
    sweeps() {
        return { passes: this.sweeper.passes };
    }
    sweep() {
        return this.sweeper.sweep();
    }
};
exports.TestHooksController = TestHooksController;
__decorate([
    (0, common_1.Get)('clock'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Object)
], TestHooksController.prototype, "now", null);
__decorate([
    (0, common_1.Post)('clock'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [dto_1.ClockDto]),
    __metadata("design:returntype", Object)
], TestHooksController.prototype, "move", null);
__decorate([
    (0, common_1.Get)('grievances/sweeps'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Object)
], TestHooksController.prototype, "sweeps", null);
__decorate([
    (0, common_1.Post)('grievances/sweep'),
    (0, common_1.HttpCode)(200),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Promise)
], TestHooksController.prototype, "sweep", null);
exports.TestHooksController = TestHooksController = __decorate([
    (0, swagger_1.ApiExcludeController)(),
    (0, auth_decorators_1.Public)(),
    (0, common_1.Controller)('__test'),
    __metadata("design:paramtypes", [clock_1.Clock,
        grievance_sweeper_1.GrievanceSweeper])
], TestHooksController);
//# sourceMappingURL=test-hooks.controller.js.map