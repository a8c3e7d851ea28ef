import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { canNestOrg, chinaDay, Home as HomeView, normalizeText, Org as OrgView, OrgChildren } from '@pingjia/shared';
import { Repository } from 'typeorm';
import { AccessPolicy } from './access-policy';
import { Clock } from '../common/clock';
import { DomainError, invalid } from '../common/domain-error';
import { newId, newSceneToken } from '../common/ids';
import { Transactions } from '../common/transactions';
import { CreateHomeDto, CreateOrgDto } from './dto';
import { Home } from './home.entity';
import { confusableWith } from './home-names';
import { Org } from './org.entity';
import { toHomeView, toOrgView } from './views';

@Injectable()
export class OrgsService {
  constructor(
    @InjectRepository(Org) private readonly orgs: Repository<Org>,
    @InjectRepository(Home) private readonly homes: Repository<Home>,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
    private readonly tx: Transactions,
  ) {}

  async createOrg(userId: string, dto: CreateOrgDto): Promise<OrgView> {
    const parent = await this.access.orgForAdmin(userId, dto.parentId);
    if (parent.deactivatedAt) throw new DomainError('STATE_CONFLICT', `「${parent.name}」已停用，不能在其下新建`);
    if (!canNestOrg(parent.level, dto.level)) {
      throw invalid({ level: `不能在${parent.level}级组织下建立${dto.level}级组织` });
    }
    const id = newId();
    // Through Transactions (SQLite's write queue), whose COMMIT also marks an Idempotency-Key as used.
    const org = await this.tx.run((m) =>
      m.save(Org, {
        id,
        parentId: parent.id,
        name: this.cleanName(dto.name),
        level: dto.level,
        path: `${parent.path}${id}/`,
        createdOn: chinaDay(this.clock.now()),
        deactivatedAt: null,
      }),
    );
    return toOrgView(org);
  }

  async getOrg(userId: string, orgId: string): Promise<OrgView> {
    return toOrgView(await this.access.orgForAdmin(userId, orgId));
  }

  async children(userId: string, orgId: string): Promise<OrgChildren> {
    const org = await this.access.orgForAdmin(userId, orgId);
    const [orgs, homes] = await Promise.all([
      this.orgs.find({ where: { parentId: org.id }, order: { name: 'ASC' } }),
      this.homes.find({ where: { orgId: org.id }, order: { name: 'ASC' } }),
    ]);
    return {
      items: [
        ...orgs.map((o) => ({ type: 'org' as const, ...toOrgView(o) })),
        ...homes.map((h) => ({ type: 'home' as const, ...toHomeView(h) })),
      ],
    };
  }

  async createHome(userId: string, dto: CreateHomeDto): Promise<HomeView> {
    const org = await this.access.orgForAdmin(userId, dto.orgId);
    if (org.deactivatedAt) throw new DomainError('STATE_CONFLICT', `「${org.name}」已停用，不能在其下新建`);
    const name = this.cleanName(dto.name);
    // Members pick their home by name: one that looks like another of the same org would mislead them.
    const siblings = await this.homes.find({ where: { orgId: org.id }, select: { id: true, name: true } });
    const twin = confusableWith(
      name,
      siblings.map((h) => h.name),
    );
    if (twin)
      throw new DomainError('DUPLICATE', `本组织已有名为“${twin}”的职工之家，新名称与它相同或难以区分，请换一个名称`, {
        name: '与已有职工之家名称相同或相似',
      });
    const home = await this.tx.run((m) =>
      m.save(Home, {
        id: newId(),
        orgId: org.id,
        orgPath: org.path,
        name,
        kind: dto.kind,
        memberCount: dto.memberCount,
        workerCount: dto.workerCount ?? null,
        membershipMode: dto.membershipMode,
        ownership: dto.ownership ?? null,
        industry: dto.industry ? normalizeText(dto.industry) : null,
        sceneToken: newSceneToken(),
        createdOn: chinaDay(this.clock.now()),
        deactivatedAt: null,
      }),
    );
    return toHomeView(home);
  }

  async getHome(userId: string, homeId: string): Promise<HomeView> {
    return toHomeView(await this.access.homeForStaff(userId, homeId));
  }

  private cleanName(name: string): string {
    const clean = normalizeText(name);
    if (clean.length < 2) throw new DomainError('VALIDATION_FAILED', undefined, { name: '名称太短' });
    return clean;
  }
}
