"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.hashPassword = hashPassword;
exports.verifyPassword = verifyPassword;
const node_crypto_1 = require("node:crypto");
// scrypt from Node's crypto: a slow, memory-hard hash with no native add-on to build.
const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;
function derive(password, salt, n, r, p) {
    return new Promise((resolve, reject) => (0, node_crypto_1.scrypt)(password.normalize('NFC'), salt, KEYLEN, { N: n, r, p, maxmem: 64 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))));
}
async function hashPassword(password) {
    const salt = (0, node_crypto_1.randomBytes)(16);
    const key = await derive(password, salt, N, R, P);
    return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}
async function verifyPassword(password, stored) {
    const parts = stored?.split('$');
    if (!parts || parts.length !== 6 || parts[0] !== 'scrypt') {
        // Spend the same time as a real check so unknown users are not told apart by timing.
        await derive(password, Buffer.alloc(16), N, R, P);
        return false;
    }
    const [, n, r, p, salt, hash] = parts;
    const expected = Buffer.from(hash, 'base64url');
    const key = await derive(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
    return key.length === expected.length && (0, node_crypto_1.timingSafeEqual)(key, expected);
}
//# sourceMappingURL=passwords.js.map