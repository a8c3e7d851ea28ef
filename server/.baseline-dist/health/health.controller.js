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
exports.HealthController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const auth_decorators_1 = require("../common/auth.decorators");
const shared_state_1 = require("../common/shared-state");
let HealthController = class HealthController {
    dataSource;
    redis;
    shuttingDown = false;
    constructor(dataSource, redis) {
        this.dataSource = dataSource;
        this.redis = redis;
    }
    markShuttingDown() {
        this.shuttingDown = true;
    }
    async health(reply) {
        if (this.shuttingDown) {
            reply.status(503);
            return { status: 'shutting_down', db: 'up' };
        }
        // With REDIS_URL: Redis down still serves reads, but writes answer 503 until it is back: 'degraded'.
        const redis = this.redis ? await this.redis.ping().then(() => 'up', () => 'down') : undefined;
        try {
            await this.dataSource.query('SELECT 1');
            return { status: redis === 'down' ? 'degraded' : 'ok', db: 'up', ...(redis ? { redis } : {}) };
        }
        catch {
            reply.status(503);
            return { status: 'error', db: 'down', ...(redis ? { redis } : {}) };
        }
    }
};
exports.HealthController = HealthController;
__decorate([
    (0, auth_decorators_1.Public)(),
    (0, common_1.Get)(),
    __param(0, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], HealthController.prototype, "health", null);
exports.HealthController = HealthController = __decorate([
    (0, swagger_1.ApiTags)('operations'),
    (0, common_1.Controller)('health'),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __param(1, (0, common_1.Inject)(shared_state_1.REDIS)),
    __metadata("design:paramtypes", [typeorm_2.DataSource, Object])
], HealthController);
//# sourceMappingURL=health.controller.js.map