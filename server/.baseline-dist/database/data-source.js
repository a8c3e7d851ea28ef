"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// For the TypeORM CLI: `pnpm --filter @pingjia/server migration:run` (after a build).
require("reflect-metadata");
const typeorm_1 = require("typeorm");
const app_config_1 = require("../config/app-config");
const database_options_1 = require("./database-options");
exports.default = new typeorm_1.DataSource((0, database_options_1.databaseOptions)((0, app_config_1.loadConfig)().database));
//# sourceMappingURL=data-source.js.map