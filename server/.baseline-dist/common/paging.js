"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.paging = paging;
exports.subtreeRange = subtreeRange;
const domain_error_1 = require("./domain-error");
/** page (from 1) and pageSize (1..max) from the query string; anything else is a 400. */
function paging(page, pageSize, fallbackSize = 20, max = 100) {
    const p = page === undefined ? 1 : Number(page);
    const s = pageSize === undefined ? fallbackSize : Number(pageSize);
    const fields = {};
    if (!Number.isInteger(p) || p < 1 || p > 100_000)
        fields.page = '必须是 1 以上的整数';
    if (!Number.isInteger(s) || s < 1 || s > max)
        fields.pageSize = `必须是 1 到 ${max} 的整数`;
    if (Object.keys(fields).length)
        throw (0, domain_error_1.invalid)(fields);
    return { page: p, pageSize: s, skip: (p - 1) * s };
}
/** [from, to) covering every path that starts with `path` (which ends in '/'): an index range, not LIKE. */
function subtreeRange(path) {
    // '/' sorts directly before '0'; paths hold only UUID characters and '/'.
    return { from: path, to: `${path.slice(0, -1)}0` };
}
//# sourceMappingURL=paging.js.map