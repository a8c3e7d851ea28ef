// For the TypeORM CLI: `pnpm --filter @pingjia/server migration:run` (after a build).
import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { databaseOptions } from './database-options';

// The entities by file name, as the running app has them from its feature modules (autoLoadEntities):
// every entity lives in a `*.entity.ts` file of its feature folder.
export default new DataSource({ ...databaseOptions(loadConfig().database), entities: [join(__dirname, '..', '*', '*.entity.{js,ts}')] });
