"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.totalsDelta = totalsDelta;
const shared_1 = require("@pingjia/shared");
const rating_totals_entity_1 = require("./rating-totals.entity");
const VERDICT_COLUMN = {
    satisfied: 'satisfied',
    basically_satisfied: 'basically_satisfied',
    dissatisfied: 'dissatisfied',
};
function add(delta, column, by) {
    delta.set(column, (delta.get(column) ?? 0) + by);
}
function apply(delta, v, sign) {
    add(delta, 'ratings', sign);
    add(delta, VERDICT_COLUMN[v.verdict], sign);
    if (v.commentApproved)
        add(delta, 'comments_approved', sign);
    for (const k of shared_1.CRITERION_KEYS) {
        add(delta, (0, rating_totals_entity_1.sumColumn)(k), sign * v.scores[k]);
        add(delta, (0, rating_totals_entity_1.distColumn)(k, v.scores[k]), sign);
    }
    for (const g of v.groups) {
        add(delta, (0, rating_totals_entity_1.groupColumn)(g), sign);
        add(delta, (0, rating_totals_entity_1.groupVerdictColumn)(g, v.verdict), sign);
    }
}
/** Column → change for moving a home's totals from `before` (null: a new rating) to `after`. */
function totalsDelta(before, after) {
    const delta = new Map();
    if (before)
        apply(delta, before, -1);
    apply(delta, after, 1);
    for (const [k, v] of delta)
        if (v === 0)
            delta.delete(k);
    return delta;
}
//# sourceMappingURL=totals-delta.js.map