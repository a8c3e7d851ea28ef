import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CAMPAIGN_STARTED_STATUSES } from '@pingjia/shared';
import { In, LessThan, Repository } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity';
import { CampaignHomes } from '../campaigns/campaign-homes';
import { notFound } from '../common/domain-error';
import { ancestorPaths, isWithin } from '../orgs/org-paths';

type HomePlace = { id: string; orgPath: string };

const CAMPAIGN_COLUMNS = 'id, org_id, org_path, name, status, opens_at, closes_at, created_on, settings';

/** A row of CAMPAIGN_COLUMNS as the entity (every column is text). */
const toCampaign = (r: Record<string, string | null>): Campaign =>
  Object.assign(new Campaign(), {
    id: r.id,
    orgId: r.org_id,
    orgPath: r.org_path,
    name: r.name,
    status: r.status,
    opensAt: r.opens_at,
    closesAt: r.closes_at,
    createdOn: r.created_on,
    settings: r.settings ?? null,
  });

// Which cycle a dashboard shows: one that covers the place asked about and has opened (a draft,
// scheduled or cancelled cycle has no figures). A home's cycles are those of the unions above it today
// and those it was frozen into (campaign_homes), so a home moved to another parent keeps its past ones.
@Injectable()
export class CampaignScope {
  constructor(
    @InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>,
    private readonly campaignHomes: CampaignHomes,
  ) {}

  /**
   * For a home: the requested campaign, if it covers the home. `frozen`: the cycles the home was frozen
   * into, when the caller has read them (CampaignHomes.ofHome).
   */
  async forHome(home: HomePlace, campaignId: string, frozen?: readonly string[]): Promise<Campaign> {
    const c = await this.campaigns.findOne({ where: { id: campaignId } });
    const frozenInto = async () => frozen ?? (await this.campaignHomes.frozenInto(home.id));
    if (!c || !(ancestorPaths(home.orgPath).includes(c.orgPath) || (await frozenInto()).includes(c.id))) {
      throw notFound();
    }
    return c;
  }

  /** For an org: a campaign above it (covers all of it) or below it (covers part); default the latest above. */
  async forOrg(orgPath: string, campaignId?: string): Promise<Campaign | null> {
    if (campaignId) {
      const c = await this.campaigns.findOne({ where: { id: campaignId } });
      if (!c || !(isWithin(orgPath, c.orgPath) || isWithin(c.orgPath, orgPath))) throw notFound();
      return c;
    }
    return this.latest(ancestorPaths(orgPath));
  }

  /** The federation's cycle before this one (for titles lost, 动态管理). */
  async previous(c: Campaign): Promise<Campaign | null> {
    const found = await this.campaigns.find({
      where: { orgPath: c.orgPath, opensAt: LessThan(c.opensAt), status: In(['closed', 'published']) },
      order: { opensAt: 'DESC' },
      take: 1,
    });
    return found[0] ?? null;
  }

  /**
   * Every started cycle covering a home, oldest first (at most `limit`, the latest ones). Asked on every
   * home dashboard that is not cached: one plain query, not a repository find, whose query building cost
   * more than the lookup (a random home's dashboard at 50,000 homes, docs/performance.md). `frozenIds`:
   * the cycles the home was frozen into, when the caller has read them.
   */
  async history(home: HomePlace, frozenIds?: readonly string[], limit = 10): Promise<Campaign[]> {
    const frozen = frozenIds ?? (await this.campaignHomes.frozenInto(home.id));
    const paths = ancestorPaths(home.orgPath);
    const marks = (xs: readonly unknown[]) => xs.map(() => '?').join(', ');
    const started = `status IN (${marks(CAMPAIGN_STARTED_STATUSES)})`;
    const rows: Record<string, string | null>[] = await this.campaigns.query(
      `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns WHERE (org_path IN (${marks(paths)}) AND ${started})` +
        (frozen.length ? ` OR (id IN (${marks(frozen)}) AND ${started})` : '') +
        ` ORDER BY opens_at DESC LIMIT ${Math.floor(limit)}`,
      [...paths, ...CAMPAIGN_STARTED_STATUSES, ...(frozen.length ? [...frozen, ...CAMPAIGN_STARTED_STATUSES] : [])],
    );
    return rows.map(toCampaign).reverse();
  }

  private async latest(paths: string[]): Promise<Campaign | null> {
    const found = await this.campaigns.find({
      where: { orgPath: In(paths), status: In([...CAMPAIGN_STARTED_STATUSES]) },
      order: { opensAt: 'DESC' },
      take: 1,
    });
    return found[0] ?? null;
  }
}
