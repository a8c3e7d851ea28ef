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
exports.GrievanceReportsService = exports.IDEMPOTENCY_TTL_MS = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const shared_1 = require("@pingjia/shared");
const typeorm_2 = require("typeorm");
const user_entity_1 = require("../auth/user.entity");
const clock_1 = require("../common/clock");
const domain_error_1 = require("../common/domain-error");
const ids_1 = require("../common/ids");
const transactions_1 = require("../common/transactions");
const home_entity_1 = require("../orgs/home.entity");
const moderation_service_1 = require("../wechat/moderation.service");
const calendar_service_1 = require("./calendar.service");
const grievance_access_1 = require("./grievance-access");
const grievance_entity_1 = require("./grievance.entity");
const grievance_notifier_1 = require("./grievance-notifier");
const grievance_store_1 = require("./grievance-store");
const grievance_views_1 = require("./grievance-views");
const idempotency_key_entity_1 = require("./idempotency-key.entity");
const keys_1 = require("./keys");
const SCOPE = 'grievances.create';
/** how long a retried submission gets the first answer back */
exports.IDEMPOTENCY_TTL_MS = 24 * 3600_000;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;
let GrievanceReportsService = class GrievanceReportsService {
    homes;
    users;
    idempotency;
    store;
    grievanceAccess;
    calendar;
    moderation;
    notifier;
    tx;
    clock;
    constructor(homes, users, idempotency, store, grievanceAccess, calendar, moderation, notifier, tx, clock) {
        this.homes = homes;
        this.users = users;
        this.idempotency = idempotency;
        this.store = store;
        this.grievanceAccess = grievanceAccess;
        this.calendar = calendar;
        this.moderation = moderation;
        this.notifier = notifier;
        this.tx = tx;
        this.clock = clock;
    }
    /** Files a grievance; with an Idempotency-Key, a retry answers with the first result. */
    async create(userId, dto, idempotencyKey) {
        const content = (0, shared_1.normalizeText)(dto.content);
        const problem = (0, shared_1.grievanceContentProblem)(content);
        if (problem)
            throw (0, domain_error_1.invalid)({ content: problem });
        if (dto.anonymous && dto.contact !== undefined)
            throw (0, domain_error_1.invalid)({ contact: '匿名诉求不能留联系电话' });
        if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
            throw (0, domain_error_1.invalid)({ 'Idempotency-Key': '应为 8 到 128 个字母、数字或 _ . : -' });
        }
        const keys = this.grievanceAccess.keys;
        const reporterKey = keys.reporterKey(userId);
        const request = { homeId: dto.homeId, type: dto.type, topic: dto.topic, content, anonymous: dto.anonymous, contact: dto.contact ?? null, subscribe: dto.subscribe === true };
        const idem = idempotencyKey === undefined ? null : { keyHash: (0, keys_1.sha256)(idempotencyKey), requestHash: (0, keys_1.sha256)((0, keys_1.canonicalJson)(request)) };
        if (idem) {
            const first = await this.replay(this.idempotency.manager, reporterKey, idem);
            if (first)
                return first;
        }
        const home = await this.homes.findOne({ where: { id: dto.homeId } });
        if (!home)
            throw (0, domain_error_1.notFound)();
        // Risky text is refused (422); held text still reaches its handler, flagged (see contentHeld).
        const contentStatus = await this.moderation.check(userId, content);
        const user = await this.users.findOne({ where: { id: userId }, select: { id: true, openid: true, displayName: true } });
        const isWorkday = await this.calendar.lookup();
        const created = await this.tx.run(async (m) => {
            if (idem) {
                const first = await this.replay(m, reporterKey, idem);
                if (first)
                    return first;
            }
            const now = this.clock.now();
            const at = now.toISOString();
            const upper = (0, shared_1.routesToUpperLevel)(dto.topic);
            const seed = (0, ids_1.newId)();
            const trackingCode = idem ? keys.trackingCodeFor(seed) : (0, keys_1.newTrackingCode)();
            const g = {
                id: (0, ids_1.newId)(),
                homeId: home.id,
                orgPath: home.orgPath,
                handlerOrgId: upper ? home.orgId : null,
                handlerOrgPath: upper ? home.orgPath : null,
                escalated: false,
                type: dto.type,
                topic: dto.topic,
                content,
                contentStatus: contentStatus === 'approved' ? 'approved' : 'held',
                anonymous: dto.anonymous,
                reporterKey,
                reporterName: dto.anonymous ? null : (user?.displayName ?? null),
                contact: dto.anonymous ? null : (dto.contact ?? null),
                trackingHash: (0, keys_1.sha256)(trackingCode),
                status: 'submitted',
                version: 1,
                acceptDueAt: (0, shared_1.workingDayDeadline)(now, shared_1.GRIEVANCE_ACCEPT_DAYS, isWorkday),
                dueAt: (0, shared_1.workingDayDeadline)(now, shared_1.GRIEVANCE_FINAL_LIMITS[dto.type].days, isWorkday),
                completedAt: null,
                onTime: null,
                extended: false,
                reopened: false,
                acceptReminded: false,
                finalReminded: false,
                feedbackVerdict: null,
                feedbackComment: null,
                createdAt: at,
                updatedAt: at,
            };
            await m.insert(grievance_entity_1.Grievance, g);
            await this.store.insertEvent(m, g.id, 1, { kind: 'submitted', actorRole: 'reporter' }, at);
            if (dto.subscribe && user?.openid)
                await this.notifier.subscribe(m, g.id, user.openid, now);
            const answer = { id: g.id, status: g.status, acceptDueAt: g.acceptDueAt, dueAt: g.dueAt };
            if (idem) {
                // Only a record past the retry window goes: a fresh one (a concurrent twin) makes this insert
                // fail as a duplicate, and the retried transaction then replays the twin's answer.
                await m
                    .createQueryBuilder()
                    .delete()
                    .from(idempotency_key_entity_1.IdempotencyKey)
                    .where('scope = :scope AND caller_key = :callerKey AND key_hash = :keyHash AND created_at <= :since', { scope: SCOPE, callerKey: reporterKey, keyHash: idem.keyHash, since: this.since() })
                    .execute();
                await m.insert(idempotency_key_entity_1.IdempotencyKey, { id: seed, scope: SCOPE, callerKey: reporterKey, keyHash: idem.keyHash, requestHash: idem.requestHash, response: JSON.stringify(answer), createdAt: at });
            }
            return { ...answer, trackingCode };
        });
        return created;
    }
    /** The first answer to this caller's key, if it is still within the retry window. */
    async replay(m, callerKey, idem) {
        const row = await m.findOne(idempotency_key_entity_1.IdempotencyKey, { where: { scope: SCOPE, callerKey, keyHash: idem.keyHash, createdAt: (0, typeorm_2.MoreThan)(this.since()) } });
        if (!row)
            return null;
        if (row.requestHash !== idem.requestHash)
            throw new domain_error_1.DomainError('IDEMPOTENCY_MISMATCH');
        const answer = JSON.parse(row.response);
        return { ...answer, trackingCode: this.grievanceAccess.keys.trackingCodeFor(row.id) };
    }
    /** Public: status and timeline for whoever holds the code; no content, no names. */
    async track(code) {
        const normalized = (0, shared_1.normalizeTrackingCode)(code);
        if (!(0, shared_1.isTrackingCode)(normalized))
            throw (0, domain_error_1.notFound)();
        const g = await this.store.grievances.findOne({ where: { trackingHash: (0, keys_1.sha256)(normalized) } });
        if (!g)
            throw (0, domain_error_1.notFound)();
        return (0, grievance_views_1.trackView)(g, await this.store.timeline(g.id), this.clock.now());
    }
    since() {
        return new Date(this.clock.now().getTime() - exports.IDEMPOTENCY_TTL_MS).toISOString();
    }
    /** Drops idempotency keys past the retry window. */
    async purgeIdempotencyKeys() {
        const r = await this.idempotency.createQueryBuilder().delete().where('created_at <= :since', { since: this.since() }).execute();
        return r.affected ?? 0;
    }
};
exports.GrievanceReportsService = GrievanceReportsService;
exports.GrievanceReportsService = GrievanceReportsService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(home_entity_1.Home)),
    __param(1, (0, typeorm_1.InjectRepository)(user_entity_1.User)),
    __param(2, (0, typeorm_1.InjectRepository)(idempotency_key_entity_1.IdempotencyKey)),
    __metadata("design:paramtypes", [typeorm_2.Repository,
        typeorm_2.Repository,
        typeorm_2.Repository,
        grievance_store_1.GrievanceStore,
        grievance_access_1.GrievanceAccess,
        calendar_service_1.CalendarService,
        moderation_service_1.ModerationService,
        grievance_notifier_1.GrievanceNotifier,
        transactions_1.Transactions,
        clock_1.Clock])
], GrievanceReportsService);
//# sourceMappingURL=grievance-reports.service.js.map