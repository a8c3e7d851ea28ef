"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.findHome = findHome;
const home_entity_1 = require("./home.entity");
// A home by id in plain SQL (a cached prepared statement on SQLite, the same text on MySQL): asked on
// every dashboard request and every rating, where a repository find's query building cost more than
// the lookup itself.
const HOME_COLUMNS = 'id, org_id, org_path, name, kind, member_count, worker_count, membership_mode, ownership, industry, scene_token, created_on';
async function findHome(db, id) {
    const [r] = (await db.query(`SELECT ${HOME_COLUMNS} FROM homes WHERE id = ?`, [id]));
    if (!r)
        return null;
    const int = (v) => (v === null || v === undefined ? null : Number(v));
    return Object.assign(new home_entity_1.Home(), {
        id: r.id,
        orgId: r.org_id,
        orgPath: r.org_path,
        name: r.name,
        kind: r.kind,
        memberCount: Number(r.member_count),
        workerCount: int(r.worker_count),
        membershipMode: r.membership_mode,
        ownership: r.ownership ?? null,
        industry: r.industry ?? null,
        sceneToken: r.scene_token,
        createdOn: r.created_on,
    });
}
//# sourceMappingURL=find-home.js.map