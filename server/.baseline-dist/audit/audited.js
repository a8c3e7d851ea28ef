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
exports.AuditInterceptor = exports.Audited = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const typeorm_1 = require("@nestjs/typeorm");
const rxjs_1 = require("rxjs");
const typeorm_2 = require("typeorm");
const campaign_entity_1 = require("../campaigns/campaign.entity");
const home_entity_1 = require("../orgs/home.entity");
const org_entity_1 = require("../orgs/org.entity");
const audit_service_1 = require("./audit.service");
const AUDITED = 'audited';
/** Records the action in the audit log after the handler succeeded. */
const Audited = (options) => (0, common_1.SetMetadata)(AUDITED, options);
exports.Audited = Audited;
// For actions implemented outside the oversight modules (orgs, homes, campaigns, roster): the log
// entry is written right after the action commits. Oversight's own actions write theirs inside
// the action's transaction instead.
let AuditInterceptor = class AuditInterceptor {
    reflector;
    audit;
    orgs;
    homes;
    campaigns;
    logger = new common_1.Logger('Audit');
    constructor(reflector, audit, orgs, homes, campaigns) {
        this.reflector = reflector;
        this.audit = audit;
        this.orgs = orgs;
        this.homes = homes;
        this.campaigns = campaigns;
    }
    intercept(context, next) {
        const options = this.reflector.get(AUDITED, context.getHandler());
        if (!options)
            return next.handle();
        const req = context.switchToHttp().getRequest();
        return next.handle().pipe((0, rxjs_1.mergeMap)((result) => (0, rxjs_1.from)(this.write(options, req.user?.id, req.params?.id, result)
            .catch((e) => this.logger.error(`audit write failed for ${options.action}: ${e.message}`))
            .then(() => result))));
    }
    async write(o, userId, paramId, result) {
        const targetId = o.idFrom === 'param' ? paramId : result?.id;
        if (!userId || typeof targetId !== 'string')
            return;
        let scopePath;
        if (o.target === 'org')
            scopePath = (await this.orgs.findOne({ where: { id: targetId } }))?.path;
        if (o.target === 'home')
            scopePath = (await this.homes.findOne({ where: { id: targetId } }))?.orgPath;
        if (o.target === 'campaign')
            scopePath = (await this.campaigns.findOne({ where: { id: targetId } }))?.orgPath;
        if (!scopePath)
            return;
        await this.audit.record({
            actorUserId: userId,
            scopePath,
            action: o.action,
            targetType: o.target,
            targetId,
            homeId: o.target === 'home' ? targetId : undefined,
            detail: o.detail?.(result),
        });
    }
};
exports.AuditInterceptor = AuditInterceptor;
exports.AuditInterceptor = AuditInterceptor = __decorate([
    (0, common_1.Injectable)(),
    __param(2, (0, typeorm_1.InjectRepository)(org_entity_1.Org)),
    __param(3, (0, typeorm_1.InjectRepository)(home_entity_1.Home)),
    __param(4, (0, typeorm_1.InjectRepository)(campaign_entity_1.Campaign)),
    __metadata("design:paramtypes", [core_1.Reflector,
        audit_service_1.AuditService,
        typeorm_2.Repository,
        typeorm_2.Repository,
        typeorm_2.Repository])
], AuditInterceptor);
//# sourceMappingURL=audited.js.map