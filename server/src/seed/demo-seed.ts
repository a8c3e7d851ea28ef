import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaDay, HomeKind, MembershipMode, OrgLevel, Ownership } from '@pingjia/shared';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../auth/passwords';
import { RoleGrant } from '../auth/role-grant.entity';
import { User } from '../auth/user.entity';
import { Campaign } from '../campaigns/campaign.entity';
import { CampaignTransitions } from '../campaigns/campaign-transitions';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { newId, newSceneToken } from '../common/ids';
import { Home } from '../orgs/home.entity';
import { Org } from '../orgs/org.entity';

export interface DemoInfo {
  username: string;
  password: string | null;
  homes: Array<{ id: string; name: string; sceneToken: string }>;
  /** the demo province, whose federation view the banner links to */
  province: { id: string; name: string } | null;
}

const DAY = 24 * 3600 * 1000;

// Demo data for a first run: a province, two cities, four homes and an open campaign.
@Injectable()
export class DemoSeed {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly transitions: CampaignTransitions,
  ) {}

  async run(): Promise<DemoInfo> {
    const credentialsFile = join(this.config.dataDir, 'demo-admin.json');
    const empty = (await this.dataSource.getRepository(Org).count()) === 0;
    if (empty) {
      const password = this.config.demoAdmin.password ?? randomBytes(9).toString('base64url');
      const campaign = await this.dataSource.transaction((m) => this.seed(m, this.config.demoAdmin.username, password));
      // Opened the one way every cycle opens (its homes and counts frozen). Left scheduled by a crash
      // here, the schedule opens it at the next start.
      await this.transitions.open(campaign, this.clock.now(), 'owner');
      writeFileSync(credentialsFile, JSON.stringify({ username: this.config.demoAdmin.username, password }), { mode: 0o600 });
      this.logger.log('demo data seeded');
    } else if (this.config.demoAdmin.password) {
      // A password given in the environment wins over the stored one on every start.
      const users = this.dataSource.getRepository(User);
      await users.update(
        { username: this.config.demoAdmin.username },
        { passwordHash: await hashPassword(this.config.demoAdmin.password) },
      );
      writeFileSync(
        credentialsFile,
        JSON.stringify({ username: this.config.demoAdmin.username, password: this.config.demoAdmin.password }),
        { mode: 0o600 },
      );
    }
    const stored = existsSync(credentialsFile)
      ? (JSON.parse(readFileSync(credentialsFile, 'utf8')) as { username: string; password: string })
      : null;
    const homes = await this.dataSource.getRepository(Home).find({ order: { createdOn: 'ASC', name: 'ASC' }, take: 4 });
    const province = await this.dataSource.getRepository(Org).findOne({ where: { level: 'province' }, order: { createdOn: 'ASC' } });
    return {
      province: province ? { id: province.id, name: province.name } : null,
      username: stored?.username ?? this.config.demoAdmin.username,
      password: stored?.password ?? null,
      homes: homes.map((h) => ({ id: h.id, name: h.name, sceneToken: h.sceneToken })),
    };
  }

  private async seed(m: EntityManager, username: string, password: string): Promise<Campaign> {
    const today = chinaDay(this.clock.now());
    const org = async (name: string, level: OrgLevel, parent: Org | null) => {
      const id = newId();
      return m.save(Org, { id, parentId: parent?.id ?? null, name, level, path: `${parent?.path ?? '/'}${id}/`, createdOn: today });
    };
    const home = (
      o: Org,
      name: string,
      kind: HomeKind,
      memberCount: number,
      ownership: Ownership,
      industry: string,
      membershipMode: MembershipMode = 'open',
    ) =>
      m.save(Home, {
        id: newId(),
        orgId: o.id,
        orgPath: o.path,
        name,
        kind,
        memberCount,
        membershipMode,
        ownership,
        industry,
        sceneToken: newSceneToken(),
        createdOn: today,
      });

    const province = await org('示范省总工会', 'province', null);
    const cityA = await org('示范市总工会', 'city', province);
    const cityB = await org('新城市总工会', 'city', province);
    await home(cityA, '示范市机床厂工会职工之家', 'enterprise', 120, 'state', '制造业');
    await home(cityA, '示范市第一人民医院工会职工之家', 'enterprise', 60, 'institution', '卫生');
    await home(cityB, '新城市科技园区联合职工之家', 'joint', 300, 'private', '信息技术');
    await home(cityB, '新城市快递物流行业联合职工之家', 'joint', 80, 'private', '交通运输');

    const now = this.clock.now().getTime();
    const campaign: Campaign = await m.save(Campaign, {
      id: newId(),
      orgId: province.id,
      orgPath: province.path,
      name: `${new Date(now).getFullYear()}年度会员评家`,
      status: 'scheduled',
      opensAt: new Date(now - DAY).toISOString(),
      closesAt: new Date(now + 60 * DAY).toISOString(),
      createdOn: today,
      settings: null,
    });

    const admin = await m.save(User, {
      id: newId(),
      openid: null,
      unionid: null,
      username,
      passwordHash: await hashPassword(password),
      displayName: '示范省总工会管理员',
      createdOn: today,
    });
    await m.save(RoleGrant, { id: newId(), userId: admin.id, role: 'federation_admin', orgId: province.id });
    return campaign;
  }
}
