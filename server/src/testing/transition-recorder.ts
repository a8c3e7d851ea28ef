import { Injectable } from '@nestjs/common';
import type { CampaignStatus } from '@pingjia/shared';
import { CampaignTransitionObserver, MovedBy } from '../campaigns/campaign-transitions';

// The opens and closes this instance made, for GET /api/__test/campaigns/transitions (several
// instances: summed over them, each move of a cycle appears once).
@Injectable()
export class TransitionRecorder extends CampaignTransitionObserver {
  readonly moves: Array<{ campaignId: string; to: CampaignStatus; by: MovedBy }> = [];

  moved(campaignId: string, to: CampaignStatus, by: MovedBy): void {
    this.moves.push({ campaignId, to, by });
    if (this.moves.length > 1000) this.moves.shift();
  }
}
