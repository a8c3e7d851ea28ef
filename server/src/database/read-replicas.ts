import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, DataSourceOptions, QueryRunner, ReplicationMode } from 'typeorm';

const replicaReads = new AsyncLocalStorage<true>();

// With DATABASE_REPLICA_URLS, TypeORM keeps a pool for the primary and one per replica. A SELECT made
// without a query runner of its own asks the data source which pool to use: here that is the primary,
// unless the call runs inside `ReadReplicas.read()` — the dashboard and league-table paths, whose
// figures may be a moment old. Everything else (writes, transactions, a member reading the rating they
// just saved, access checks) stays on the primary, so it reads its own writes however far a replica lags.
class RoutedDataSource extends DataSource {
  override defaultReplicationModeForReads(): ReplicationMode {
    return replicaReads.getStore() ? 'slave' : 'master';
  }

  /** Raw SQL (`dataSource.query`, `repository.query`) follows the same rule as built SELECTs. */
  // The signature is TypeORM's own (`any` included), so the override matches it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override async query<T = any>(query: string, parameters?: any[], queryRunner?: QueryRunner): Promise<T> {
    if (queryRunner || !replicaReads.getStore()) return super.query<T>(query, parameters, queryRunner);
    const replica = this.createQueryRunner('slave');
    try {
      return await super.query<T>(query, parameters, replica);
    } finally {
      await replica.release();
    }
  }
}

@Injectable()
export class ReadReplicas {
  /** Creates the data source and runs pending migrations, once across instances starting together. */
  static async initialize(options: DataSourceOptions): Promise<DataSource> {
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
      if (Number(got?.got) !== 1) throw new Error('timed out after 600 s waiting for another instance to finish the migrations');
      try {
        await dataSource.runMigrations();
      } finally {
        await runner.query(`SELECT RELEASE_LOCK('pingjia_migrations')`);
      }
    } finally {
      await runner.release();
    }
    return dataSource;
  }

  /** Runs a read path whose plain SELECTs go to a replica (when there are any; else the primary). */
  read<T>(work: () => Promise<T>): Promise<T> {
    return replicaReads.run(true, work);
  }
}
