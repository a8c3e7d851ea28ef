"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.newId = void 0;
exports.newSceneToken = newSceneToken;
const node_crypto_1 = require("node:crypto");
const newId = () => (0, node_crypto_1.randomUUID)();
exports.newId = newId;
const SCENE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Opaque random token for a QR scene: 22 base62 characters, ~131 bits. */
function newSceneToken(length = 22) {
    const bytes = (0, node_crypto_1.randomBytes)(length * 2);
    let out = '';
    for (let i = 0; i < bytes.length && out.length < length; i++) {
        // Rejection sampling keeps every character equally likely.
        if (bytes[i] < 248)
            out += SCENE_ALPHABET[bytes[i] % 62];
    }
    return out.length === length ? out : newSceneToken(length);
}
//# sourceMappingURL=ids.js.map