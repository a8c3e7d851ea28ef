"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReadReplicas = void 0;
const common_1 = require("@nestjs/common");
const node_async_hooks_1 = require("node:async_hooks");
const typeorm_1 = require("typeorm");
const replicaReads = new node_async_hooks_1.AsyncLocalStorage();
// With DATABASE_REPLICA_URLS, TypeORM keeps a pool for the primary and one per replica. A SELECT made
// without a query runner of its own asks the data source which pool to use: here that is the primary,
// unless the call runs inside `ReadReplicas.read()` — the dashboard and league-table paths, whose
// figures may be a moment old. Everything else (writes, transactions, a member reading the rating they
// just saved, access checks) stays on the primary, so it reads its own writes however far a replica lags.
class RoutedDataSource extends typeorm_1.DataSource {
    defaultReplicationModeForReads() {
        return replicaReads.getStore() ? 'slave' : 'master';
    }
    /** Raw SQL (`dataSource.query`, `repository.query`) follows the same rule as built SELECTs. */
    async query(query, parameters, queryRunner) {
        if (queryRunner || !replicaReads.getStore())
            return super.query(query, parameters, queryRunner);
        const replica = this.createQueryRunner('slave');
        try {
            return await super.query(query, parameters, replica);
        }
        finally {
            await replica.release();
        }
    }
}
let ReadReplicas = class ReadReplicas {
    /** Creates the data source and runs pending migrations, once across instances starting together. */
    static async initialize(options) {
        const dataSource = await new RoutedDataSource({ ...options, migrationsRun: false }).initialize();
        if (options.type !== 'mysql') {
            await dataSource.runMigrations();
            return dataSource;
        }
        // A named lock of the primary: a second instance waits here while the first migrates, then finds
        // nothing left to run. (The lock belongs to this connection and ends with it, even on a crash.)
        const runner = dataSource.createQueryRunner('master');
        try {
            const [got] = await runner.query(`SELECT GET_LOCK('pingjia_migrations', 600) AS got`);
            if (Number(got?.got) !== 1)
                throw new Error('timed out after 600 s waiting for another instance to finish the migrations');
            try {
                await dataSource.runMigrations();
            }
            finally {
                await runner.query(`SELECT RELEASE_LOCK('pingjia_migrations')`);
            }
        }
        finally {
            await runner.release();
        }
        return dataSource;
    }
    /** Runs a read path whose plain SELECTs go to a replica (when there are any; else the primary). */
    read(work) {
        return replicaReads.run(true, work);
    }
};
exports.ReadReplicas = ReadReplicas;
exports.ReadReplicas = ReadReplicas = __decorate([
    (0, common_1.Injectable)()
], ReadReplicas);
//# sourceMappingURL=read-replicas.js.map