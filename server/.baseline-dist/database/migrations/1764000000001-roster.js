"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Roster1764000000001 = void 0;
const typeorm_1 = require("typeorm");
class Roster1764000000001 {
    name = 'Roster1764000000001';
    async up(q) {
        await q.createTable(new typeorm_1.Table({
            name: 'roster_entries',
            columns: [
                { name: 'id', type: 'varchar', length: '36', isPrimary: true },
                { name: 'home_id', type: 'varchar', length: '36' },
                { name: 'entry_hash', type: 'varchar', length: '64' },
                { name: 'phone_hash', type: 'varchar', length: '64', isNullable: true },
                { name: 'bound_user_id', type: 'varchar', length: '36', isNullable: true },
            ],
            indices: [
                new typeorm_1.TableIndex({ name: 'uq_roster_entry', columnNames: ['home_id', 'entry_hash'], isUnique: true }),
                new typeorm_1.TableIndex({ name: 'uq_roster_binding', columnNames: ['home_id', 'bound_user_id'], isUnique: true }),
            ],
        }));
    }
    async down(q) {
        await q.dropTable('roster_entries');
    }
}
exports.Roster1764000000001 = Roster1764000000001;
//# sourceMappingURL=1764000000001-roster.js.map