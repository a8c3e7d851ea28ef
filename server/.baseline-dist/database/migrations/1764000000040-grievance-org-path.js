"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.GrievanceOrgPath1764000000040 = void 0;
const typeorm_1 = require("typeorm");
// A federation's grievance figures are one aggregate over an index range on the grievance's org path
// (grievance-stats.service.ts forSubtree), instead of IN-lists of its homes' ids.
class GrievanceOrgPath1764000000040 {
    name = 'GrievanceOrgPath1764000000040';
    async up(q) {
        await q.createIndex('grievances', new typeorm_1.TableIndex({ name: 'idx_grievances_org_path', columnNames: ['org_path'] }));
    }
    async down(q) {
        await q.dropIndex('grievances', 'idx_grievances_org_path');
    }
}
exports.GrievanceOrgPath1764000000040 = GrievanceOrgPath1764000000040;
//# sourceMappingURL=1764000000040-grievance-org-path.js.map