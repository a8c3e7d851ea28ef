"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MIGRATIONS = exports.ENTITIES = void 0;
exports.databaseOptions = databaseOptions;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const user_entity_1 = require("../auth/user.entity");
const role_grant_entity_1 = require("../auth/role-grant.entity");
const org_entity_1 = require("../orgs/org.entity");
const home_entity_1 = require("../orgs/home.entity");
const campaign_entity_1 = require("../campaigns/campaign.entity");
const rating_entity_1 = require("../ratings/rating.entity");
const rating_totals_entity_1 = require("../ratings/rating-totals.entity");
const _1764000000000_initial_1 = require("./migrations/1764000000000-initial");
const _1764000000001_roster_1 = require("./migrations/1764000000001-roster");
const roster_entry_entity_1 = require("../membership/roster-entry.entity");
const entities_1 = require("../grievances/entities");
const _1764000000010_grievances_1 = require("./migrations/1764000000010-grievances");
const oversight_entities_1 = require("../audit/oversight-entities");
const _1764000000020_oversight_1 = require("./migrations/1764000000020-oversight");
const _1764000000030_shown_totals_1 = require("./migrations/1764000000030-shown-totals");
const _1764000000040_grievance_org_path_1 = require("./migrations/1764000000040-grievance-org-path");
exports.ENTITIES = [user_entity_1.User, role_grant_entity_1.RoleGrant, org_entity_1.Org, home_entity_1.Home, campaign_entity_1.Campaign, rating_entity_1.Rating, rating_totals_entity_1.RatingTotalsSchema, rating_totals_entity_1.RatingTotalsStagedSchema, rating_totals_entity_1.RatingTotalsShownSchema, roster_entry_entity_1.RosterEntry, ...entities_1.GRIEVANCE_ENTITIES, ...oversight_entities_1.OVERSIGHT_ENTITIES];
exports.MIGRATIONS = [_1764000000000_initial_1.Initial1764000000000, _1764000000001_roster_1.Roster1764000000001, _1764000000010_grievances_1.Grievances1764000000010, _1764000000020_oversight_1.Oversight1764000000020, _1764000000030_shown_totals_1.ShownTotals1764000000030, _1764000000040_grievance_org_path_1.GrievanceOrgPath1764000000040];
// Schema changes only through migrations, never `synchronize`.
function databaseOptions(db) {
    const common = { entities: exports.ENTITIES, migrations: exports.MIGRATIONS, synchronize: false, migrationsRun: false, logging: false };
    if (db.kind === 'mysql') {
        const mysql = { ...common, type: 'mysql', charset: 'utf8mb4_unicode_ci', timezone: 'Z', extra: { connectionLimit: 20 } };
        if (!db.replicaUrls?.length)
            return { ...mysql, url: db.url };
        // Replicas (DATABASE_REPLICA_URLS): every query goes to the primary unless a read path asks for a
        // replica (database/read-replicas.ts); replicas are taken in turn.
        return { ...mysql, replication: { master: { url: db.url }, slaves: db.replicaUrls.map((url) => ({ url })), defaultMode: 'master', selector: 'RR' } };
    }
    (0, node_fs_1.mkdirSync)((0, node_path_1.dirname)(db.file), { recursive: true });
    return {
        ...common,
        type: 'better-sqlite3',
        database: db.file,
        // WAL lets readers run beside the writer; synchronous=FULL makes every acknowledged commit durable.
        prepareDatabase: (raw) => {
            raw.pragma('journal_mode = WAL');
            raw.pragma('synchronous = FULL');
            raw.pragma('busy_timeout = 5000');
            raw.pragma('foreign_keys = ON');
            // A 64 MB page cache (the default is 2 MB): a federation dashboard scans its subtree's homes and
            // their totals rows several times; for a province (50,000 homes) that working set is ~40 MB, and
            // kept in cache those scans run 2-4x faster (bench/, docs/performance.md).
            raw.pragma('cache_size = -65536');
        },
    };
}
//# sourceMappingURL=database-options.js.map