import { Injectable, Optional } from '@nestjs/common';
import type { CampaignStatus } from '@pingjia/shared';
import { EntityManager } from 'typeorm';
import { invalid } from '../common/domain-error';
import { subtreeRange } from '../common/paging';
import { Transactions } from '../common/transactions';
import { ProvinceSettingsStore } from '../settings/province-settings.store';
import { Campaign } from './campaign.entity';
import { CampaignOverlap } from './campaign-overlap';

/** Who moved a cycle: its owner's admin (by the API) or the schedule (at opensAt / closesAt). */
export type MovedBy = 'owner' | 'schedule';

/**
 * Work done when a cycle opens, inside the transaction that opens it (the members' "a cycle opened"
 * messages: notices/), and after its commit (send them now).
 */
export abstract class CampaignOpenedHook {
  abstract opened(m: EntityManager, campaign: Campaign, now: Date): Promise<void>;
  abstract committed(): void;
}

/** Told of every open and close this instance made (the testing module records them; nothing else listens). */
export abstract class CampaignTransitionObserver {
  abstract moved(campaignId: string, to: CampaignStatus, by: MovedBy): void;
}

// The one place a cycle opens and closes, whoever asks (the owner now, or the schedule at its time, on
// any of several instances). Each move is a conditional UPDATE of the status inside the transaction that
// does the move's work: of two instances (or two clicks) racing, one changes the row and does the work,
// the other changes nothing and gets null. Everything that must be fixed when a cycle opens — the homes
// and their member counts (issue 17), the province settings (issue 18 item 3) — is written in `open`'s
// transaction, so a cycle is never open without it.
@Injectable()
export class CampaignTransitions {
  constructor(
    private readonly tx: Transactions,
    private readonly overlap: CampaignOverlap,
    private readonly settings: ProvinceSettingsStore,
    @Optional() private readonly observer?: CampaignTransitionObserver,
    @Optional() private readonly openedHook?: CampaignOpenedHook,
  ) {}

  /**
   * Opens the cycle if it is still in the status it was read in; null if another request or instance
   * moved it first. Opening before opensAt starts the window now. Refused when the window has passed or
   * another cycle holds one of its homes over the window.
   */
  async open(campaign: Campaign, now: Date, by: MovedBy): Promise<Campaign | null> {
    const at = now.toISOString();
    if (campaign.closesAt <= at) throw invalid({ closesAt: '结束时间已过，请先修改结束时间' }, '结束时间已过，不能开始评议');
    const opened: Campaign = { ...campaign, status: 'open', opensAt: campaign.opensAt > at ? at : campaign.opensAt };
    const done = await this.tx.run(async (m) => {
      await this.overlap.refuseClash(m, { ...opened, frozen: false });
      // The province's settings as they stand now: every figure of the cycle is computed with this copy.
      opened.settings = await this.settings.frozenFor(campaign.orgPath, m);
      const moved = await m.update(
        Campaign,
        { id: campaign.id, status: campaign.status },
        { status: 'open', opensAt: opened.opensAt, settings: opened.settings },
      );
      if (!moved.affected) return false;
      await this.freezeHomes(m, campaign);
      await this.openedHook?.opened(m, campaign, now);
      return true;
    });
    if (!done) return null;
    this.openedHook?.committed();
    this.observer?.moved(campaign.id, 'open', by);
    return opened;
  }

  /** Closes the open cycle; null if it was moved meanwhile. Homes added while it ran are frozen now. */
  async close(campaign: Campaign, by: MovedBy): Promise<Campaign | null> {
    const done = await this.tx.run(async (m) => {
      const moved = await m.update(Campaign, { id: campaign.id, status: 'open' }, { status: 'closed' });
      if (!moved.affected) return false;
      await this.freezeHomes(m, campaign);
      return true;
    });
    if (!done) return null;
    this.observer?.moved(campaign.id, 'closed', by);
    return { ...campaign, status: 'closed' };
  }

  /** Every active home under the cycle's org not yet frozen into it, with its member count and place now (deactivated homes stay out of new cycles). */
  private async freezeHomes(m: EntityManager, campaign: Campaign): Promise<void> {
    const { from, to } = subtreeRange(campaign.orgPath);
    await m.query(
      `INSERT INTO campaign_homes (campaign_id, home_id, member_count, org_path)
       SELECT ?, h.id, h.member_count, h.org_path FROM homes h
       WHERE h.org_path >= ? AND h.org_path < ? AND h.deactivated_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM campaign_homes ch WHERE ch.campaign_id = ? AND ch.home_id = h.id)`,
      [campaign.id, from, to, campaign.id],
    );
  }
}
