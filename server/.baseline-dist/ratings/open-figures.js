"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.snapshotDue = snapshotDue;
exports.takeSnapshot = takeSnapshot;
const shared_1 = require("@pingjia/shared");
const rating_totals_entity_1 = require("./rating-totals.entity");
/** After one more new rating: the new window start when a snapshot is due, else null. */
function snapshotDue(s, t = shared_1.DEFAULT_THRESHOLDS) {
    const writes = s.writes + 1;
    return writes - s.windowStart >= (0, shared_1.openFiguresStep)(t) ? writes : null;
}
const COPIED = [...rating_totals_entity_1.FIGURE_COLUMNS, 'writes'];
/** INSERT … SELECT one (campaign, home) row, replacing the target's row; column names from fixed lists only. */
function copyRowSql(mysql, to, from) {
    const cols = ['campaign_id', 'home_id', ...COPIED].join(', ');
    const upsert = mysql
        ? `ON DUPLICATE KEY UPDATE ${COPIED.map((c) => `${c} = VALUES(${c})`).join(', ')}`
        : `ON CONFLICT (campaign_id, home_id) DO UPDATE SET ${COPIED.map((c) => `${c} = excluded.${c}`).join(', ')}`;
    return `INSERT INTO ${to} (${cols}) SELECT ${cols} FROM ${from} WHERE campaign_id = ? AND home_id = ? ${upsert}`;
}
const SQL = {
    mysql: [copyRowSql(true, 'rating_totals_shown', 'rating_totals_staged'), copyRowSql(true, 'rating_totals_staged', 'rating_totals')],
    sqlite: [copyRowSql(false, 'rating_totals_shown', 'rating_totals_staged'), copyRowSql(false, 'rating_totals_staged', 'rating_totals')],
};
/** At a window boundary, in the rating's transaction after the totals update: shown ← staged ← totals. */
async function takeSnapshot(m, campaignId, homeId) {
    for (const sql of SQL[m.connection.options.type === 'mysql' ? 'mysql' : 'sqlite'])
        await m.query(sql, [campaignId, homeId]);
}
//# sourceMappingURL=open-figures.js.map