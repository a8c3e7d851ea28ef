import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { canNestOrg, HOME_KIND_LABELS, normalizeText, ORG_LEVEL_LABELS, OWNERSHIP_LABELS } from '@pingjia/shared';
import type { Home as HomeView, Org as OrgView } from '@pingjia/shared';
import { EntityManager, Repository } from 'typeorm';
import { AuditRecord, AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { DomainError, invalid } from '../common/domain-error';
import { Transactions } from '../common/transactions';
import { AccessPolicy } from '../orgs/access-policy';
import { Home } from '../orgs/home.entity';
import { confusableWith } from '../orgs/home-names';
import { ancestorPaths, isWithin } from '../orgs/org-paths';
import { Org } from '../orgs/org.entity';
import { TreeChanges } from '../orgs/tree-changes';
import { toHomeView, toOrgView } from '../orgs/views';
import { MergeDto, MoveDto, UpdateHomeDto, UpdateOrgDto } from './dto';
import { TokenVersions } from '../auth/token-versions';
import { adminsLosing, handOver, holders, homeHistory, orgHistory, rewritePaths } from './structure-store';

const conflict = (message: string) => new DomainError('STATE_CONFLICT', message);

const MODE_LABELS = { open: '凡扫码即可评议', roster: '仅限名册内会员' } as const;

// Keeping the tree right over time (issue 17): edit, move, deactivate, reactivate, merge and delete
// orgs and homes. The level above decides: an org is changed by admins of an org above it (the root
// by its own admins), a home by admins of an org above it, never by its chair. Every change is
// audited inside its own transaction. What has history (ratings, grievances, rectification, a roster,
// cycles) is never deleted or merged away: it can be deactivated instead, and stays in the results.
@Injectable()
export class StructureService {
  constructor(
    @InjectRepository(Org) private readonly orgs: Repository<Org>,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly versions: TokenVersions,
    private readonly tree: TreeChanges,
  ) {}

  /**
   * A change that takes access away from staff: `losing(userIds)`, inside the transaction, moves their
   * token versions on, so their tokens — and the access decisions cached under them for the dashboards'
   * span (dashboard.controller.ts) — stop at once; a new sign-in decides afresh. Told after the commit.
   */
  private async changeTakingAccess<T>(work: (m: EntityManager, losing: (userIds: string[]) => Promise<void>) => Promise<T>): Promise<T> {
    // One entry per increment (a retried transaction increments again): each is matched by one `changed`.
    const bumped: string[] = [];
    try {
      const done = await this.tx.run((m) =>
        work(m, async (userIds) => {
          for (const id of new Set(userIds)) {
            bumped.push(id);
            await this.versions.increment(m, id);
          }
        }),
      );
      // Homes have left parts of the tree: dashboards cached by part of the tree are dropped, not served stale.
      this.tree.changed();
      return done;
    } finally {
      for (const id of bumped) await this.versions.changed(id);
    }
  }

  async updateOrg(userId: string, orgId: string, dto: UpdateOrgDto): Promise<OrgView> {
    const org = await this.orgToChange(userId, orgId);
    return this.tx.run(async (m) => {
      const changes: string[] = [];
      const patch: Partial<Org> = {};
      if (dto.name != null) {
        const name = cleanName(dto.name);
        if (name !== org.name) {
          changes.push(`名称 ${org.name} → ${name}`);
          patch.name = name;
        }
      }
      if (dto.level != null && dto.level !== org.level) {
        const parent = org.parentId ? await m.findOne(Org, { where: { id: org.parentId } }) : null;
        if (parent && !canNestOrg(parent.level, dto.level))
          throw invalid({ level: `不能在${ORG_LEVEL_LABELS[parent.level]}下设${ORG_LEVEL_LABELS[dto.level]}` });
        const below = await m.find(Org, { where: { parentId: org.id }, select: { level: true } });
        if (below.some((c) => !canNestOrg(dto.level!, c.level))) throw invalid({ level: '下级工会的级别须低于本级' });
        changes.push(`级别 ${ORG_LEVEL_LABELS[org.level]} → ${ORG_LEVEL_LABELS[dto.level]}`);
        patch.level = dto.level;
      }
      if (!changes.length) return toOrgView(org);
      await m.update(Org, { id: org.id }, patch);
      await this.recordOrg(m, userId, org, 'org.update', { targetName: patch.name ?? org.name, detail: { changes: changes.join('；') } });
      return toOrgView({ ...org, ...patch });
    });
  }

  async updateHome(userId: string, homeId: string, dto: UpdateHomeDto): Promise<HomeView> {
    const home = await this.access.homeForUpperLevel(userId, homeId, '职工之家的信息由上级工会维护');
    let edited = false;
    const view = await this.tx.run(async (m) => {
      const patch: Partial<Home> = {};
      const changes: string[] = [];
      const set = <K extends keyof Home>(
        key: K,
        value: Home[K],
        label: string,
        show: (v: Home[K]) => string = (v) => (v === null ? '未填' : String(v)),
      ) => {
        if (value === home[key]) return;
        patch[key] = value;
        changes.push(`${label} ${show(home[key])} → ${show(value)}`);
      };
      if (dto.name != null) {
        const name = cleanName(dto.name);
        if (name !== home.name) {
          const siblings = await m.find(Home, { where: { orgId: home.orgId }, select: { id: true, name: true } });
          const twin = confusableWith(
            name,
            siblings.filter((h) => h.id !== home.id).map((h) => h.name),
          );
          if (twin)
            throw new DomainError('DUPLICATE', `本组织已有名为“${twin}”的职工之家，新名称与它相同或难以区分，请换一个名称`, {
              name: '与已有职工之家名称相同或相似',
            });
        }
        set('name', name, '名称');
      }
      if (dto.kind != null) set('kind', dto.kind, '类型', (k) => HOME_KIND_LABELS[k]);
      if (dto.memberCount != null) set('memberCount', dto.memberCount, '会员人数');
      if (dto.workerCount !== undefined) set('workerCount', dto.workerCount, '职工人数');
      if (dto.membershipMode != null) set('membershipMode', dto.membershipMode, '评议方式', (v) => MODE_LABELS[v]);
      if (dto.ownership !== undefined) set('ownership', dto.ownership, '所有制', (v) => (v ? OWNERSHIP_LABELS[v] : '未填'));
      if (dto.industry !== undefined) set('industry', dto.industry === null ? null : normalizeText(dto.industry) || null, '行业');
      const members = patch.memberCount ?? home.memberCount;
      const workers = patch.workerCount !== undefined ? patch.workerCount : home.workerCount;
      if (workers !== null && workers < members) throw invalid({ workerCount: '职工人数不能少于会员人数' });
      if (!changes.length) return toHomeView(home);
      await m.update(Home, { id: home.id }, patch);
      await this.recordHome(m, userId, home, 'home.update', {
        targetName: patch.name ?? home.name,
        detail: { changes: changes.join('；') },
      });
      edited = true;
      return toHomeView({ ...home, ...patch });
    });
    // Its name and counts are in the org dashboards' kept parts of the tree (a closed cycle's for minutes).
    if (edited) this.tree.changed();
    return view;
  }

  /** Moves an org, with everything below it, under another org of the caller's subtree. */
  async moveOrg(userId: string, orgId: string, dto: MoveDto): Promise<OrgView> {
    const org = await this.orgToChange(userId, orgId);
    if (!org.parentId) throw conflict('省级工会没有上级，不能移动');
    const parent = await this.access.orgForAdmin(userId, dto.parentId);
    if (parent.id === org.parentId) return toOrgView(org);
    if (isWithin(parent.path, org.path)) throw invalid({ parentId: '不能移到它自己或它的下级之下' });
    if (parent.deactivatedAt) throw invalid({ parentId: `「${parent.name}」已停用，不能移入` });
    if (!canNestOrg(parent.level, org.level))
      throw invalid({ parentId: `${ORG_LEVEL_LABELS[parent.level]}下不能设${ORG_LEVEL_LABELS[org.level]}` });
    return this.changeTakingAccess(async (m, losing) => {
      const from = await this.parentName(m, org.parentId);
      await this.refuseDuringOpenCycle(m, org.name, org.path, parent.path);
      await losing(await adminsLosing(m, org.path.slice(0, -(org.id.length + 1)), parent.path));
      const path = `${parent.path}${org.id}/`;
      await m.update(Org, { id: org.id }, { parentId: parent.id });
      await rewritePaths(m, org.path, path);
      await this.recordOrg(m, userId, org, 'org.move', { scopePath: path, detail: { from, to: parent.name } });
      return toOrgView({ ...org, parentId: parent.id });
    });
  }

  async moveHome(userId: string, homeId: string, dto: MoveDto): Promise<HomeView> {
    const home = await this.access.homeForUpperLevel(userId, homeId, '职工之家的隶属关系由上级工会调整');
    const org = await this.access.orgForAdmin(userId, dto.parentId);
    if (org.id === home.orgId) return toHomeView(home);
    if (org.deactivatedAt) throw invalid({ parentId: `「${org.name}」已停用，不能移入` });
    return this.changeTakingAccess(async (m, losing) => {
      const siblings = await m.find(Home, { where: { orgId: org.id }, select: { name: true } });
      const twin = confusableWith(
        home.name,
        siblings.map((h) => h.name),
      );
      if (twin)
        throw new DomainError('DUPLICATE', `「${org.name}」已有名为“${twin}”的职工之家，与本职工之家名称相同或难以区分；请先改名或合并`);
      await this.refuseDuringOpenCycle(m, home.name, home.orgPath, org.path);
      await losing(await adminsLosing(m, home.orgPath, org.path));
      const from = await this.parentName(m, home.orgId);
      await m.update(Home, { id: home.id }, { orgId: org.id, orgPath: org.path });
      // Its grievances go with it; those about the union itself go to the new level above (unless escalated).
      await m.query('UPDATE grievances SET org_path = ? WHERE home_id = ?', [org.path, home.id]);
      await m.query('UPDATE invites SET scope_path = ? WHERE org_id = ?', [org.path, home.id]);
      await m.query(
        'UPDATE grievances SET handler_org_id = ?, handler_org_path = ? WHERE home_id = ? AND handler_org_id = ? AND escalated = ?',
        [org.id, org.path, home.id, home.orgId, false],
      );
      await this.recordHome(m, userId, home, 'home.move', { scopePath: org.path, detail: { from, to: org.name } });
      return toHomeView({ ...home, orgId: org.id, orgPath: org.path });
    });
  }

  /** Deactivates an org whose homes and lower unions are all deactivated or moved away. */
  async setOrgActive(userId: string, orgId: string, active: boolean): Promise<OrgView> {
    const org = await this.orgToChange(userId, orgId);
    if (!org.parentId) throw conflict('省级工会不能停用');
    return this.tx.run(async (m) => {
      if (!active) {
        const [{ n }] = (await m.query(
          'SELECT (SELECT COUNT(*) FROM orgs WHERE parent_id = ? AND deactivated_at IS NULL) + (SELECT COUNT(*) FROM homes WHERE org_id = ? AND deactivated_at IS NULL) AS n',
          [org.id, org.id],
        )) as { n: number | string }[];
        if (Number(n) > 0) throw conflict(`「${org.name}」下还有 ${Number(n)} 个在用的下级工会或职工之家，请先停用或移走它们`);
      } else {
        const parent = await m.findOne(Org, { where: { id: org.parentId! } });
        if (parent?.deactivatedAt) throw conflict(`上级「${parent.name}」已停用，请先恢复上级`);
      }
      if (!!org.deactivatedAt === !active) return toOrgView(org);
      const deactivatedAt = active ? null : this.clock.now().toISOString();
      await m.update(Org, { id: org.id }, { deactivatedAt });
      await this.recordOrg(m, userId, org, active ? 'org.reactivate' : 'org.deactivate');
      return toOrgView({ ...org, deactivatedAt });
    });
  }

  async setHomeActive(userId: string, homeId: string, active: boolean): Promise<HomeView> {
    const home = await this.access.homeForUpperLevel(userId, homeId, '职工之家的停用和恢复由上级工会决定');
    return this.tx.run(async (m) => {
      if (active) {
        const org = await m.findOne(Org, { where: { id: home.orgId } });
        if (org?.deactivatedAt) throw conflict(`所属「${org.name}」已停用，请先恢复它`);
      }
      if (!!home.deactivatedAt === !active) return toHomeView(home);
      const deactivatedAt = active ? null : this.clock.now().toISOString();
      await m.update(Home, { id: home.id }, { deactivatedAt });
      await this.recordHome(m, userId, home, active ? 'home.reactivate' : 'home.deactivate');
      return toHomeView({ ...home, deactivatedAt });
    });
  }

  /** Deletes an org with nothing below it and no history of its own (cycles, grievances it handled, staff). */
  async deleteOrg(userId: string, orgId: string): Promise<void> {
    const org = await this.orgToChange(userId, orgId);
    if (!org.parentId) throw conflict('省级工会不能删除');
    await this.tx.run(async (m) => {
      const [{ n }] = (await m.query(
        'SELECT (SELECT COUNT(*) FROM orgs WHERE parent_id = ?) + (SELECT COUNT(*) FROM homes WHERE org_id = ?) AS n',
        [org.id, org.id],
      )) as { n: number | string }[];
      if (Number(n) > 0) throw conflict(`「${org.name}」下还有 ${Number(n)} 个下级工会或职工之家，不能删除；可以移走它们，或停用本工会`);
      const history = await orgHistory(m, org.id);
      if (history) throw conflict(`「${org.name}」已有${history}，不能删除；可以停用它（历史记录保留）`);
      await m.query('DELETE FROM invites WHERE org_id = ? AND used_at IS NULL', [org.id]);
      await this.recordOrg(m, userId, org, 'org.delete');
      await m.delete(Org, { id: org.id });
    });
  }

  async deleteHome(userId: string, homeId: string): Promise<void> {
    const home = await this.access.homeForUpperLevel(userId, homeId, '职工之家只能由上级工会删除');
    await this.tx.run(async (m) => {
      const history = await homeHistory(m, home.id);
      if (history) throw conflict(`「${home.name}」已有${history}，不能删除；可以停用它（历史记录和结果保留）`);
      await m.query('DELETE FROM invites WHERE org_id = ? AND used_at IS NULL', [home.id]);
      await this.recordHome(m, userId, home, 'home.delete');
      await m.delete(Home, { id: home.id });
    });
  }

  /**
   * Merges a duplicate org into the one that stays: its lower unions and homes move under the other
   * (paths of the whole subtree in one transaction), its admins become admins of the other, and the
   * duplicate goes. Refused when the duplicate has history of its own (its cycles, grievances it
   * handled): two sets of results cannot become one; deactivate it instead.
   */
  async mergeOrg(userId: string, orgId: string, dto: MergeDto): Promise<OrgView> {
    const dup = await this.orgToChange(userId, orgId);
    if (!dup.parentId) throw conflict('省级工会不能合并');
    const into = await this.access.orgForAdmin(userId, dto.intoId);
    if (into.id === dup.id) throw invalid({ intoId: '不能与自己合并' });
    if (isWithin(into.path, dup.path)) throw invalid({ intoId: '不能并入它自己的下级' });
    if (into.level !== dup.level) throw invalid({ intoId: '只能合并同一级别的工会' });
    if (into.deactivatedAt) throw invalid({ intoId: `「${into.name}」已停用，不能并入` });
    return this.changeTakingAccess(async (m, losing) => {
      const history = await orgHistory(m, dup.id, { staff: false });
      if (history) throw conflict(`「${dup.name}」已有${history}，不能合并；可以停用它（历史记录保留）`);
      await this.refuseDuringOpenCycle(m, dup.name, dup.path, into.path);
      const homes = await m.find(Home, { where: { orgId: dup.id } });
      const kept = await m.find(Home, { where: { orgId: into.id }, select: { name: true } });
      for (const h of homes) {
        const twin = confusableWith(
          h.name,
          kept.map((k) => k.name),
        );
        if (twin) throw conflict(`两个工会下都有名为“${twin}”的职工之家，请先处理这个重复的职工之家再合并`);
      }
      const [{ n: lower }] = (await m.query('SELECT COUNT(*) AS n FROM orgs WHERE parent_id = ?', [dup.id])) as { n: number | string }[];
      // Children first under the kept org, then every path below the duplicate rewritten to the kept one's.
      await m.query('UPDATE orgs SET parent_id = ? WHERE parent_id = ?', [into.id, dup.id]);
      await m.query('UPDATE homes SET org_id = ? WHERE org_id = ?', [into.id, dup.id]);
      // The duplicate's admins (their grants handed over or dropped) and the admins above it but not above the kept one.
      await losing([...(await holders(m, dup.id)), ...(await adminsLosing(m, dup.path, into.path))]);
      await rewritePaths(m, dup.path, into.path);
      await handOver(m, 'federation_admin', dup.id, into.id);
      await this.recordOrg(m, userId, dup, 'org.merge', {
        scopePath: into.path,
        detail: { into: into.name, moved: `${Number(lower)} 个下级工会，${homes.length} 个职工之家` },
      });
      await m.delete(Org, { id: dup.id });
      return toOrgView(into);
    });
  }

  /**
   * Merges a duplicate home into the one that stays: only a duplicate without history (no ratings,
   * grievances, rectification or roster), whose chairs then chair the kept home. A home with history
   * keeps it: deactivate it instead.
   */
  async mergeHome(userId: string, homeId: string, dto: MergeDto): Promise<HomeView> {
    const dup = await this.access.homeForUpperLevel(userId, homeId, '职工之家只能由上级工会合并');
    if (dto.intoId === dup.id) throw invalid({ intoId: '不能与自己合并' });
    const into = await this.access.homeForUpperLevel(userId, dto.intoId, '职工之家只能由上级工会合并');
    if (into.deactivatedAt) throw invalid({ intoId: `「${into.name}」已停用，不能并入` });
    return this.changeTakingAccess(async (m, losing) => {
      const history = await homeHistory(m, dup.id, { staff: false });
      if (history) throw conflict(`「${dup.name}」已有${history}，不能合并（两份评议结果不能合成一份）；可以停用它，历史记录和结果保留`);
      await losing(await holders(m, dup.id));
      await handOver(m, 'chair', dup.id, into.id);
      await this.recordHome(m, userId, dup, 'home.merge', { homeId: into.id, detail: { into: into.name } });
      await m.delete(Home, { id: dup.id });
      return toHomeView(into);
    });
  }

  /** An org the caller may change: one below an org they administer; the root, by its own admins. */
  private async orgToChange(userId: string, orgId: string): Promise<Org> {
    const org = await this.access.orgForAdmin(userId, orgId);
    return org.parentId ? this.access.orgBelowAdmin(userId, orgId) : org;
  }

  /** A cycle that is open over the old place and not over the new one would lose ratings in flight. */
  private async refuseDuringOpenCycle(m: EntityManager, name: string, oldParentPath: string, newParentPath: string): Promise<void> {
    const kept = new Set(ancestorPaths(newParentPath));
    const lost = ancestorPaths(oldParentPath).filter((p) => !kept.has(p));
    if (!lost.length) return;
    const open = (await m.query(
      `SELECT name FROM campaigns WHERE status = 'open' AND org_path IN (${lost.map(() => '?').join(', ')})`,
      lost,
    )) as { name: string }[];
    if (open.length) throw conflict(`「${name}」正在参加「${open[0].name}」的评议，评议结束后再调整隶属关系`);
  }

  private async parentName(m: EntityManager, orgId: string | null): Promise<string | null> {
    if (!orgId) return null;
    return (await m.findOne(Org, { where: { id: orgId }, select: { name: true } }))?.name ?? null;
  }

  /** Audits a change to an org, seen where the org is unless `scopePath` says otherwise. */
  private recordOrg(m: EntityManager, actorUserId: string, org: Org, action: string, more: Partial<AuditRecord> = {}): Promise<void> {
    const target = { scopePath: org.path, targetType: 'org', targetId: org.id, targetName: org.name } as const;
    return this.audit.record({ actorUserId, actorRole: 'federation_admin', action, ...target, ...more }, m);
  }

  /** Audits a change to a home, seen where the home is unless `scopePath` says otherwise. */
  private recordHome(m: EntityManager, actorUserId: string, home: Home, action: string, more: Partial<AuditRecord> = {}): Promise<void> {
    const target = { scopePath: home.orgPath, targetType: 'home', targetId: home.id, targetName: home.name, homeId: home.id } as const;
    return this.audit.record({ actorUserId, actorRole: 'federation_admin', action, ...target, ...more }, m);
  }
}

function cleanName(name: string): string {
  const clean = normalizeText(name);
  if (clean.length < 2) throw invalid({ name: '名称太短' });
  return clean;
}
