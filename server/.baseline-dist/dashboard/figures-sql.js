"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ratingsOf = void 0;
exports.reportable = reportable;
exports.aggregateSelect = aggregateSelect;
exports.homeSelect = homeSelect;
exports.toFigures = toFigures;
const shared_1 = require("@pingjia/shared");
// SQL fragments over `homes h LEFT JOIN rating_totals t` (one totals row per home and campaign).
// Every number interpolated here is an integer from the thresholds config, never request input.
// A home counts toward score aggregates only when its own figures may be shown (≥ minSlice ratings),
// so no aggregate minus its visible parts can reveal a withheld home.
const int = (n) => String(Math.trunc(n));
const ratingsOf = (a = 't') => `COALESCE(${a}.ratings, 0)`;
exports.ratingsOf = ratingsOf;
function reportable(t, a = 't') {
    return `${(0, exports.ratingsOf)(a)} >= ${int(t.minSlice)}`;
}
const SUMMED = ['satisfied', 'basically_satisfied', 'dissatisfied', ...shared_1.CRITERION_KEYS.map((k) => `sum_${k}`)];
/** Aggregate select list: counts over every home, scores over reportable homes only. */
function aggregateSelect(t) {
    const r = reportable(t);
    return [
        'COUNT(h.id) AS homes',
        'COALESCE(SUM(h.member_count), 0) AS members',
        `COALESCE(SUM(${(0, exports.ratingsOf)()}), 0) AS ratings`,
        `COALESCE(SUM(CASE WHEN ${r} THEN 1 ELSE 0 END), 0) AS reported_homes`,
        `COALESCE(SUM(CASE WHEN ${r} THEN t.ratings ELSE 0 END), 0) AS reported_ratings`,
        ...SUMMED.map((c) => `COALESCE(SUM(CASE WHEN ${r} THEN t.${c} ELSE 0 END), 0) AS ${c}`),
    ].join(', ');
}
/** Per-home select list (one row per home). */
function homeSelect() {
    return [
        'h.id AS id',
        'h.name AS name',
        'h.member_count AS members',
        'h.worker_count AS workers',
        `${(0, exports.ratingsOf)()} AS ratings`,
        ...SUMMED.map((c) => `COALESCE(t.${c}, 0) AS ${c}`),
    ].join(', ');
}
const num = (v) => Number(v ?? 0);
/** Raw aggregate or per-home row → figures, with withheld scores null. */
function toFigures(row, t, perHome) {
    const ratings = num(row.ratings);
    const homes = perHome ? 1 : num(row.homes);
    const reportedRatings = perHome ? (ratings >= t.minSlice ? ratings : 0) : num(row.reported_ratings);
    const shown = reportedRatings > 0;
    const counts = {
        satisfied: shown ? num(row.satisfied) : 0,
        basicallySatisfied: shown ? num(row.basically_satisfied) : 0,
        dissatisfied: shown ? num(row.dissatisfied) : 0,
    };
    const means = {};
    for (const k of shared_1.CRITERION_KEYS)
        means[k] = shown ? (0, shared_1.criterionMean)(num(row[`sum_${k}`]), reportedRatings) : null;
    return {
        homes,
        members: num(row.members),
        ratings,
        participationRate: (0, shared_1.participationRate)(ratings, num(row.members)),
        reportedHomes: perHome ? (shown ? 1 : 0) : num(row.reported_homes),
        reportedRatings,
        satisfactionRate: shown ? (0, shared_1.satisfactionRate)(counts) : null,
        ...counts,
        means,
    };
}
//# sourceMappingURL=figures-sql.js.map