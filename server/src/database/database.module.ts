import { DynamicModule, Global, Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { databaseOptions } from './database-options';
import { ReadReplicas } from './read-replicas';
import { WalCheckpointer } from './wal-checkpointer';

// The database connection. Entities come from the feature modules' TypeOrmModule.forFeature.
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...databaseOptions(config.database), autoLoadEntities: true }),
          // Reads go to the primary unless a read path asks for a replica (ReadReplicas); migrations run
          // under a database lock, so instances starting together run them once.
          dataSourceFactory: (options) => ReadReplicas.initialize(options!),
        }),
      ],
      providers: [
        ReadReplicas,
        {
          provide: WalCheckpointer,
          inject: [getDataSourceToken()],
          useFactory: (dataSource: DataSource) =>
            new WalCheckpointer(dataSource, config.database.kind === 'sqlite' ? config.database.file : null),
        },
      ],
      exports: [ReadReplicas, WalCheckpointer],
    };
  }
}
