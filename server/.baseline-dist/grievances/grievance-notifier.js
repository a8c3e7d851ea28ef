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
exports.GrievanceNotifier = exports.GRIEVANCE_PAGE = void 0;
exports.statusMessageData = statusMessageData;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const shared_1 = require("@pingjia/shared");
const typeorm_2 = require("typeorm");
const clock_1 = require("../common/clock");
const ids_1 = require("../common/ids");
const shared_state_1 = require("../common/shared-state");
const app_config_1 = require("../config/app-config");
const wechat_client_1 = require("../wechat/wechat.client");
const wechat_errors_1 = require("../wechat/wechat.errors");
const delivery_entity_1 = require("./delivery.entity");
/** The mini-program page a message opens (no leading slash, as WeChat wants it). */
exports.GRIEVANCE_PAGE = 'pages/grievance/index';
const MAX_ATTEMPTS = 5;
const CLAIM_MS = 60_000;
const BATCH = 50;
const OUTBOX_LOCK_MS = 2 * 60_000;
// A generic status line only: never the grievance's content, type, topic or any name.
function statusMessageData(status, at) {
    const t = new Date(at.getTime() + 8 * 3600_000);
    const time = `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}`;
    return {
        phrase1: { value: shared_1.GRIEVANCE_STATUS_LABELS[status] },
        thing2: { value: '您的诉求有新进展，请进入小程序查看' },
        time3: { value: time },
    };
}
// Subscribe messages through an outbox: the status change and the message to send commit together,
// and sending happens afterwards (right after the commit, and again on every sweep), so an action
// never waits on WeChat or fails because of it, and nothing acknowledged is lost across a restart.
let GrievanceNotifier = class GrievanceNotifier {
    outbox;
    wechat;
    clock;
    locks;
    config;
    logger = new common_1.Logger('GrievanceNotifier');
    running = null;
    again = false;
    closed = false;
    retry = null;
    constructor(outbox, wechat, clock, locks, config) {
        this.outbox = outbox;
        this.wechat = wechat;
        this.clock = clock;
        this.locks = locks;
        this.config = config;
    }
    /** Whether an opt-in can ever be delivered here. */
    get enabled() {
        return this.wechat.enabled && this.config.grievances.templateId !== null;
    }
    /** Keeps one opt-in of the worker (openid and template live only in the delivery tables). */
    async subscribe(m, grievanceId, openid, now) {
        if (!this.enabled)
            return;
        await m.insert(delivery_entity_1.GrievanceSubscription, { id: (0, ids_1.newId)(), grievanceId, openid, templateId: this.config.grievances.templateId, createdAt: now.toISOString() });
    }
    /** Inside the transaction that changed the status: uses up one opt-in, if any, for one message. */
    async statusChanged(m, grievanceId, status, now) {
        const sub = await m.findOne(delivery_entity_1.GrievanceSubscription, { where: { grievanceId }, order: { createdAt: 'ASC', id: 'ASC' } });
        if (!sub)
            return false;
        const used = await m.delete(delivery_entity_1.GrievanceSubscription, { id: sub.id });
        if (used.affected !== 1)
            return false;
        const at = now.toISOString();
        await m.insert(delivery_entity_1.OutboxMessage, {
            id: (0, ids_1.newId)(),
            openid: sub.openid,
            templateId: sub.templateId,
            page: `${exports.GRIEVANCE_PAGE}?id=${grievanceId}`,
            data: JSON.stringify(statusMessageData(status, now)),
            attempts: 0,
            nextAttemptAt: at,
            claimedUntil: null,
            createdAt: at,
        });
        return true;
    }
    /** Drops a grievance's unused opt-ins (it is closed). */
    async forget(m, grievanceId) {
        await m.delete(delivery_entity_1.GrievanceSubscription, { grievanceId });
    }
    /** After a commit: send what is due, without making the caller wait. */
    kick() {
        if (this.closed)
            return;
        setImmediate(() => void this.flush().catch((e) => this.logger.error(`outbox: ${e.message}`)));
    }
    /** Sends every message that is due; one run at a time (a call during a run schedules one more). */
    async flush() {
        if (this.running) {
            this.again = true;
            return this.running;
        }
        this.running = (async () => {
            let sent = 0;
            do {
                this.again = false;
                sent += await this.sendDueAlone();
            } while (this.again && !this.closed);
            return sent;
        })().finally(() => (this.running = null));
        return this.running;
    }
    /** With several instances, one sends at a time (each message is also claimed in its row). */
    async sendDueAlone() {
        const lease = await this.locks.tryAcquire('outbox', OUTBOX_LOCK_MS);
        if (!lease) {
            // Another instance is sending: what we just queued may have missed its read, so look again soon.
            if (!this.retry && !this.closed) {
                this.retry = setTimeout(() => ((this.retry = null), this.kick()), 1000);
                this.retry.unref();
            }
            return 0;
        }
        try {
            return await this.sendDue();
        }
        finally {
            await lease.release().catch(() => undefined);
        }
    }
    async sendDue() {
        if (!this.wechat.enabled)
            return 0;
        const now = this.clock.now().toISOString();
        const due = await this.outbox.find({ where: { nextAttemptAt: (0, typeorm_2.LessThanOrEqual)(now) }, order: { nextAttemptAt: 'ASC' }, take: BATCH });
        let sent = 0;
        for (const msg of due) {
            if (this.closed)
                break;
            if (msg.claimedUntil && msg.claimedUntil > now)
                continue;
            // Claim it, so another instance's sweep does not send it too.
            const claimUntil = new Date(Date.parse(now) + CLAIM_MS).toISOString();
            const claim = await this.outbox.update({ id: msg.id, claimedUntil: msg.claimedUntil === null ? (0, typeorm_2.IsNull)() : msg.claimedUntil }, { claimedUntil: claimUntil });
            if (claim.affected !== 1)
                continue;
            if (await this.send(msg))
                sent++;
        }
        return sent;
    }
    async send(msg) {
        try {
            await this.wechat.sendSubscribeMessage({ touser: msg.openid, templateId: msg.templateId, page: msg.page, data: JSON.parse(msg.data) });
            await this.outbox.delete({ id: msg.id });
            return true;
        }
        catch (e) {
            const errcode = e instanceof wechat_errors_1.WechatError ? e.errcode : -1;
            const transient = errcode === wechat_errors_1.WECHAT_ERR.BUSY || errcode === wechat_errors_1.WECHAT_ERR.RATE_LIMITED || (e instanceof wechat_errors_1.WechatError && e.tokenRejected);
            const attempts = msg.attempts + 1;
            if (!transient || attempts >= MAX_ATTEMPTS) {
                // Refused by the user (43101), bad openid or template (40003, 40037), or tried enough: drop it.
                this.logger.warn(`subscribe message dropped after ${attempts} attempt(s): errcode ${errcode}`);
                await this.outbox.delete({ id: msg.id });
                return false;
            }
            const retryAt = new Date(this.clock.now().getTime() + attempts * attempts * 30_000).toISOString();
            await this.outbox.update({ id: msg.id }, { attempts, nextAttemptAt: retryAt, claimedUntil: null });
            return false;
        }
    }
    async onApplicationShutdown() {
        this.closed = true;
        if (this.retry)
            clearTimeout(this.retry);
        await this.running?.catch(() => undefined);
    }
};
exports.GrievanceNotifier = GrievanceNotifier;
exports.GrievanceNotifier = GrievanceNotifier = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(delivery_entity_1.OutboxMessage)),
    __param(4, (0, common_1.Inject)(app_config_1.APP_CONFIG)),
    __metadata("design:paramtypes", [typeorm_2.Repository,
        wechat_client_1.WechatClient,
        clock_1.Clock,
        shared_state_1.Locks, Object])
], GrievanceNotifier);
//# sourceMappingURL=grievance-notifier.js.map