"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ShownTotals1764000000030 = void 0;
const typeorm_1 = require("typeorm");
// Open-cycle snapshots (server/src/ratings/open-figures.ts): a write counter and window start in the
// totals rows, and two snapshot tables with the totals' figure columns as they are now (read from the
// table, so a later migration adding a counter adds it to all three). Existing rows are copied as
// they are. QueryRunner schema API, SQLite and MySQL alike.
const int = (name) => ({ name, type: 'int', default: 0 });
const KEYS = ['campaign_id', 'home_id'];
const SNAPSHOTS = ['rating_totals_staged', 'rating_totals_shown'];
class ShownTotals1764000000030 {
    name = 'ShownTotals1764000000030';
    async up(q) {
        const totals = await q.getTable('rating_totals');
        if (!totals)
            throw new Error('rating_totals is missing');
        const figures = totals.columns.map((c) => c.name).filter((c) => !KEYS.includes(c));
        await q.addColumns('rating_totals', [new typeorm_1.TableColumn(int('writes')), new typeorm_1.TableColumn(int('window_start'))]);
        const list = [...KEYS, ...figures].join(', ');
        for (const name of SNAPSHOTS) {
            await q.createTable(new typeorm_1.Table({
                name,
                columns: [
                    { name: 'campaign_id', type: 'varchar', length: '36', isPrimary: true },
                    { name: 'home_id', type: 'varchar', length: '36', isPrimary: true },
                    ...figures.map((c) => int(c)),
                    int('writes'),
                ],
            }));
            // Column names come from the schema itself, no input.
            await q.query(`INSERT INTO ${name} (${list}, writes) SELECT ${list}, 0 FROM rating_totals`);
        }
    }
    async down(q) {
        for (const name of [...SNAPSHOTS].reverse())
            await q.dropTable(name);
        await q.dropColumns('rating_totals', ['window_start', 'writes']);
    }
}
exports.ShownTotals1764000000030 = ShownTotals1764000000030;
//# sourceMappingURL=1764000000030-shown-totals.js.map