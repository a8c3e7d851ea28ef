"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.homeFigures = homeFigures;
const shared_1 = require("@pingjia/shared");
const rating_totals_entity_1 = require("../ratings/rating-totals.entity");
const num = (v) => Number(v ?? 0);
/** A home's figures for one cycle from its totals row, with every privacy rule applied. */
function homeFigures(home, totals, t) {
    const n = num(totals?.ratings);
    const withheld = !(0, shared_1.isSliceVisible)(n, t);
    const counts = { satisfied: num(totals?.satisfied), basicallySatisfied: num(totals?.basicallySatisfied), dissatisfied: num(totals?.dissatisfied) };
    const membership = home.workerCount ? { members: home.memberCount, workers: home.workerCount } : null;
    const base = {
        ratings: n,
        members: home.memberCount,
        participationRate: (0, shared_1.participationRate)(n, home.memberCount),
        valid: (0, shared_1.isParticipationValid)(n, home.memberCount, t),
        withheld,
    };
    if (withheld || !totals)
        return { ...base, satisfaction: null, criteria: null, tier: null, title: null, groups: null };
    const criteria = {};
    for (const k of shared_1.CRITERION_KEYS) {
        criteria[k] = { mean: (0, shared_1.criterionMean)(num(totals[(0, rating_totals_entity_1.sumColumn)(k)]), n), distribution: rating_totals_entity_1.SCORES.map((s) => num(totals[(0, rating_totals_entity_1.distColumn)(k, s)])) };
    }
    const groups = {};
    for (const g of shared_1.MEMBER_GROUP_KEYS) {
        const size = num(totals[(0, rating_totals_entity_1.groupColumn)(g)]);
        const c = {
            satisfied: num(totals[(0, rating_totals_entity_1.groupVerdictColumn)(g, 'satisfied')]),
            basicallySatisfied: num(totals[(0, rating_totals_entity_1.groupVerdictColumn)(g, 'basically_satisfied')]),
            dissatisfied: num(totals[(0, rating_totals_entity_1.groupVerdictColumn)(g, 'dissatisfied')]),
        };
        groups[g] = (0, shared_1.isGroupSliceVisible)(size, n, t) ? { ratings: size, satisfactionRate: (0, shared_1.satisfactionRate)(c), ...c } : null;
    }
    return {
        ...base,
        satisfaction: { rate: (0, shared_1.satisfactionRate)(counts), ...counts },
        criteria,
        tier: (0, shared_1.tierProgress)({ counts, membership }, t),
        title: (0, shared_1.awardedTitle)({ ratings: n, members: home.memberCount, counts, workers: home.workerCount }, t),
        groups,
    };
}
//# sourceMappingURL=home-figures.js.map