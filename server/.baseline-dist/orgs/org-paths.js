"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ancestorPaths = ancestorPaths;
/** '/a/b/c/' → ['/a/', '/a/b/', '/a/b/c/']: the paths of every org at or above this one. */
function ancestorPaths(path) {
    const ids = path.split('/').filter(Boolean);
    return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}
//# sourceMappingURL=org-paths.js.map