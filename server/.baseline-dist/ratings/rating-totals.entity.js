"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RatingTotalsShownSchema = exports.RatingTotalsStagedSchema = exports.RatingTotalsSchema = exports.propertyOf = exports.FIGURE_COLUMNS = exports.COUNTER_COLUMNS = exports.GROUP_VERDICT_COLUMNS = exports.groupVerdictColumn = exports.groupColumn = exports.distColumn = exports.sumColumn = exports.SCORES = void 0;
const shared_1 = require("@pingjia/shared");
const typeorm_1 = require("typeorm");
exports.SCORES = Array.from({ length: shared_1.SCORE_MAX - shared_1.SCORE_MIN + 1 }, (_, i) => shared_1.SCORE_MIN + i);
const sumColumn = (k) => `sum_${k}`;
exports.sumColumn = sumColumn;
const distColumn = (k, score) => `d_${k}_${score}`;
exports.distColumn = distColumn;
const groupColumn = (g) => `g_${g}`;
exports.groupColumn = groupColumn;
/** verdicts within a self-declared group (added by the oversight migration) */
const groupVerdictColumn = (g, v) => `gv_${g}_${v}`;
exports.groupVerdictColumn = groupVerdictColumn;
exports.GROUP_VERDICT_COLUMNS = shared_1.MEMBER_GROUP_KEYS.flatMap((g) => shared_1.VERDICT_KEYS.map((v) => (0, exports.groupVerdictColumn)(g, v)));
/** Every counter column: name in the entity equals the name in the table. */
exports.COUNTER_COLUMNS = [
    'ratings',
    'satisfied',
    'basically_satisfied',
    'dissatisfied',
    'comments_approved',
    ...shared_1.CRITERION_KEYS.map(exports.sumColumn),
    ...shared_1.CRITERION_KEYS.flatMap((k) => exports.SCORES.map((s) => (0, exports.distColumn)(k, s))),
    ...shared_1.MEMBER_GROUP_KEYS.map(exports.groupColumn),
];
/** Every column a snapshot copies: the counters and the group verdicts. */
exports.FIGURE_COLUMNS = [...exports.COUNTER_COLUMNS, ...exports.GROUP_VERDICT_COLUMNS];
const counter = { type: 'int', default: 0 };
const PROPERTY = { basically_satisfied: 'basicallySatisfied', comments_approved: 'commentsApproved' };
/** The entity property of a counter column (the two verdict-like columns are camelCase in the entity). */
const propertyOf = (column) => PROPERTY[column] ?? column;
exports.propertyOf = propertyOf;
function totalsSchema(name, tableName, extra) {
    return new typeorm_1.EntitySchema({
        name,
        tableName,
        columns: {
            campaignId: { name: 'campaign_id', type: 'varchar', length: 36, primary: true },
            homeId: { name: 'home_id', type: 'varchar', length: 36, primary: true },
            ...Object.fromEntries([...exports.FIGURE_COLUMNS, ...extra].map((c) => [(0, exports.propertyOf)(c), { ...counter, name: c }])),
        },
    });
}
// `writes` counts the writes that move an open cycle's snapshot window (new ratings); `window_start`
// is `writes` when the latest snapshot was taken (see open-figures.ts).
exports.RatingTotalsSchema = totalsSchema('RatingTotals', 'rating_totals', ['writes', 'window_start']);
/**
 * Snapshots for open cycles: `staged` is the totals at the latest window boundary, `shown` the one
 * before it — what dashboards serve while the cycle is open. `writes` is the totals' `writes` then.
 */
exports.RatingTotalsStagedSchema = totalsSchema('RatingTotalsStaged', 'rating_totals_staged', ['writes']);
exports.RatingTotalsShownSchema = totalsSchema('RatingTotalsShown', 'rating_totals_shown', ['writes']);
//# sourceMappingURL=rating-totals.entity.js.map