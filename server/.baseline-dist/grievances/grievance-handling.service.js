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
exports.GrievanceHandlingService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const shared_1 = require("@pingjia/shared");
const typeorm_2 = require("typeorm");
const user_entity_1 = require("../auth/user.entity");
const clock_1 = require("../common/clock");
const domain_error_1 = require("../common/domain-error");
const transactions_1 = require("../common/transactions");
const moderation_service_1 = require("../wechat/moderation.service");
const calendar_service_1 = require("./calendar.service");
const grievance_access_1 = require("./grievance-access");
const grievance_notifier_1 = require("./grievance-notifier");
const grievance_store_1 = require("./grievance-store");
const grievance_views_1 = require("./grievance-views");
const NEEDS_MESSAGE = new Set(['reply', 'resolve', 'extend']);
const OVERDUE_SQL = `((g.status = 'submitted' AND g.accept_due_at <= :now) OR (g.completed_at IS NULL AND g.status <> 'closed' AND g.due_at <= :now))`;
let GrievanceHandlingService = class GrievanceHandlingService {
    store;
    grievanceAccess;
    calendar;
    moderation;
    notifier;
    tx;
    clock;
    users;
    constructor(store, grievanceAccess, calendar, moderation, notifier, tx, clock, users) {
        this.store = store;
        this.grievanceAccess = grievanceAccess;
        this.calendar = calendar;
        this.moderation = moderation;
        this.notifier = notifier;
        this.tx = tx;
        this.clock = clock;
        this.users = users;
    }
    /** The caller's own grievances, newest first. */
    async mine(userId) {
        const viewer = await this.grievanceAccess.viewer(userId);
        const rows = await this.store.grievances.find({ where: { reporterKey: viewer.reporterKey }, order: { createdAt: 'DESC' }, take: 100 });
        return { items: await this.summaries(rows, viewer) };
    }
    /** Grievances the caller handles, soonest due first. */
    async list(userId, query) {
        const viewer = await this.grievanceAccess.viewer(userId);
        const q = this.store.grievances.createQueryBuilder('g');
        if (!this.grievanceAccess.scopeHandled(q, viewer))
            return { items: [], total: 0 };
        if (query.status)
            q.andWhere('g.status = :status', { status: query.status });
        const now = this.clock.now().toISOString();
        if (query.overdue === 'true')
            q.andWhere(OVERDUE_SQL, { now });
        if (query.overdue === 'false')
            q.andWhere(`NOT ${OVERDUE_SQL}`, { now });
        const page = Number(query.page ?? 1);
        const pageSize = Number(query.pageSize ?? 20);
        q.orderBy('g.due_at', 'ASC').addOrderBy('g.created_at', 'ASC').addOrderBy('g.id', 'ASC').skip((page - 1) * pageSize).take(pageSize);
        const [rows, total] = await q.getManyAndCount();
        return { items: await this.summaries(rows, viewer), total };
    }
    async get(userId, id) {
        const { g, viewer, rel } = await this.visible(userId, id);
        return this.view(g, viewer, rel);
    }
    async act(userId, id, dto) {
        const message = dto.message === undefined ? null : (0, shared_1.normalizeText)(dto.message);
        const fields = {};
        if (NEEDS_MESSAGE.has(dto.action) && (!message || (0, shared_1.isBlankText)(message)))
            fields.message = dto.action === 'extend' ? '延期须说明理由（职工可见）' : '请填写答复内容';
        if (message && (0, shared_1.textLength)(message) > shared_1.GRIEVANCE_MESSAGE_MAX)
            fields.message = `不能超过 ${shared_1.GRIEVANCE_MESSAGE_MAX} 个字`;
        if (dto.action === 'extend' && dto.days === undefined)
            fields.days = '请填写延长的工作日数';
        if (dto.action !== 'extend' && dto.days !== undefined)
            fields.days = '只有延期时填写';
        if (Object.keys(fields).length)
            throw (0, domain_error_1.invalid)(fields);
        return this.fresh(() => this.actOnce(userId, id, dto, message));
    }
    async actOnce(userId, id, dto, message) {
        const { g, viewer, rel } = await this.visible(userId, id);
        if (!rel.actsAs)
            throw new domain_error_1.DomainError('FORBIDDEN', g.escalated ? '该诉求已转上级工会办理' : undefined);
        const now = this.clock.now();
        const step = (0, shared_1.grievanceStep)((0, grievance_store_1.stateOf)(g, now), { kind: dto.action });
        if (!step)
            throw new domain_error_1.DomainError('STATE_CONFLICT');
        const changes = { status: step.next.status };
        if (step.next.completed && g.completedAt === null)
            Object.assign(changes, (0, grievance_store_1.completion)(g, now));
        if (dto.action === 'extend') {
            changes.extended = true;
            changes.dueAt = (0, shared_1.extendDeadline)(g.dueAt, dto.days, await this.calendar.lookup());
        }
        const saved = await this.tx.run(async (m) => {
            if (dto.action === 'escalate')
                Object.assign(changes, await this.store.upperLevel(m, g));
            const event = { kind: step.events[0], actorRole: rel.actsAs, message, days: dto.days ?? null };
            const next = await this.store.apply(m, g, changes, [event], now);
            if (next.status !== g.status)
                await this.notifier.statusChanged(m, g.id, next.status, now);
            return next;
        });
        this.notifier.kick();
        return this.view(saved, viewer, this.grievanceAccess.relation(viewer, saved));
    }
    /** The worker's verdict: satisfied closes; dissatisfied reopens once (new limits), then closes. */
    async feedback(userId, id, dto) {
        const comment = (0, shared_1.normalizeText)(dto.comment ?? '');
        const problem = (0, shared_1.commentProblem)(comment);
        if (problem)
            throw (0, domain_error_1.invalid)({ comment: problem });
        return this.fresh(() => this.feedbackOnce(userId, id, dto, comment));
    }
    async feedbackOnce(userId, id, dto, comment) {
        const { g, viewer, rel } = await this.visible(userId, id);
        // Only the reporter gives feedback; to anyone else it is not there.
        if (!rel.reporter)
            throw (0, domain_error_1.notFound)();
        const now = this.clock.now();
        const step = (0, shared_1.grievanceStep)((0, grievance_store_1.stateOf)(g, now), { kind: 'feedback', verdict: dto.verdict });
        if (!step)
            throw new domain_error_1.DomainError('STATE_CONFLICT');
        if (comment)
            await this.moderation.check(userId, comment);
        const changes = { status: step.next.status, feedbackVerdict: dto.verdict, feedbackComment: comment || null };
        if (step.newRound) {
            // A new round of handling with fresh limits, counted from today.
            const isWorkday = await this.calendar.lookup();
            Object.assign(changes, {
                reopened: true,
                extended: false,
                completedAt: null,
                finalReminded: false,
                dueAt: (0, shared_1.workingDayDeadline)(now, shared_1.GRIEVANCE_FINAL_LIMITS[g.type].days, isWorkday),
            });
        }
        const events = step.events.map((kind) => (kind === 'feedback' ? { kind, actorRole: 'reporter', message: comment || null, verdict: dto.verdict } : { kind, actorRole: 'reporter' }));
        const saved = await this.tx.run(async (m) => {
            const next = await this.store.apply(m, g, changes, events, now);
            // Closed: an opt-in that was never used has nothing left to announce; its openid goes.
            if (next.status === 'closed')
                await this.notifier.forget(m, g.id);
            return next;
        });
        return this.view(saved, viewer, this.grievanceAccess.relation(viewer, saved));
    }
    /** The reporter allows one more subscribe message (after wx.requestSubscribeMessage). */
    async subscribe(userId, id) {
        const { g, rel } = await this.visible(userId, id);
        if (!rel.reporter)
            throw (0, domain_error_1.notFound)();
        const openid = (await this.users.findOne({ where: { id: userId }, select: { id: true, openid: true } }))?.openid;
        if (!openid || !this.notifier.enabled || g.status === 'closed')
            throw new domain_error_1.DomainError('STATE_CONFLICT', '当前无法订阅该诉求的进度通知');
        await this.tx.run((m) => this.notifier.subscribe(m, g.id, openid, this.clock.now()));
    }
    // A change that raced another (the sweeper's reminder, a second handler) is decided again on what is
    // there now: still legal → done, no longer legal → 409.
    async fresh(work) {
        for (let attempt = 1;; attempt++) {
            try {
                return await work();
            }
            catch (e) {
                if (!(e instanceof grievance_store_1.StaleGrievance))
                    throw e;
                if (attempt >= 3)
                    throw new domain_error_1.DomainError('STATE_CONFLICT', '该诉求刚被他人更新，请刷新后重试');
            }
        }
    }
    async visible(userId, id) {
        const g = await this.store.find(id);
        if (!g)
            throw (0, domain_error_1.notFound)();
        const viewer = await this.grievanceAccess.viewer(userId);
        const rel = this.grievanceAccess.relation(viewer, g);
        if (!rel.reporter && !rel.handles)
            throw (0, domain_error_1.notFound)();
        return { g, viewer, rel };
    }
    async view(g, viewer, rel) {
        const [names, events] = await Promise.all([this.store.homeNames([g.homeId]), this.store.timeline(g.id)]);
        return (0, grievance_views_1.grievanceView)(g, names.get(g.homeId) ?? '', rel, events, this.clock.now());
    }
    async summaries(rows, viewer) {
        const names = await this.store.homeNames(rows.map((g) => g.homeId));
        const now = this.clock.now();
        return rows.map((g) => (0, grievance_views_1.summaryView)(g, names.get(g.homeId) ?? '', this.grievanceAccess.relation(viewer, g), now));
    }
};
exports.GrievanceHandlingService = GrievanceHandlingService;
exports.GrievanceHandlingService = GrievanceHandlingService = __decorate([
    (0, common_1.Injectable)(),
    __param(7, (0, typeorm_1.InjectRepository)(user_entity_1.User)),
    __metadata("design:paramtypes", [grievance_store_1.GrievanceStore,
        grievance_access_1.GrievanceAccess,
        calendar_service_1.CalendarService,
        moderation_service_1.ModerationService,
        grievance_notifier_1.GrievanceNotifier,
        transactions_1.Transactions,
        clock_1.Clock,
        typeorm_2.Repository])
], GrievanceHandlingService);
//# sourceMappingURL=grievance-handling.service.js.map