import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  DEFAULT_PROVINCE_SETTINGS,
  provinceSettingsProblems,
  ProvinceSettings,
  ProvinceSettingsView,
  withSettingDefaults,
} from '@pingjia/shared';
import { Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuditDetail } from '../common/audited';
import { Clock } from '../common/clock';
import { DomainError, invalid, notFound } from '../common/domain-error';
import { Transactions } from '../common/transactions';
import { AccessPolicy } from '../orgs/access-policy';
import { Org } from '../orgs/org.entity';
import { provinceOf } from '../orgs/org-paths';
import { ProvinceSettingsRow } from '../settings/province-settings.entity';
import { ProvinceSettingsStore } from '../settings/province-settings.store';

/** Leaves of a settings object by path ('thresholds.minSlice' → 5). */
function leaves(value: unknown, at = '', out: Record<string, string | number | null> = {}): Record<string, string | number | null> {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leaves(v, at ? `${at}.${k}` : k, out);
  } else out[at] = value as string | number | null;
  return out;
}

/** What changed, as 'path' → 'before→after' (the audit entry's detail). */
function settingsChanges(before: ProvinceSettings, after: ProvinceSettings): AuditDetail {
  const a = leaves(before);
  const b = leaves(after);
  const out: AuditDetail = {};
  for (const k of Object.keys(b)) if (a[k] !== b[k]) out[k] = `${a[k] ?? '—'}→${b[k] ?? '—'}`;
  return out;
}

// Editing a province's settings: its own admins only (a province is the top: nobody sets them from
// above), each change audited in the same transaction. Admins below may read them.
@Injectable()
export class ProvinceSettingsService {
  constructor(
    @InjectRepository(Org) private readonly orgs: Repository<Org>,
    private readonly store: ProvinceSettingsStore,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
    private readonly clock: Clock,
  ) {}

  /** The settings of the province `orgId` lies in, for any admin of that org. */
  async view(userId: string, orgId: string): Promise<ProvinceSettingsView> {
    const org = await this.access.orgForAdmin(userId, orgId);
    const province = await this.orgs.findOne({ where: { id: provinceOf(org.path) } });
    if (!province) throw notFound();
    const { settings, updatedAt } = await this.store.row(province.id);
    return this.toView(province, settings, updatedAt, await this.access.administers(userId, province.path));
  }

  async update(userId: string, provinceId: string, raw: ProvinceSettings): Promise<ProvinceSettingsView> {
    const province = await this.access.orgForAdmin(userId, provinceId);
    if (province.level !== 'province') throw new DomainError('FORBIDDEN', '设置按省统一：请在省总工会修改');
    const problems = provinceSettingsProblems(raw);
    if (Object.keys(problems).length) throw invalid(problems);
    const settings = withSettingDefaults(raw);
    const at = this.clock.now().toISOString();
    await this.tx.run(async (m) => {
      const before = (await this.store.row(province.id, m)).settings;
      const changes = settingsChanges(before, settings);
      if (!Object.keys(changes).length) return;
      await m.save(ProvinceSettingsRow, { provinceId: province.id, settings: JSON.stringify(settings), updatedAt: at, updatedBy: userId });
      await this.audit.record(
        {
          actorUserId: userId,
          scopePath: province.path,
          action: 'settings.update',
          targetType: 'org',
          targetId: province.id,
          detail: changes,
        },
        m,
      );
    });
    const { updatedAt } = await this.store.row(province.id);
    return this.toView(province, settings, updatedAt, true);
  }

  private toView(province: Org, settings: ProvinceSettings, updatedAt: string | null, editable: boolean): ProvinceSettingsView {
    return { provinceId: province.id, provinceName: province.name, settings, defaults: DEFAULT_PROVINCE_SETTINGS, updatedAt, editable };
  }
}
