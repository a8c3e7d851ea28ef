"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.raterKey = raterKey;
const node_crypto_1 = require("node:crypto");
// Keyed hash of (campaign, home, member): stable for one member's re-ratings, meaningless without
// the server secret, and different for the same member in another campaign.
function raterKey(secret, campaignId, homeId, userId) {
    return (0, node_crypto_1.createHmac)('sha256', secret).update(`${campaignId}:${homeId}:${userId}`).digest('hex');
}
//# sourceMappingURL=rater-key.js.map