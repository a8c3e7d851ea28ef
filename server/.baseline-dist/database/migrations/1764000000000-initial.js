"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Initial1764000000000 = void 0;
const typeorm_1 = require("typeorm");
const rating_totals_entity_1 = require("../../ratings/rating-totals.entity");
// Written with the QueryRunner schema API so the same migration runs on SQLite and MySQL.
const id = (name = 'id') => ({ name, type: 'varchar', length: '36', isPrimary: true });
const ref = (name, nullable = false) => ({ name, type: 'varchar', length: '36', isNullable: nullable });
const str = (name, length, nullable = false) => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const int = (name) => ({ name, type: 'int', default: 0 });
const day = (name) => str(name, 10);
class Initial1764000000000 {
    name = 'Initial1764000000000';
    async up(q) {
        await q.createTable(new typeorm_1.Table({
            name: 'users',
            columns: [
                id(),
                str('openid', 64, true),
                str('unionid', 64, true),
                str('username', 64, true),
                str('password_hash', 200, true),
                str('display_name', 64, true),
                day('created_on'),
            ],
            indices: [
                new typeorm_1.TableIndex({ name: 'uq_users_openid', columnNames: ['openid'], isUnique: true }),
                new typeorm_1.TableIndex({ name: 'uq_users_username', columnNames: ['username'], isUnique: true }),
            ],
        }));
        await q.createTable(new typeorm_1.Table({
            name: 'role_grants',
            columns: [id(), ref('user_id'), str('role', 24), ref('org_id')],
            indices: [
                new typeorm_1.TableIndex({ name: 'uq_role_grant', columnNames: ['user_id', 'role', 'org_id'], isUnique: true }),
                new typeorm_1.TableIndex({ name: 'idx_role_grants_org', columnNames: ['org_id'] }),
            ],
        }));
        await q.createTable(new typeorm_1.Table({
            name: 'orgs',
            columns: [id(), ref('parent_id', true), str('name', 100), str('level', 16), str('path', 400), day('created_on')],
            indices: [
                new typeorm_1.TableIndex({ name: 'idx_orgs_path', columnNames: ['path'] }),
                new typeorm_1.TableIndex({ name: 'idx_orgs_parent', columnNames: ['parent_id'] }),
            ],
        }));
        await q.createTable(new typeorm_1.Table({
            name: 'homes',
            columns: [
                id(),
                ref('org_id'),
                str('org_path', 400),
                str('name', 100),
                str('kind', 16),
                { name: 'member_count', type: 'int' },
                str('membership_mode', 16),
                str('ownership', 16, true),
                str('industry', 50, true),
                str('scene_token', 32),
                day('created_on'),
            ],
            indices: [
                new typeorm_1.TableIndex({ name: 'idx_homes_org_path', columnNames: ['org_path'] }),
                new typeorm_1.TableIndex({ name: 'idx_homes_org', columnNames: ['org_id'] }),
                new typeorm_1.TableIndex({ name: 'uq_homes_scene', columnNames: ['scene_token'], isUnique: true }),
            ],
        }));
        await q.createTable(new typeorm_1.Table({
            name: 'campaigns',
            columns: [id(), ref('org_id'), str('org_path', 400), str('name', 100), str('status', 16), str('opens_at', 30), str('closes_at', 30), day('created_on')],
            indices: [new typeorm_1.TableIndex({ name: 'idx_campaigns_org_path', columnNames: ['org_path'] })],
        }));
        await q.createTable(new typeorm_1.Table({
            name: 'ratings',
            columns: [
                id(),
                ref('campaign_id'),
                ref('home_id'),
                str('rater_key', 64),
                ...['organization', 'rights', 'work', 'role', 'trust'].map((k) => ({ name: `s_${k}`, type: 'smallint' })),
                str('verdict', 24),
                { name: 'comment', type: 'text', isNullable: true },
                str('comment_status', 12),
                str('member_groups', 120),
                day('updated_on'),
            ],
            indices: [new typeorm_1.TableIndex({ name: 'uq_ratings_rater', columnNames: ['campaign_id', 'home_id', 'rater_key'], isUnique: true })],
        }));
        await q.createTable(new typeorm_1.Table({
            name: 'rating_totals',
            columns: [
                { ...ref('campaign_id'), isPrimary: true },
                { ...ref('home_id'), isPrimary: true },
                ...rating_totals_entity_1.COUNTER_COLUMNS.map(int),
            ],
            indices: [new typeorm_1.TableIndex({ name: 'idx_rating_totals_home', columnNames: ['home_id'] })],
        }));
    }
    async down(q) {
        for (const t of ['rating_totals', 'ratings', 'campaigns', 'homes', 'orgs', 'role_grants', 'users']) {
            await q.dropTable(t);
        }
    }
}
exports.Initial1764000000000 = Initial1764000000000;
//# sourceMappingURL=1764000000000-initial.js.map