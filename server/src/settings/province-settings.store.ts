import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DEFAULT_PROVINCE_SETTINGS, ProvinceSettings, withSettingDefaults } from '@pingjia/shared';
import { EntityManager, Repository } from 'typeorm';
import { provinceOf } from '../orgs/org-paths';
import { ProvinceSettingsRow } from './province-settings.entity';

/** Stored settings JSON (a province's row, a campaign's frozen copy) as settings; null/empty: the defaults. */
function parseSettings(json: string | null | undefined): ProvinceSettings {
  return json ? withSettingDefaults(JSON.parse(json) as ProvinceSettings) : DEFAULT_PROVINCE_SETTINGS;
}

/**
 * The settings a cycle's figures are computed with: the copy frozen into the campaign when it opened.
 * Campaigns that have not opened have none yet (and show no figures); they read as the defaults.
 */
export function campaignSettings(campaign: { settings: string | null } | null | undefined): ProvinceSettings {
  return parseSettings(campaign?.settings);
}

// Reads each province's current settings. Campaigns freeze them when they open (frozenFor); everything
// that computes a cycle's figures reads the campaign's copy (campaignSettings), never the current ones.
// Grievances, which belong to no cycle, read the current settings of their province (forOrgPath).
@Injectable()
export class ProvinceSettingsStore {
  constructor(@InjectRepository(ProvinceSettingsRow) private readonly rows: Repository<ProvinceSettingsRow>) {}

  /** The current settings of the province an org or home path lies in. */
  async forOrgPath(orgPath: string, m?: EntityManager): Promise<ProvinceSettings> {
    return (await this.row(provinceOf(orgPath), m)).settings;
  }

  async row(provinceId: string, m?: EntityManager): Promise<{ settings: ProvinceSettings; updatedAt: string | null }> {
    // Plain SQL: read on every grievance filing, where a repository find's query building cost more than the row.
    const [row] = (await (m ?? this.rows).query('SELECT settings, updated_at FROM province_settings WHERE province_id = ?', [
      provinceId,
    ])) as {
      settings: string;
      updated_at: string;
    }[];
    return { settings: parseSettings(row?.settings), updatedAt: row?.updated_at ?? null };
  }

  /** The copy a campaign of this org keeps from the moment it opens (the campaigns.settings column). */
  async frozenFor(orgPath: string, m?: EntityManager): Promise<string> {
    return JSON.stringify(await this.forOrgPath(orgPath, m));
  }
}
