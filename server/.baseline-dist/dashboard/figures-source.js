"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.totalsEntityFor = exports.isFinal = void 0;
exports.totalsSchemaFor = totalsSchemaFor;
const rating_totals_entity_1 = require("../ratings/rating-totals.entity");
// Which totals a view of a cycle reads: the live totals once the cycle is closed (final figures),
// else the shown snapshot (ratings/open-figures.ts), so refreshing an open cycle's dashboard after
// each rating reveals nothing about that rating. Counts and scores come from the same row.
const isFinal = (status) => status === 'closed' || status === 'published';
exports.isFinal = isFinal;
function totalsSchemaFor(campaign) {
    return !campaign || (0, exports.isFinal)(campaign.status) ? rating_totals_entity_1.RatingTotalsSchema : rating_totals_entity_1.RatingTotalsShownSchema;
}
/** The entity name to join in query builders. */
const totalsEntityFor = (campaign) => totalsSchemaFor(campaign).options.name;
exports.totalsEntityFor = totalsEntityFor;
//# sourceMappingURL=figures-source.js.map