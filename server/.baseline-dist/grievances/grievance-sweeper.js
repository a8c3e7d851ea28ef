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
exports.GrievanceSweeper = void 0;
const common_1 = require("@nestjs/common");
const clock_1 = require("../common/clock");
const shared_state_1 = require("../common/shared-state");
const transactions_1 = require("../common/transactions");
const app_config_1 = require("../config/app-config");
const grievance_notifier_1 = require("./grievance-notifier");
const grievance_reports_service_1 = require("./grievance-reports.service");
const grievance_store_1 = require("./grievance-store");
const BATCH = 200;
/** a pass must finish within this; a crashed holder blocks the job no longer */
const SWEEP_LOCK_MS = 5 * 60_000;
// The periodic job: a grievance past its acceptance limit gets a reminder (催办); one past its last
// limit gets a reminder, counts as late, and, while still with the chair, goes to the upper level.
// Each step is a conditional write, so even two passes at once would record it once; with several
// instances the timer's pass also runs on one of them per tick (tick()).
let GrievanceSweeper = class GrievanceSweeper {
    store;
    reports;
    notifier;
    tx;
    clock;
    locks;
    config;
    logger = new common_1.Logger('GrievanceSweeper');
    timer = null;
    running = null;
    /** the last passes this instance's timer ran (the test hooks answer them; the log names those that changed something) */
    passes = [];
    constructor(store, reports, notifier, tx, clock, locks, config) {
        this.store = store;
        this.reports = reports;
        this.notifier = notifier;
        this.tx = tx;
        this.clock = clock;
        this.locks = locks;
        this.config = config;
    }
    onApplicationBootstrap() {
        const every = this.config.grievances.sweepIntervalMs;
        if (!every)
            return;
        this.timer = setInterval(() => void this.tick(every).catch((e) => this.logger.error(`sweep failed: ${e.message}`)), every);
        this.timer.unref();
    }
    async onApplicationShutdown() {
        if (this.timer)
            clearInterval(this.timer);
        await this.running?.catch(() => undefined);
    }
    /**
     * One timer tick. Ticks are numbered by wall time (slot = now / interval), and each instance's timer
     * fires once per slot: the instance that claims the slot first runs the pass (a claim every instance
     * sees when they share Redis), and a pass still running elsewhere holds the job's lock, so across
     * instances the job runs once per tick and never twice at the same time.
     */
    async tick(every) {
        const slot = Math.floor(Date.now() / every);
        if (!(await this.locks.claim(`grievance-sweep:${slot}`, Math.max(every * 4, 10_000))))
            return;
        const lease = await this.locks.tryAcquire('grievance-sweep', SWEEP_LOCK_MS);
        if (!lease)
            return;
        try {
            const result = await this.sweep();
            this.recordPass(slot, result);
        }
        finally {
            await lease.release().catch(() => undefined);
        }
    }
    recordPass(slot, result) {
        this.passes.push({ slot, at: new Date().toISOString(), ...result });
        if (this.passes.length > 1000)
            this.passes.shift();
        if (result.reminded || result.escalated || result.sent || result.purged) {
            this.logger.log(`sweep slot ${slot}: reminded ${result.reminded}, escalated ${result.escalated}, sent ${result.sent}, purged ${result.purged}`);
        }
    }
    /** One full pass that starts now: a call while one runs waits for it, then makes its own. */
    async sweep() {
        while (this.running)
            await this.running.catch(() => undefined);
        this.running = this.pass().finally(() => (this.running = null));
        return this.running;
    }
    async pass() {
        const now = this.clock.now();
        const at = now.toISOString();
        const result = { reminded: 0, escalated: 0, sent: 0, purged: 0 };
        const unaccepted = await this.store.grievances
            .createQueryBuilder('g')
            .where(`g.status = 'submitted' AND g.accept_reminded = 0 AND g.accept_due_at <= :at`, { at })
            .orderBy('g.accept_due_at', 'ASC')
            .take(BATCH)
            .getMany();
        for (const g of unaccepted) {
            if (await this.step(g, { acceptReminded: true }, [{ kind: 'reminded', actorRole: 'system', message: '已超过受理时限' }], now))
                result.reminded++;
        }
        const late = await this.store.grievances
            .createQueryBuilder('g')
            .where(`g.completed_at IS NULL AND g.status <> 'closed' AND g.final_reminded = 0 AND g.due_at <= :at`, { at })
            .orderBy('g.due_at', 'ASC')
            .take(BATCH)
            .getMany();
        for (const stale of late) {
            // Re-read: the acceptance reminder above may have changed it.
            const g = await this.store.find(stale.id);
            if (!g)
                continue;
            const events = [{ kind: 'reminded', actorRole: 'system', message: '已超过办理时限' }];
            const escalate = g.handlerOrgId === null;
            if (escalate)
                events.push({ kind: 'escalated', actorRole: 'system', message: '超过办理时限，转上级工会督办' });
            if (await this.step(g, { finalReminded: true, onTime: false }, events, now, escalate)) {
                result.reminded++;
                if (escalate)
                    result.escalated++;
            }
        }
        result.purged = await this.reports.purgeIdempotencyKeys();
        result.sent = await this.notifier.flush();
        return result;
    }
    async step(g, changes, events, now, escalate = false) {
        try {
            await this.tx.run(async (m) => {
                const all = escalate ? { ...changes, ...(await this.store.upperLevel(m, g)) } : changes;
                await this.store.apply(m, g, all, events, now);
            });
            return true;
        }
        catch (e) {
            // Changed meanwhile (a handler acted, or another instance swept it): the next pass decides again.
            if (e instanceof grievance_store_1.StaleGrievance)
                return false;
            throw e;
        }
    }
};
exports.GrievanceSweeper = GrievanceSweeper;
exports.GrievanceSweeper = GrievanceSweeper = __decorate([
    (0, common_1.Injectable)(),
    __param(6, (0, common_1.Inject)(app_config_1.APP_CONFIG)),
    __metadata("design:paramtypes", [grievance_store_1.GrievanceStore,
        grievance_reports_service_1.GrievanceReportsService,
        grievance_notifier_1.GrievanceNotifier,
        transactions_1.Transactions,
        clock_1.Clock,
        shared_state_1.Locks, Object])
], GrievanceSweeper);
//# sourceMappingURL=grievance-sweeper.js.map