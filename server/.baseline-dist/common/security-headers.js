"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.inlineScriptHashes = inlineScriptHashes;
exports.contentSecurityPolicy = contentSecurityPolicy;
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
/** sha256 sources for the inline scripts of the built H5 page (Taro's rem script), so no 'unsafe-inline' is needed. */
function inlineScriptHashes(html) {
    const hashes = [];
    for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
        if (m[1].trim())
            hashes.push(`'sha256-${(0, node_crypto_1.createHash)('sha256').update(m[1], 'utf8').digest('base64')}'`);
    }
    return hashes;
}
/**
 * The Content-Security-Policy for everything we serve: our own scripts only (plus the hashed inline
 * ones of the H5 page), no plugins, no framing, requests to our own origin only. Styles allow inline
 * attributes because React sets `style` on elements; user text is always rendered as text, never HTML.
 */
function contentSecurityPolicy(indexHtmlPath) {
    const hashes = indexHtmlPath ? inlineScriptHashes((0, node_fs_1.readFileSync)(indexHtmlPath, 'utf8')) : [];
    return {
        'default-src': ["'self'"],
        'script-src': ["'self'", ...hashes],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
    };
}
//# sourceMappingURL=security-headers.js.map