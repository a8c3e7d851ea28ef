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
exports.MembershipService = exports.XLSX_TYPE = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const node_crypto_1 = require("node:crypto");
const typeorm_2 = require("typeorm");
const access_service_1 = require("../auth/access.service");
const app_config_1 = require("../config/app-config");
const domain_error_1 = require("../common/domain-error");
const ids_1 = require("../common/ids");
const rate_limit_guard_1 = require("../common/rate-limit.guard");
const transactions_1 = require("../common/transactions");
const home_entity_1 = require("../orgs/home.entity");
const roster_entry_entity_1 = require("./roster-entry.entity");
const roster_file_1 = require("./roster-file");
exports.XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const QUARTER_HOUR = 15 * 60_000;
let MembershipService = class MembershipService {
    entries;
    homes;
    access;
    tx;
    limiter;
    config;
    constructor(entries, homes, access, tx, limiter, config) {
        this.entries = entries;
        this.homes = homes;
        this.access = access;
        this.tx = tx;
        this.limiter = limiter;
        this.config = config;
    }
    hash(kind, ...parts) {
        const clean = parts.map((p) => p.normalize('NFKC').replace(/\s+/g, '').toUpperCase());
        return (0, node_crypto_1.createHmac)('sha256', this.config.raterKeySecret).update(`roster:${kind}:${clean.join('|')}`).digest('hex');
    }
    /** Replaces a roster home's member list; bindings of members still on the list are kept. */
    async importRoster(userId, homeId, contentType, body) {
        const home = await this.access.homeForStaff(userId, homeId);
        let parsed;
        if (contentType?.startsWith('text/csv') && typeof body === 'string')
            parsed = (0, roster_file_1.parseRosterCsv)(body);
        else if (contentType?.startsWith(exports.XLSX_TYPE) && Buffer.isBuffer(body)) {
            parsed = await (0, roster_file_1.parseRosterXlsx)(body).catch(() => ({ lines: [], errors: [{ line: 1, reason: '无法读取该 Excel 文件' }] }));
        }
        else
            throw new domain_error_1.DomainError('UNSUPPORTED_MEDIA_TYPE', '请上传 CSV（text/csv）或 Excel（.xlsx）格式的名册');
        if (parsed.errors.length) {
            throw (0, domain_error_1.invalid)(Object.fromEntries(parsed.errors.slice(0, 50).map((e) => [`line.${e.line}`, e.reason])), '名册有误，未作任何更改');
        }
        if (!parsed.lines.length)
            throw (0, domain_error_1.invalid)({ file: '名册为空' }, '名册有误，未作任何更改');
        const wanted = new Map();
        for (const l of parsed.lines)
            wanted.set(this.hash('entry', home.id, l.memberNo, l.name), l.phone ? this.hash('phone', l.phone) : null);
        return this.tx.run(async (m) => {
            const existing = await m.find(roster_entry_entity_1.RosterEntry, { where: { homeId: home.id } });
            const stale = existing.filter((e) => !wanted.has(e.entryHash)).map((e) => e.id);
            const have = new Set(existing.map((e) => e.entryHash));
            const fresh = [...wanted].filter(([h]) => !have.has(h)).map(([entryHash, phoneHash]) => ({ id: (0, ids_1.newId)(), homeId: home.id, entryHash, phoneHash, boundUserId: null }));
            for (let i = 0; i < stale.length; i += 500)
                await m.delete(roster_entry_entity_1.RosterEntry, { id: (0, typeorm_2.In)(stale.slice(i, i + 500)) });
            for (let i = 0; i < fresh.length; i += 500)
                await m.insert(roster_entry_entity_1.RosterEntry, fresh.slice(i, i + 500));
            return { entries: wanted.size, added: fresh.length, kept: existing.length - stale.length, removed: stale.length };
        });
    }
    /** A member proves they are on the home's roster; binds the entry to their WeChat account. */
    async verify(userId, homeId, name, memberNo) {
        const home = await this.homes.findOne({ where: { id: homeId } });
        if (!home)
            throw (0, domain_error_1.notFound)();
        if (home.membershipMode === 'open')
            return;
        // Guessing names and numbers is slow: a handful of attempts per quarter hour per member and home.
        await this.limiter.hit(`membership:${userId}:${homeId}`, this.config.rateLimits.membershipFailures, QUARTER_HOUR);
        const entry = await this.entries.findOne({ where: { homeId, entryHash: this.hash('entry', homeId, memberNo, name) } });
        if (!entry)
            throw new domain_error_1.DomainError('NOT_FOUND', '名册中没有找到该会员，请核对姓名和会员编号');
        if (entry.boundUserId === userId)
            return;
        if (entry.boundUserId)
            throw new domain_error_1.DomainError('DUPLICATE', '该会员已绑定其他微信账号，如需更换请联系本单位工会');
        try {
            const result = await this.entries.update({ id: entry.id, boundUserId: (0, typeorm_2.IsNull)() }, { boundUserId: userId });
            if (!result.affected)
                throw new domain_error_1.DomainError('DUPLICATE', '该会员已绑定其他微信账号，如需更换请联系本单位工会');
        }
        catch (e) {
            if ((0, transactions_1.isUniqueViolation)(e))
                throw new domain_error_1.DomainError('DUPLICATE', '您的微信账号已绑定本单位名册中的另一位会员');
            throw e;
        }
    }
    async isMember(userId, home) {
        if (home.membershipMode === 'open')
            return true;
        return (await this.entries.count({ where: { homeId: home.id, boundUserId: userId } })) > 0;
    }
    async status(userId, homeId) {
        const home = await this.homes.findOne({ where: { id: homeId } });
        if (!home)
            throw (0, domain_error_1.notFound)();
        return { mode: home.membershipMode, verified: await this.isMember(userId, home) };
    }
    /** Staff free a roster entry so its member can bind another WeChat account. */
    async resetBinding(userId, homeId, name, memberNo) {
        await this.access.homeForStaff(userId, homeId);
        const result = await this.entries.update({ homeId, entryHash: this.hash('entry', homeId, memberNo, name) }, { boundUserId: null });
        if (!result.affected)
            throw new domain_error_1.DomainError('NOT_FOUND', '名册中没有找到该会员');
    }
};
exports.MembershipService = MembershipService;
exports.MembershipService = MembershipService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(roster_entry_entity_1.RosterEntry)),
    __param(1, (0, typeorm_1.InjectRepository)(home_entity_1.Home)),
    __param(5, (0, common_1.Inject)(app_config_1.APP_CONFIG)),
    __metadata("design:paramtypes", [typeorm_2.Repository,
        typeorm_2.Repository,
        access_service_1.AccessService,
        transactions_1.Transactions,
        rate_limit_guard_1.RateLimitGuard, Object])
], MembershipService);
//# sourceMappingURL=membership.service.js.map