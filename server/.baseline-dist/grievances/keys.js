"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sha256 = exports.GrievanceKeys = void 0;
exports.newTrackingCode = newTrackingCode;
exports.canonicalJson = canonicalJson;
const shared_1 = require("@pingjia/shared");
const node_crypto_1 = require("node:crypto");
// Keys derived from the server's rater-key secret, each for one purpose only (domain separation):
// a reporter key from one can never equal a rater key, nor a tracking code.
function derive(secret, purpose) {
    return (0, node_crypto_1.createHmac)('sha256', secret).update(`pingjia:${purpose}:v1`).digest();
}
class GrievanceKeys {
    reporter;
    tracking;
    constructor(secret) {
        this.reporter = derive(secret, 'grievance-reporter');
        this.tracking = derive(secret, 'grievance-tracking');
    }
    /** Keyed hash of the reporter: their own session finds their grievances; the database alone names no one. */
    reporterKey(userId) {
        return (0, node_crypto_1.createHmac)('sha256', this.reporter).update(userId).digest('hex');
    }
    /**
     * The tracking code of a submission made with an Idempotency-Key, recomputed from that record's
     * random id when the submission is retried: the code itself is never stored.
     */
    trackingCodeFor(seed) {
        return toCode((0, node_crypto_1.createHmac)('sha256', this.tracking).update(seed).digest());
    }
}
exports.GrievanceKeys = GrievanceKeys;
/** A fresh random tracking code (100 bits). */
function newTrackingCode() {
    return toCode((0, node_crypto_1.randomBytes)(shared_1.TRACKING_CODE_LENGTH));
}
// 32 symbols: the low five bits of each byte are uniformly distributed.
function toCode(bytes) {
    let out = '';
    for (let i = 0; i < shared_1.TRACKING_CODE_LENGTH; i++)
        out += shared_1.TRACKING_CODE_ALPHABET[bytes[i] & 31];
    return out;
}
const sha256 = (text) => (0, node_crypto_1.createHash)('sha256').update(text).digest('hex');
exports.sha256 = sha256;
/** JSON with sorted keys, so the same request always hashes the same. */
function canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(',')}]`;
    if (value && typeof value === 'object') {
        const entries = Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    return JSON.stringify(value);
}
//# sourceMappingURL=keys.js.map