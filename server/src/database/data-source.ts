// For the TypeORM CLI: `pnpm --filter @pingjia/server migration:run` (after a build).
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { databaseOptions } from './database-options';

export default new DataSource(databaseOptions(loadConfig().database));
