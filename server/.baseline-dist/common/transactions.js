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
exports.Transactions = void 0;
exports.errorCode = errorCode;
exports.isUniqueViolation = isUniqueViolation;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY', 'ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);
function errorCode(e) {
    const err = e;
    return err?.driverError?.code ?? err?.code;
}
function isUniqueViolation(e) {
    const code = errorCode(e);
    return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
/** At most this many queued SQLite transactions share one commit. */
const GROUP_MAX = 64;
// One way to run a write transaction on either driver. SQLite has one connection and one writer:
// transactions are queued here so two requests never interleave statements inside one BEGIN.
// Group commit: the transactions that queued up while one was running are run together in one BEGIN,
// each in its own savepoint (a failing one is rolled back alone), and share one COMMIT — one fsync
// (synchronous=FULL) instead of one each. Each caller is answered only after that COMMIT, so every
// acknowledged write is still durable. MySQL runs them concurrently; deadlocks and lost insert races
// are retried from the start.
let Transactions = class Transactions {
    dataSource;
    waiting = [];
    draining = false;
    sqlite;
    constructor(dataSource) {
        this.dataSource = dataSource;
        this.sqlite = dataSource.options.type === 'better-sqlite3';
    }
    async run(work, attempts = 6) {
        for (let attempt = 1;; attempt++) {
            try {
                return await this.once(work);
            }
            catch (e) {
                if (attempt >= attempts || !RETRYABLE.has(errorCode(e) ?? ''))
                    throw e;
                await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
            }
        }
    }
    once(work) {
        if (!this.sqlite)
            return this.dataSource.transaction(work);
        return new Promise((resolve, reject) => {
            this.waiting.push({ work, resolve: resolve, reject });
            if (!this.draining)
                void this.drain();
        });
    }
    async drain() {
        this.draining = true;
        try {
            // better-sqlite3 is synchronous: while a group runs (its COMMIT's fsync included) no request is
            // read, so without a turn of the event loop the queue never holds more than one transaction and
            // every write pays its own fsync (measured: one COMMIT per PUT, 2.5 ms each, ~400 writes/s). One
            // setImmediate before each group lets the requests already waiting on their sockets queue up.
            for (;;) {
                await new Promise((r) => setImmediate(r));
                if (!this.waiting.length)
                    break;
                await this.commitGroup(this.waiting.splice(0, GROUP_MAX));
            }
        }
        finally {
            this.draining = false;
        }
    }
    async commitGroup(group) {
        if (group.length === 1) {
            const [only] = group;
            await this.dataSource.transaction(only.work).then(only.resolve, only.reject);
            return;
        }
        const outcomes = [];
        try {
            await this.dataSource.transaction(async (m) => {
                for (const w of group) {
                    // A nested transaction is a savepoint: released on success, rolled back to on failure.
                    await m.transaction(w.work).then((value) => outcomes.push({ ok: true, value }), (error) => outcomes.push({ ok: false, value: error }));
                }
            });
        }
        catch (e) {
            // The shared COMMIT failed: nothing of the group was written.
            for (const w of group)
                w.reject(e);
            return;
        }
        group.forEach((w, i) => (outcomes[i].ok ? w.resolve(outcomes[i].value) : w.reject(outcomes[i].value)));
    }
};
exports.Transactions = Transactions;
exports.Transactions = Transactions = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource])
], Transactions);
//# sourceMappingURL=transactions.js.map