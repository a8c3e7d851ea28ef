"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.DemoSeed = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const shared_1 = require("@pingjia/shared");
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const typeorm_2 = require("typeorm");
const passwords_1 = require("../../auth/passwords");
const role_grant_entity_1 = require("../../auth/role-grant.entity");
const user_entity_1 = require("../../auth/user.entity");
const campaign_entity_1 = require("../../campaigns/campaign.entity");
const app_config_1 = require("../../config/app-config");
const clock_1 = require("../../common/clock");
const ids_1 = require("../../common/ids");
const home_entity_1 = require("../../orgs/home.entity");
const org_entity_1 = require("../../orgs/org.entity");
const DAY = 24 * 3600 * 1000;
// Demo data for a first run: a province, two cities, four homes and an open campaign.
let DemoSeed = class DemoSeed {
    dataSource;
    config;
    clock;
    logger = new common_1.Logger('DemoSeed');
    constructor(dataSource, config, clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }
    async run() {
        const credentialsFile = (0, node_path_1.join)(this.config.dataDir, 'demo-admin.json');
        const empty = (await this.dataSource.getRepository(org_entity_1.Org).count()) === 0;
        if (empty) {
            const password = this.config.demoAdmin.password ?? (0, node_crypto_1.randomBytes)(9).toString('base64url');
            await this.dataSource.transaction((m) => this.seed(m, this.config.demoAdmin.username, password));
            (0, node_fs_1.writeFileSync)(credentialsFile, JSON.stringify({ username: this.config.demoAdmin.username, password }), { mode: 0o600 });
            this.logger.log('demo data seeded');
        }
        else if (this.config.demoAdmin.password) {
            // A password given in the environment wins over the stored one on every start.
            const users = this.dataSource.getRepository(user_entity_1.User);
            await users.update({ username: this.config.demoAdmin.username }, { passwordHash: await (0, passwords_1.hashPassword)(this.config.demoAdmin.password) });
            (0, node_fs_1.writeFileSync)(credentialsFile, JSON.stringify({ username: this.config.demoAdmin.username, password: this.config.demoAdmin.password }), { mode: 0o600 });
        }
        const stored = (0, node_fs_1.existsSync)(credentialsFile) ? JSON.parse((0, node_fs_1.readFileSync)(credentialsFile, 'utf8')) : null;
        const homes = await this.dataSource.getRepository(home_entity_1.Home).find({ order: { createdOn: 'ASC', name: 'ASC' }, take: 4 });
        const province = await this.dataSource.getRepository(org_entity_1.Org).findOne({ where: { level: 'province' }, order: { createdOn: 'ASC' } });
        return {
            province: province ? { id: province.id, name: province.name } : null,
            username: stored?.username ?? this.config.demoAdmin.username,
            password: stored?.password ?? null,
            homes: homes.map((h) => ({ id: h.id, name: h.name, sceneToken: h.sceneToken })),
        };
    }
    async seed(m, username, password) {
        const today = (0, shared_1.chinaDay)(this.clock.now());
        const org = async (name, level, parent) => {
            const id = (0, ids_1.newId)();
            return m.save(org_entity_1.Org, { id, parentId: parent?.id ?? null, name, level, path: `${parent?.path ?? '/'}${id}/`, createdOn: today });
        };
        const home = (o, name, kind, memberCount, ownership, industry, membershipMode = 'open') => m.save(home_entity_1.Home, { id: (0, ids_1.newId)(), orgId: o.id, orgPath: o.path, name, kind, memberCount, membershipMode, ownership, industry, sceneToken: (0, ids_1.newSceneToken)(), createdOn: today });
        const province = await org('示范省总工会', 'province', null);
        const cityA = await org('示范市总工会', 'city', province);
        const cityB = await org('新城市总工会', 'city', province);
        await home(cityA, '示范市机床厂工会职工之家', 'enterprise', 120, 'state', '制造业');
        await home(cityA, '示范市第一人民医院工会职工之家', 'enterprise', 60, 'institution', '卫生');
        await home(cityB, '新城市科技园区联合职工之家', 'joint', 300, 'private', '信息技术');
        await home(cityB, '新城市快递物流行业联合职工之家', 'joint', 80, 'private', '交通运输');
        const now = this.clock.now().getTime();
        await m.save(campaign_entity_1.Campaign, {
            id: (0, ids_1.newId)(),
            orgId: province.id,
            orgPath: province.path,
            name: `${new Date(now).getFullYear()}年度会员评家`,
            status: 'open',
            opensAt: new Date(now - DAY).toISOString(),
            closesAt: new Date(now + 60 * DAY).toISOString(),
            createdOn: today,
        });
        const admin = await m.save(user_entity_1.User, { id: (0, ids_1.newId)(), openid: null, unionid: null, username, passwordHash: await (0, passwords_1.hashPassword)(password), displayName: '示范省总工会管理员', createdOn: today });
        await m.save(role_grant_entity_1.RoleGrant, { id: (0, ids_1.newId)(), userId: admin.id, role: 'federation_admin', orgId: province.id });
    }
};
exports.DemoSeed = DemoSeed;
exports.DemoSeed = DemoSeed = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __param(1, (0, common_1.Inject)(app_config_1.APP_CONFIG)),
    __metadata("design:paramtypes", [typeorm_2.DataSource, Object, clock_1.Clock])
], DemoSeed);
//# sourceMappingURL=demo-seed.js.map